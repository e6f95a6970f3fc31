from typing import Literal

QwenImageParamsImageSize = Literal[
    "landscape_16_9", "landscape_4_3", "portrait_16_9", "portrait_4_3", "square", "square_hd"
]

QWEN_IMAGE_PARAMS_IMAGE_SIZE_VALUES: set[QwenImageParamsImageSize] = {
    "landscape_16_9",
    "landscape_4_3",
    "portrait_16_9",
    "portrait_4_3",
    "square",
    "square_hd",
}


def check_qwen_image_params_image_size(value: str) -> QwenImageParamsImageSize:
    if value in QWEN_IMAGE_PARAMS_IMAGE_SIZE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QWEN_IMAGE_PARAMS_IMAGE_SIZE_VALUES!r}")
