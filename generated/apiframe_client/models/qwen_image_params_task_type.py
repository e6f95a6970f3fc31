from typing import Literal

QwenImageParamsTaskType = Literal["image-edit", "image-to-image", "text-to-image"]

QWEN_IMAGE_PARAMS_TASK_TYPE_VALUES: set[QwenImageParamsTaskType] = {
    "image-edit",
    "image-to-image",
    "text-to-image",
}


def check_qwen_image_params_task_type(value: str) -> QwenImageParamsTaskType:
    if value in QWEN_IMAGE_PARAMS_TASK_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QWEN_IMAGE_PARAMS_TASK_TYPE_VALUES!r}")
