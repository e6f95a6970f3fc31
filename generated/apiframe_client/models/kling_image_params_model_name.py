from typing import Literal

KlingImageParamsModelName = Literal["kling-v1", "kling-v1-5", "kling-v2"]

KLING_IMAGE_PARAMS_MODEL_NAME_VALUES: set[KlingImageParamsModelName] = {
    "kling-v1",
    "kling-v1-5",
    "kling-v2",
}


def check_kling_image_params_model_name(value: str) -> KlingImageParamsModelName:
    if value in KLING_IMAGE_PARAMS_MODEL_NAME_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KLING_IMAGE_PARAMS_MODEL_NAME_VALUES!r}")
