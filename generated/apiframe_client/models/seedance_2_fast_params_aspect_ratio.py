from typing import Literal

Seedance2FastParamsAspectRatio = Literal["16:9", "1:1", "21:9", "3:4", "4:3", "9:16", "adaptive"]

SEEDANCE_2_FAST_PARAMS_ASPECT_RATIO_VALUES: set[Seedance2FastParamsAspectRatio] = {
    "16:9",
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
    "adaptive",
}


def check_seedance_2_fast_params_aspect_ratio(value: str) -> Seedance2FastParamsAspectRatio:
    if value in SEEDANCE_2_FAST_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEEDANCE_2_FAST_PARAMS_ASPECT_RATIO_VALUES!r}")
