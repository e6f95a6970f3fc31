from typing import Literal

KlingParamsDuration = Literal[5, 10]

KLING_PARAMS_DURATION_VALUES: set[KlingParamsDuration] = {
    5,
    10,
}


def check_kling_params_duration(value: int) -> KlingParamsDuration:
    if value in KLING_PARAMS_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KLING_PARAMS_DURATION_VALUES!r}")
