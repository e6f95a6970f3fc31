from typing import Literal

IdeogramCharacterParamsRenderingSpeed = Literal["default", "quality", "turbo"]

IDEOGRAM_CHARACTER_PARAMS_RENDERING_SPEED_VALUES: set[IdeogramCharacterParamsRenderingSpeed] = {
    "default",
    "quality",
    "turbo",
}


def check_ideogram_character_params_rendering_speed(value: str) -> IdeogramCharacterParamsRenderingSpeed:
    if value in IDEOGRAM_CHARACTER_PARAMS_RENDERING_SPEED_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IDEOGRAM_CHARACTER_PARAMS_RENDERING_SPEED_VALUES!r}")
