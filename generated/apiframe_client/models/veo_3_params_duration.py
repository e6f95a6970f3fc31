from typing import Literal

Veo3ParamsDuration = Literal[4, 6, 8]

VEO_3_PARAMS_DURATION_VALUES: set[Veo3ParamsDuration] = {
    4,
    6,
    8,
}


def check_veo_3_params_duration(value: int) -> Veo3ParamsDuration:
    if value in VEO_3_PARAMS_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {VEO_3_PARAMS_DURATION_VALUES!r}")
