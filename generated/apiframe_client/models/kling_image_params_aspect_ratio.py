from typing import Literal

KlingImageParamsAspectRatio = Literal["16:9", "1:1", "2:3", "3:2", "3:4", "4:3", "9:16"]

KLING_IMAGE_PARAMS_ASPECT_RATIO_VALUES: set[KlingImageParamsAspectRatio] = {
    "16:9",
    "1:1",
    "2:3",
    "3:2",
    "3:4",
    "4:3",
    "9:16",
}


def check_kling_image_params_aspect_ratio(value: str) -> KlingImageParamsAspectRatio:
    if value in KLING_IMAGE_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KLING_IMAGE_PARAMS_ASPECT_RATIO_VALUES!r}")
