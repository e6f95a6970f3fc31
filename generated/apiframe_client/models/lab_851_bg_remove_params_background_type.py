from typing import Literal

Lab851BgRemoveParamsBackgroundType = Literal["blur", "green", "map", "overlay", "rgba", "white"]

LAB_851_BG_REMOVE_PARAMS_BACKGROUND_TYPE_VALUES: set[Lab851BgRemoveParamsBackgroundType] = {
    "blur",
    "green",
    "map",
    "overlay",
    "rgba",
    "white",
}


def check_lab_851_bg_remove_params_background_type(value: str) -> Lab851BgRemoveParamsBackgroundType:
    if value in LAB_851_BG_REMOVE_PARAMS_BACKGROUND_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LAB_851_BG_REMOVE_PARAMS_BACKGROUND_TYPE_VALUES!r}")
