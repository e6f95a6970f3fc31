from typing import Literal

GptImage2ParamsModeration = Literal["auto", "low"]

GPT_IMAGE_2_PARAMS_MODERATION_VALUES: set[GptImage2ParamsModeration] = {
    "auto",
    "low",
}


def check_gpt_image_2_params_moderation(value: str) -> GptImage2ParamsModeration:
    if value in GPT_IMAGE_2_PARAMS_MODERATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GPT_IMAGE_2_PARAMS_MODERATION_VALUES!r}")
