from typing import Literal

Kling26ParamsAspectRatio = Literal["16:9", "1:1", "9:16"]

KLING_26_PARAMS_ASPECT_RATIO_VALUES: set[Kling26ParamsAspectRatio] = {
    "16:9",
    "1:1",
    "9:16",
}


def check_kling_26_params_aspect_ratio(value: str) -> Kling26ParamsAspectRatio:
    if value in KLING_26_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KLING_26_PARAMS_ASPECT_RATIO_VALUES!r}")
