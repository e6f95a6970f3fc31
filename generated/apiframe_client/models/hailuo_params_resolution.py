from typing import Literal

HailuoParamsResolution = Literal["1080p", "768p"]

HAILUO_PARAMS_RESOLUTION_VALUES: set[HailuoParamsResolution] = {
    "1080p",
    "768p",
}


def check_hailuo_params_resolution(value: str) -> HailuoParamsResolution:
    if value in HAILUO_PARAMS_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {HAILUO_PARAMS_RESOLUTION_VALUES!r}")
