from typing import Literal

ReveParamsAspectRatio = Literal["16:9", "1:1", "2:3", "3:2", "3:4", "4:3", "9:16"]

REVE_PARAMS_ASPECT_RATIO_VALUES: set[ReveParamsAspectRatio] = {
    "16:9",
    "1:1",
    "2:3",
    "3:2",
    "3:4",
    "4:3",
    "9:16",
}


def check_reve_params_aspect_ratio(value: str) -> ReveParamsAspectRatio:
    if value in REVE_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REVE_PARAMS_ASPECT_RATIO_VALUES!r}")
