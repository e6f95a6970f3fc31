from typing import Literal

Wan27VideoeditParamsResolution = Literal["1080p", "720p"]

WAN_27_VIDEOEDIT_PARAMS_RESOLUTION_VALUES: set[Wan27VideoeditParamsResolution] = {
    "1080p",
    "720p",
}


def check_wan_27_videoedit_params_resolution(value: str) -> Wan27VideoeditParamsResolution:
    if value in WAN_27_VIDEOEDIT_PARAMS_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WAN_27_VIDEOEDIT_PARAMS_RESOLUTION_VALUES!r}")
