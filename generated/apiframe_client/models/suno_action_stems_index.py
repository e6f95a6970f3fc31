from typing import Literal

SunoActionStemsIndex = Literal[1, 2]

SUNO_ACTION_STEMS_INDEX_VALUES: set[SunoActionStemsIndex] = {
    1,
    2,
}


def check_suno_action_stems_index(value: int) -> SunoActionStemsIndex:
    if value in SUNO_ACTION_STEMS_INDEX_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUNO_ACTION_STEMS_INDEX_VALUES!r}")
