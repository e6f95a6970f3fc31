from typing import Literal

SeedanceParamsAspectRatio = Literal["16:9", "1:1", "21:9", "3:4", "4:3", "9:16", "9:21"]

SEEDANCE_PARAMS_ASPECT_RATIO_VALUES: set[SeedanceParamsAspectRatio] = {
    "16:9",
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
    "9:21",
}


def check_seedance_params_aspect_ratio(value: str) -> SeedanceParamsAspectRatio:
    if value in SEEDANCE_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEEDANCE_PARAMS_ASPECT_RATIO_VALUES!r}")
