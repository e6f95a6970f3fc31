from typing import Literal

Kling26ParamsDuration = Literal[5, 10]

KLING_26_PARAMS_DURATION_VALUES: set[Kling26ParamsDuration] = {
    5,
    10,
}


def check_kling_26_params_duration(value: int) -> Kling26ParamsDuration:
    if value in KLING_26_PARAMS_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KLING_26_PARAMS_DURATION_VALUES!r}")
