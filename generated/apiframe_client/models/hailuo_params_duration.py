from typing import Literal

HailuoParamsDuration = Literal[6, 10]

HAILUO_PARAMS_DURATION_VALUES: set[HailuoParamsDuration] = {
    6,
    10,
}


def check_hailuo_params_duration(value: int) -> HailuoParamsDuration:
    if value in HAILUO_PARAMS_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HAILUO_PARAMS_DURATION_VALUES!r}")
