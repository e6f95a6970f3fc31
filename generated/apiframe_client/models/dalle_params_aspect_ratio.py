from typing import Literal

DalleParamsAspectRatio = Literal["1:1", "2:3", "3:2"]

DALLE_PARAMS_ASPECT_RATIO_VALUES: set[DalleParamsAspectRatio] = {
    "1:1",
    "2:3",
    "3:2",
}


def check_dalle_params_aspect_ratio(value: str) -> DalleParamsAspectRatio:
    if value in DALLE_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DALLE_PARAMS_ASPECT_RATIO_VALUES!r}")
