from typing import Literal

Wan27ParamsResolution = Literal["1080p", "720p"]

WAN_27_PARAMS_RESOLUTION_VALUES: set[Wan27ParamsResolution] = {
    "1080p",
    "720p",
}


def check_wan_27_params_resolution(value: str) -> Wan27ParamsResolution:
    if value in WAN_27_PARAMS_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WAN_27_PARAMS_RESOLUTION_VALUES!r}")
