from typing import Literal

SeedanceParamsDuration = Literal[5, 10]

SEEDANCE_PARAMS_DURATION_VALUES: set[SeedanceParamsDuration] = {
    5,
    10,
}


def check_seedance_params_duration(value: int) -> SeedanceParamsDuration:
    if value in SEEDANCE_PARAMS_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEEDANCE_PARAMS_DURATION_VALUES!r}")
