from typing import Literal

TopazVideoParamsTargetFps = Literal[24, 30, 60]

TOPAZ_VIDEO_PARAMS_TARGET_FPS_VALUES: set[TopazVideoParamsTargetFps] = {
    24,
    30,
    60,
}


def check_topaz_video_params_target_fps(value: int) -> TopazVideoParamsTargetFps:
    if value in TOPAZ_VIDEO_PARAMS_TARGET_FPS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOPAZ_VIDEO_PARAMS_TARGET_FPS_VALUES!r}")
