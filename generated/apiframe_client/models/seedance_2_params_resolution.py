from typing import Literal

Seedance2ParamsResolution = Literal["1080p", "480p", "720p"]

SEEDANCE_2_PARAMS_RESOLUTION_VALUES: set[Seedance2ParamsResolution] = {
    "1080p",
    "480p",
    "720p",
}


def check_seedance_2_params_resolution(value: str) -> Seedance2ParamsResolution:
    if value in SEEDANCE_2_PARAMS_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEEDANCE_2_PARAMS_RESOLUTION_VALUES!r}")
