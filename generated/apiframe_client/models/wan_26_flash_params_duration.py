from typing import Literal

Wan26FlashParamsDuration = Literal[5, 10, 15]

WAN_26_FLASH_PARAMS_DURATION_VALUES: set[Wan26FlashParamsDuration] = {
    5,
    10,
    15,
}


def check_wan_26_flash_params_duration(value: int) -> Wan26FlashParamsDuration:
    if value in WAN_26_FLASH_PARAMS_DURATION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WAN_26_FLASH_PARAMS_DURATION_VALUES!r}")
