from typing import Literal

DalleParamsStyle = Literal["natural", "vivid"]

DALLE_PARAMS_STYLE_VALUES: set[DalleParamsStyle] = {
    "natural",
    "vivid",
}


def check_dalle_params_style(value: str) -> DalleParamsStyle:
    if value in DALLE_PARAMS_STYLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DALLE_PARAMS_STYLE_VALUES!r}")
