from typing import Literal

Seedance15ProParamsDuration = Literal[4, 8, 12]

SEEDANCE_15_PRO_PARAMS_DURATION_VALUES: set[Seedance15ProParamsDuration] = {
    4,
    8,
    12,
}


def check_seedance_15_pro_params_duration(value: int) -> Seedance15ProParamsDuration:
    if value in SEEDANCE_15_PRO_PARAMS_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEEDANCE_15_PRO_PARAMS_DURATION_VALUES!r}")
