from typing import Literal

GptImageParamsBackground = Literal["auto", "opaque", "transparent"]

GPT_IMAGE_PARAMS_BACKGROUND_VALUES: set[GptImageParamsBackground] = {
    "auto",
    "opaque",
    "transparent",
}


def check_gpt_image_params_background(value: str) -> GptImageParamsBackground:
    if value in GPT_IMAGE_PARAMS_BACKGROUND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GPT_IMAGE_PARAMS_BACKGROUND_VALUES!r}")
