from typing import Literal

Wan27R2VParamsAspectRatio = Literal["16:9", "1:1", "3:4", "4:3", "9:16"]

WAN_27R2V_PARAMS_ASPECT_RATIO_VALUES: set[Wan27R2VParamsAspectRatio] = {
    "16:9",
    "1:1",
    "3:4",
    "4:3",
    "9:16",
}


def check_wan_27r2v_params_aspect_ratio(value: str) -> Wan27R2VParamsAspectRatio:
    if value in WAN_27R2V_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WAN_27R2V_PARAMS_ASPECT_RATIO_VALUES!r}")
