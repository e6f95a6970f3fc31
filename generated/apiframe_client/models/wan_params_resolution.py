from typing import Literal

WanParamsResolution = Literal["1080p", "480p", "720p"]

WAN_PARAMS_RESOLUTION_VALUES: set[WanParamsResolution] = {
    "1080p",
    "480p",
    "720p",
}


def check_wan_params_resolution(value: str) -> WanParamsResolution:
    if value in WAN_PARAMS_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WAN_PARAMS_RESOLUTION_VALUES!r}")
