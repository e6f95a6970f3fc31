from typing import Literal

Seedance15ProParamsAspectRatio = Literal["16:9", "1:1", "21:9", "3:4", "4:3", "9:16"]

SEEDANCE_15_PRO_PARAMS_ASPECT_RATIO_VALUES: set[Seedance15ProParamsAspectRatio] = {
    "16:9",
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
}


def check_seedance_15_pro_params_aspect_ratio(value: str) -> Seedance15ProParamsAspectRatio:
    if value in SEEDANCE_15_PRO_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SEEDANCE_15_PRO_PARAMS_ASPECT_RATIO_VALUES!r}")
