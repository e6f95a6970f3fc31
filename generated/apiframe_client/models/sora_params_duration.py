from typing import Literal

SoraParamsDuration = Literal[4, 8, 10, 12, 15]

SORA_PARAMS_DURATION_VALUES: set[SoraParamsDuration] = {
    4,
    8,
    10,
    12,
    15,
}


def check_sora_params_duration(value: int) -> SoraParamsDuration:
    if value in SORA_PARAMS_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SORA_PARAMS_DURATION_VALUES!r}")
