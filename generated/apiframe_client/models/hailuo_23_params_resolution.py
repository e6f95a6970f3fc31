from typing import Literal

Hailuo23ParamsResolution = Literal["1080p", "768p"]

HAILUO_23_PARAMS_RESOLUTION_VALUES: set[Hailuo23ParamsResolution] = {
    "1080p",
    "768p",
}


def check_hailuo_23_params_resolution(value: str) -> Hailuo23ParamsResolution:
    if value in HAILUO_23_PARAMS_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HAILUO_23_PARAMS_RESOLUTION_VALUES!r}")
