from typing import Literal

SunoActionAddVocalsIndex = Literal[1, 2]

SUNO_ACTION_ADD_VOCALS_INDEX_VALUES: set[SunoActionAddVocalsIndex] = {
    1,
    2,
}


def check_suno_action_add_vocals_index(value: int) -> SunoActionAddVocalsIndex:
    if value in SUNO_ACTION_ADD_VOCALS_INDEX_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUNO_ACTION_ADD_VOCALS_INDEX_VALUES!r}")
