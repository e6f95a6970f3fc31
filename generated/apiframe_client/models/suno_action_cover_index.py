from typing import Literal

SunoActionCoverIndex = Literal[1, 2]

SUNO_ACTION_COVER_INDEX_VALUES: set[SunoActionCoverIndex] = {
    1,
    2,
}


def check_suno_action_cover_index(value: int) -> SunoActionCoverIndex:
    if value in SUNO_ACTION_COVER_INDEX_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUNO_ACTION_COVER_INDEX_VALUES!r}")
