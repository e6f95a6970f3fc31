from typing import Literal

Kling21MasterParamsDuration = Literal[5, 10]

KLING_21_MASTER_PARAMS_DURATION_VALUES: set[Kling21MasterParamsDuration] = {
    5,
    10,
}


def check_kling_21_master_params_duration(value: int) -> Kling21MasterParamsDuration:
    if value in KLING_21_MASTER_PARAMS_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KLING_21_MASTER_PARAMS_DURATION_VALUES!r}")
