from typing import Literal

GptImageParamsAspectRatio = Literal["1:1", "2:3", "3:2"]

GPT_IMAGE_PARAMS_ASPECT_RATIO_VALUES: set[GptImageParamsAspectRatio] = {
    "1:1",
    "2:3",
    "3:2",
}


def check_gpt_image_params_aspect_ratio(value: str) -> GptImageParamsAspectRatio:
    if value in GPT_IMAGE_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GPT_IMAGE_PARAMS_ASPECT_RATIO_VALUES!r}")
