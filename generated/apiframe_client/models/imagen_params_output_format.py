from typing import Literal

ImagenParamsOutputFormat = Literal["jpg", "png"]

IMAGEN_PARAMS_OUTPUT_FORMAT_VALUES: set[ImagenParamsOutputFormat] = {
    "jpg",
    "png",
}


def check_imagen_params_output_format(value: str) -> ImagenParamsOutputFormat:
    if value in IMAGEN_PARAMS_OUTPUT_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IMAGEN_PARAMS_OUTPUT_FORMAT_VALUES!r}")
