from typing import Literal

GptImage2ParamsAspectRatio = Literal["1:1", "2:3", "3:2"]

GPT_IMAGE_2_PARAMS_ASPECT_RATIO_VALUES: set[GptImage2ParamsAspectRatio] = {
    "1:1",
    "2:3",
    "3:2",
}


def check_gpt_image_2_params_aspect_ratio(value: str) -> GptImage2ParamsAspectRatio:
    if value in GPT_IMAGE_2_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GPT_IMAGE_2_PARAMS_ASPECT_RATIO_VALUES!r}")
