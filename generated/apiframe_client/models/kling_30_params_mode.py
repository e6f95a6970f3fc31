from typing import Literal

Kling30ParamsMode = Literal["4k", "pro", "standard"]

KLING_30_PARAMS_MODE_VALUES: set[Kling30ParamsMode] = {
    "4k",
    "pro",
    "standard",
}


def check_kling_30_params_mode(value: str) -> Kling30ParamsMode:
    if value in KLING_30_PARAMS_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KLING_30_PARAMS_MODE_VALUES!r}")
