from typing import Literal

Kling30ParamsAspectRatio = Literal["16:9", "1:1", "9:16"]

KLING_30_PARAMS_ASPECT_RATIO_VALUES: set[Kling30ParamsAspectRatio] = {
    "16:9",
    "1:1",
    "9:16",
}


def check_kling_30_params_aspect_ratio(value: str) -> Kling30ParamsAspectRatio:
    if value in KLING_30_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KLING_30_PARAMS_ASPECT_RATIO_VALUES!r}")
