from typing import Literal

TopazUpscaleParamsUpscaleFactor = Literal[1, 2, 4, 6]

TOPAZ_UPSCALE_PARAMS_UPSCALE_FACTOR_VALUES: set[TopazUpscaleParamsUpscaleFactor] = {
    1,
    2,
    4,
    6,
}


def check_topaz_upscale_params_upscale_factor(value: int) -> TopazUpscaleParamsUpscaleFactor:
    if value in TOPAZ_UPSCALE_PARAMS_UPSCALE_FACTOR_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOPAZ_UPSCALE_PARAMS_UPSCALE_FACTOR_VALUES!r}")
