from typing import Literal

ImagenParamsAspectRatio = Literal["16:9", "1:1", "3:4", "4:3", "9:16"]

IMAGEN_PARAMS_ASPECT_RATIO_VALUES: set[ImagenParamsAspectRatio] = {
    "16:9",
    "1:1",
    "3:4",
    "4:3",
    "9:16",
}


def check_imagen_params_aspect_ratio(value: str) -> ImagenParamsAspectRatio:
    if value in IMAGEN_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IMAGEN_PARAMS_ASPECT_RATIO_VALUES!r}")
