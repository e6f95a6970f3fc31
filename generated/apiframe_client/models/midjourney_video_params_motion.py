from typing import Literal

MidjourneyVideoParamsMotion = Literal["high", "low"]

MIDJOURNEY_VIDEO_PARAMS_MOTION_VALUES: set[MidjourneyVideoParamsMotion] = {
    "high",
    "low",
}


def check_midjourney_video_params_motion(value: str) -> MidjourneyVideoParamsMotion:
    if value in MIDJOURNEY_VIDEO_PARAMS_MOTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MIDJOURNEY_VIDEO_PARAMS_MOTION_VALUES!r}")
