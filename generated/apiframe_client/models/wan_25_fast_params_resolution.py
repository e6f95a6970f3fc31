from typing import Literal

Wan25FastParamsResolution = Literal["1080p", "720p"]

WAN_25_FAST_PARAMS_RESOLUTION_VALUES: set[Wan25FastParamsResolution] = {
    "1080p",
    "720p",
}


def check_wan_25_fast_params_resolution(value: str) -> Wan25FastParamsResolution:
    if value in WAN_25_FAST_PARAMS_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WAN_25_FAST_PARAMS_RESOLUTION_VALUES!r}")
