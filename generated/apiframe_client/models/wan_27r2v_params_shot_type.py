from typing import Literal

Wan27R2VParamsShotType = Literal["multi", "single"]

WAN_27R2V_PARAMS_SHOT_TYPE_VALUES: set[Wan27R2VParamsShotType] = {
    "multi",
    "single",
}


def check_wan_27r2v_params_shot_type(value: str) -> Wan27R2VParamsShotType:
    if value in WAN_27R2V_PARAMS_SHOT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WAN_27R2V_PARAMS_SHOT_TYPE_VALUES!r}")
