from typing import Literal

LumaParamsDuration = Literal[5, 9]

LUMA_PARAMS_DURATION_VALUES: set[LumaParamsDuration] = {
    5,
    9,
}


def check_luma_params_duration(value: int) -> LumaParamsDuration:
    if value in LUMA_PARAMS_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LUMA_PARAMS_DURATION_VALUES!r}")
