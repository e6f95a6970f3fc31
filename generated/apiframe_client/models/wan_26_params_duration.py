from typing import Literal

Wan26ParamsDuration = Literal[5, 10, 15]

WAN_26_PARAMS_DURATION_VALUES: set[Wan26ParamsDuration] = {
    5,
    10,
    15,
}


def check_wan_26_params_duration(value: int) -> Wan26ParamsDuration:
    if value in WAN_26_PARAMS_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WAN_26_PARAMS_DURATION_VALUES!r}")
