from typing import Literal

QwenImageParamsAcceleration = Literal["high", "none", "regular"]

QWEN_IMAGE_PARAMS_ACCELERATION_VALUES: set[QwenImageParamsAcceleration] = {
    "high",
    "none",
    "regular",
}


def check_qwen_image_params_acceleration(value: str) -> QwenImageParamsAcceleration:
    if value in QWEN_IMAGE_PARAMS_ACCELERATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QWEN_IMAGE_PARAMS_ACCELERATION_VALUES!r}")
