from typing import Literal

Wan26ParamsResolution = Literal["1080p", "720p"]

WAN_26_PARAMS_RESOLUTION_VALUES: set[Wan26ParamsResolution] = {
    "1080p",
    "720p",
}


def check_wan_26_params_resolution(value: str) -> Wan26ParamsResolution:
    if value in WAN_26_PARAMS_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WAN_26_PARAMS_RESOLUTION_VALUES!r}")
