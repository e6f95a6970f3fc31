from typing import Literal

Wan27ParamsAspectRatio = Literal["16:9", "1:1", "3:4", "4:3", "9:16"]

WAN_27_PARAMS_ASPECT_RATIO_VALUES: set[Wan27ParamsAspectRatio] = {
    "16:9",
    "1:1",
    "3:4",
    "4:3",
    "9:16",
}


def check_wan_27_params_aspect_ratio(value: str) -> Wan27ParamsAspectRatio:
    if value in WAN_27_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WAN_27_PARAMS_ASPECT_RATIO_VALUES!r}")
