from typing import Literal

MidjourneyActionUpsampleIndex = Literal[1, 2, 3, 4]

MIDJOURNEY_ACTION_UPSAMPLE_INDEX_VALUES: set[MidjourneyActionUpsampleIndex] = {
    1,
    2,
    3,
    4,
}


def check_midjourney_action_upsample_index(value: int) -> MidjourneyActionUpsampleIndex:
    if value in MIDJOURNEY_ACTION_UPSAMPLE_INDEX_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MIDJOURNEY_ACTION_UPSAMPLE_INDEX_VALUES!r}")
