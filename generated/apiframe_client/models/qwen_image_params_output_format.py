from typing import Literal

QwenImageParamsOutputFormat = Literal["jpeg", "png"]

QWEN_IMAGE_PARAMS_OUTPUT_FORMAT_VALUES: set[QwenImageParamsOutputFormat] = {
    "jpeg",
    "png",
}


def check_qwen_image_params_output_format(value: str) -> QwenImageParamsOutputFormat:
    if value in QWEN_IMAGE_PARAMS_OUTPUT_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QWEN_IMAGE_PARAMS_OUTPUT_FORMAT_VALUES!r}")
