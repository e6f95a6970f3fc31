from typing import Literal

GptImageParamsOutputFormat = Literal["jpeg", "png", "webp"]

GPT_IMAGE_PARAMS_OUTPUT_FORMAT_VALUES: set[GptImageParamsOutputFormat] = {
    "jpeg",
    "png",
    "webp",
}


def check_gpt_image_params_output_format(value: str) -> GptImageParamsOutputFormat:
    if value in GPT_IMAGE_PARAMS_OUTPUT_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GPT_IMAGE_PARAMS_OUTPUT_FORMAT_VALUES!r}")
