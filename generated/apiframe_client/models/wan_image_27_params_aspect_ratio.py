from typing import Literal

WanImage27ParamsAspectRatio = Literal["16:9", "1:1", "21:9", "2:3", "3:2", "3:4", "4:3", "9:16"]

WAN_IMAGE_27_PARAMS_ASPECT_RATIO_VALUES: set[WanImage27ParamsAspectRatio] = {
    "16:9",
    "1:1",
    "21:9",
    "2:3",
    "3:2",
    "3:4",
    "4:3",
    "9:16",
}


def check_wan_image_27_params_aspect_ratio(value: str) -> WanImage27ParamsAspectRatio:
    if value in WAN_IMAGE_27_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WAN_IMAGE_27_PARAMS_ASPECT_RATIO_VALUES!r}")
