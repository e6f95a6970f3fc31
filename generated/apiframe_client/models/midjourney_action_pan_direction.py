from typing import Literal

MidjourneyActionPanDirection = Literal["down", "left", "right", "up"]

MIDJOURNEY_ACTION_PAN_DIRECTION_VALUES: set[MidjourneyActionPanDirection] = {
    "down",
    "left",
    "right",
    "up",
}


def check_midjourney_action_pan_direction(value: str) -> MidjourneyActionPanDirection:
    if value in MIDJOURNEY_ACTION_PAN_DIRECTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MIDJOURNEY_ACTION_PAN_DIRECTION_VALUES!r}")
