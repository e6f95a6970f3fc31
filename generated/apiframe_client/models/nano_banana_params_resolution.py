from typing import Literal

NanoBananaParamsResolution = Literal["1K", "2K", "4K", "512px"]

NANO_BANANA_PARAMS_RESOLUTION_VALUES: set[NanoBananaParamsResolution] = {
    "1K",
    "2K",
    "4K",
    "512px",
}


def check_nano_banana_params_resolution(value: str) -> NanoBananaParamsResolution:
    if value in NANO_BANANA_PARAMS_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NANO_BANANA_PARAMS_RESOLUTION_VALUES!r}")
