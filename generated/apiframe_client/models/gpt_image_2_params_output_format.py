from typing import Literal

GptImage2ParamsOutputFormat = Literal["jpeg", "png", "webp"]

GPT_IMAGE_2_PARAMS_OUTPUT_FORMAT_VALUES: set[GptImage2ParamsOutputFormat] = {
    "jpeg",
    "png",
    "webp",
}


def check_gpt_image_2_params_output_format(value: str) -> GptImage2ParamsOutputFormat:
    if value in GPT_IMAGE_2_PARAMS_OUTPUT_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GPT_IMAGE_2_PARAMS_OUTPUT_FORMAT_VALUES!r}")
