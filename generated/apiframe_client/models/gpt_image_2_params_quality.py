from typing import Literal

GptImage2ParamsQuality = Literal["auto", "high", "low", "medium"]

GPT_IMAGE_2_PARAMS_QUALITY_VALUES: set[GptImage2ParamsQuality] = {
    "auto",
    "high",
    "low",
    "medium",
}


def check_gpt_image_2_params_quality(value: str) -> GptImage2ParamsQuality:
    if value in GPT_IMAGE_2_PARAMS_QUALITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GPT_IMAGE_2_PARAMS_QUALITY_VALUES!r}")
