from typing import Literal

IdeogramParamsRenderingSpeed = Literal["default", "quality", "turbo"]

IDEOGRAM_PARAMS_RENDERING_SPEED_VALUES: set[IdeogramParamsRenderingSpeed] = {
    "default",
    "quality",
    "turbo",
}


def check_ideogram_params_rendering_speed(value: str) -> IdeogramParamsRenderingSpeed:
    if value in IDEOGRAM_PARAMS_RENDERING_SPEED_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IDEOGRAM_PARAMS_RENDERING_SPEED_VALUES!r}")
