from typing import Literal

SunoActionExtendIndex = Literal[1, 2]

SUNO_ACTION_EXTEND_INDEX_VALUES: set[SunoActionExtendIndex] = {
    1,
    2,
}


def check_suno_action_extend_index(value: int) -> SunoActionExtendIndex:
    if value in SUNO_ACTION_EXTEND_INDEX_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUNO_ACTION_EXTEND_INDEX_VALUES!r}")
