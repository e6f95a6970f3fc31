from typing import Literal

RunwayParamsAspectRatio = Literal["16:9", "1:1", "21:9", "3:4", "4:3", "9:16"]

RUNWAY_PARAMS_ASPECT_RATIO_VALUES: set[RunwayParamsAspectRatio] = {
    "16:9",
    "1:1",
    "21:9",
    "3:4",
    "4:3",
    "9:16",
}


def check_runway_params_aspect_ratio(value: str) -> RunwayParamsAspectRatio:
    if value in RUNWAY_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RUNWAY_PARAMS_ASPECT_RATIO_VALUES!r}")
