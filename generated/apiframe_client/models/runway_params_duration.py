from typing import Literal

RunwayParamsDuration = Literal[5, 10]

RUNWAY_PARAMS_DURATION_VALUES: set[RunwayParamsDuration] = {
    5,
    10,
}


def check_runway_params_duration(value: int) -> RunwayParamsDuration:
    if value in RUNWAY_PARAMS_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RUNWAY_PARAMS_DURATION_VALUES!r}")
