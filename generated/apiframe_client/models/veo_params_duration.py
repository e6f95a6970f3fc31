from typing import Literal

VeoParamsDuration = Literal[5, 6, 7, 8]

VEO_PARAMS_DURATION_VALUES: set[VeoParamsDuration] = {
    5,
    6,
    7,
    8,
}


def check_veo_params_duration(value: int) -> VeoParamsDuration:
    if value in VEO_PARAMS_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VEO_PARAMS_DURATION_VALUES!r}")
