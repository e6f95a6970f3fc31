from typing import Literal

QwenImage2ParamsAspectRatio = Literal["16:9", "1:1", "1:2", "21:9", "2:1", "2:3", "3:2", "3:4", "4:3", "9:16"]

QWEN_IMAGE_2_PARAMS_ASPECT_RATIO_VALUES: set[QwenImage2ParamsAspectRatio] = {
    "16:9",
    "1:1",
    "1:2",
    "21:9",
    "2:1",
    "2:3",
    "3:2",
    "3:4",
    "4:3",
    "9:16",
}


def check_qwen_image_2_params_aspect_ratio(value: str) -> QwenImage2ParamsAspectRatio:
    if value in QWEN_IMAGE_2_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {QWEN_IMAGE_2_PARAMS_ASPECT_RATIO_VALUES!r}")
