from typing import Literal

KlingParamsMode = Literal["pro", "standard"]

KLING_PARAMS_MODE_VALUES: set[KlingParamsMode] = {
    "pro",
    "standard",
}


def check_kling_params_mode(value: str) -> KlingParamsMode:
    if value in KLING_PARAMS_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KLING_PARAMS_MODE_VALUES!r}")
