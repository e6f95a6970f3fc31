from typing import Literal

TopazVideoParamsTargetResolution = Literal["1080p", "4k", "720p"]

TOPAZ_VIDEO_PARAMS_TARGET_RESOLUTION_VALUES: set[TopazVideoParamsTargetResolution] = {
    "1080p",
    "4k",
    "720p",
}


def check_topaz_video_params_target_resolution(value: str) -> TopazVideoParamsTargetResolution:
    if value in TOPAZ_VIDEO_PARAMS_TARGET_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOPAZ_VIDEO_PARAMS_TARGET_RESOLUTION_VALUES!r}")
