from typing import Literal

Wan25FastParamsDuration = Literal[5, 10]

WAN_25_FAST_PARAMS_DURATION_VALUES: set[Wan25FastParamsDuration] = {
    5,
    10,
}


def check_wan_25_fast_params_duration(value: int) -> Wan25FastParamsDuration:
    if value in WAN_25_FAST_PARAMS_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WAN_25_FAST_PARAMS_DURATION_VALUES!r}")
