from typing import Literal

Seedance2FastParamsResolution = Literal["480p", "720p"]

SEEDANCE_2_FAST_PARAMS_RESOLUTION_VALUES: set[Seedance2FastParamsResolution] = {
    "480p",
    "720p",
}


def check_seedance_2_fast_params_resolution(value: str) -> Seedance2FastParamsResolution:
    if value in SEEDANCE_2_FAST_PARAMS_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEEDANCE_2_FAST_PARAMS_RESOLUTION_VALUES!r}")
