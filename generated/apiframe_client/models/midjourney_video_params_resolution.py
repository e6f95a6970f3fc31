from typing import Literal

MidjourneyVideoParamsResolution = Literal["hd", "sd"]

MIDJOURNEY_VIDEO_PARAMS_RESOLUTION_VALUES: set[MidjourneyVideoParamsResolution] = {
    "hd",
    "sd",
}


def check_midjourney_video_params_resolution(value: str) -> MidjourneyVideoParamsResolution:
    if value in MIDJOURNEY_VIDEO_PARAMS_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MIDJOURNEY_VIDEO_PARAMS_RESOLUTION_VALUES!r}")
