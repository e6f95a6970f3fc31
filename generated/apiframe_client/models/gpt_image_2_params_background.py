from typing import Literal

GptImage2ParamsBackground = Literal["auto", "opaque"]

GPT_IMAGE_2_PARAMS_BACKGROUND_VALUES: set[GptImage2ParamsBackground] = {
    "auto",
    "opaque",
}


def check_gpt_image_2_params_background(value: str) -> GptImage2ParamsBackground:
    if value in GPT_IMAGE_2_PARAMS_BACKGROUND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GPT_IMAGE_2_PARAMS_BACKGROUND_VALUES!r}")
