from typing import Literal

Lab851BgRemoveParamsFormat = Literal["jpg", "png"]

LAB_851_BG_REMOVE_PARAMS_FORMAT_VALUES: set[Lab851BgRemoveParamsFormat] = {
    "jpg",
    "png",
}


def check_lab_851_bg_remove_params_format(value: str) -> Lab851BgRemoveParamsFormat:
    if value in LAB_851_BG_REMOVE_PARAMS_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LAB_851_BG_REMOVE_PARAMS_FORMAT_VALUES!r}")
