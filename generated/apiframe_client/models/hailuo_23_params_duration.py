from typing import Literal

Hailuo23ParamsDuration = Literal[6, 10]

HAILUO_23_PARAMS_DURATION_VALUES: set[Hailuo23ParamsDuration] = {
    6,
    10,
}


def check_hailuo_23_params_duration(value: int) -> Hailuo23ParamsDuration:
    if value in HAILUO_23_PARAMS_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HAILUO_23_PARAMS_DURATION_VALUES!r}")
