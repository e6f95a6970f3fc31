from typing import Literal

MidjourneyActionVariationIndex = Literal[1, 2, 3, 4]

MIDJOURNEY_ACTION_VARIATION_INDEX_VALUES: set[MidjourneyActionVariationIndex] = {
    1,
    2,
    3,
    4,
}


def check_midjourney_action_variation_index(value: int) -> MidjourneyActionVariationIndex:
    if value in MIDJOURNEY_ACTION_VARIATION_INDEX_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MIDJOURNEY_ACTION_VARIATION_INDEX_VALUES!r}")
