from typing import Literal

Wan27VideoeditParamsAspectRatio = Literal["16:9", "1:1", "3:4", "4:3", "9:16", "auto"]

WAN_27_VIDEOEDIT_PARAMS_ASPECT_RATIO_VALUES: set[Wan27VideoeditParamsAspectRatio] = {
    "16:9",
    "1:1",
    "3:4",
    "4:3",
    "9:16",
    "auto",
}


def check_wan_27_videoedit_params_aspect_ratio(value: str) -> Wan27VideoeditParamsAspectRatio:
    if value in WAN_27_VIDEOEDIT_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WAN_27_VIDEOEDIT_PARAMS_ASPECT_RATIO_VALUES!r}")
