from typing import Literal

GptImageParamsQuality = Literal["auto", "high", "low", "medium"]

GPT_IMAGE_PARAMS_QUALITY_VALUES: set[GptImageParamsQuality] = {
    "auto",
    "high",
    "low",
    "medium",
}


def check_gpt_image_params_quality(value: str) -> GptImageParamsQuality:
    if value in GPT_IMAGE_PARAMS_QUALITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GPT_IMAGE_PARAMS_QUALITY_VALUES!r}")
