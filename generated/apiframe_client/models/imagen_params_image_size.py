from typing import Literal

ImagenParamsImageSize = Literal["1K", "2K"]

IMAGEN_PARAMS_IMAGE_SIZE_VALUES: set[ImagenParamsImageSize] = {
    "1K",
    "2K",
}


def check_imagen_params_image_size(value: str) -> ImagenParamsImageSize:
    if value in IMAGEN_PARAMS_IMAGE_SIZE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IMAGEN_PARAMS_IMAGE_SIZE_VALUES!r}")
