from typing import Literal

WanParamsDuration = Literal[5, 10]

WAN_PARAMS_DURATION_VALUES: set[WanParamsDuration] = {
    5,
    10,
}


def check_wan_params_duration(value: int) -> WanParamsDuration:
    if value in WAN_PARAMS_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WAN_PARAMS_DURATION_VALUES!r}")
