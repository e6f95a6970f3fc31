from typing import Literal

Wan26FlashParamsResolution = Literal["1080p", "720p"]

WAN_26_FLASH_PARAMS_RESOLUTION_VALUES: set[Wan26FlashParamsResolution] = {
    "1080p",
    "720p",
}


def check_wan_26_flash_params_resolution(value: str) -> Wan26FlashParamsResolution:
    if value in WAN_26_FLASH_PARAMS_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {WAN_26_FLASH_PARAMS_RESOLUTION_VALUES!r}")
