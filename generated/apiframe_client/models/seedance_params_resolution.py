from typing import Literal

SeedanceParamsResolution = Literal["1080p", "480p", "720p"]

SEEDANCE_PARAMS_RESOLUTION_VALUES: set[SeedanceParamsResolution] = {
    "1080p",
    "480p",
    "720p",
}


def check_seedance_params_resolution(value: str) -> SeedanceParamsResolution:
    if value in SEEDANCE_PARAMS_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEEDANCE_PARAMS_RESOLUTION_VALUES!r}")
