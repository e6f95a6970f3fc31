from typing import Literal

Kling25TurboProParamsDuration = Literal[5, 10]

KLING_25_TURBO_PRO_PARAMS_DURATION_VALUES: set[Kling25TurboProParamsDuration] = {
    5,
    10,
}


def check_kling_25_turbo_pro_params_duration(value: int) -> Kling25TurboProParamsDuration:
    if value in KLING_25_TURBO_PRO_PARAMS_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KLING_25_TURBO_PRO_PARAMS_DURATION_VALUES!r}")
