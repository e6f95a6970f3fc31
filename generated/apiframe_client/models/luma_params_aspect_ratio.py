from typing import Literal

LumaParamsAspectRatio = Literal["16:9", "1:1", "21:9", "3:4", "4:3", "9:16"]

LUMA_PARAMS_ASPECT_RATIO_VALUES: set[LumaParamsAspectRatio] = {
    "16:9",
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
}


def check_luma_params_aspect_ratio(value: str) -> LumaParamsAspectRatio:
    if value in LUMA_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LUMA_PARAMS_ASPECT_RATIO_VALUES!r}")
