from typing import Literal

Seedance15ProParamsResolution = Literal["1080p", "480p", "720p"]

SEEDANCE_15_PRO_PARAMS_RESOLUTION_VALUES: set[Seedance15ProParamsResolution] = {
    "1080p",
    "480p",
    "720p",
}


def check_seedance_15_pro_params_resolution(value: str) -> Seedance15ProParamsResolution:
    if value in SEEDANCE_15_PRO_PARAMS_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEEDANCE_15_PRO_PARAMS_RESOLUTION_VALUES!r}")
