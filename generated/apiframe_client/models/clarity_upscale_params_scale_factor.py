from typing import Literal

ClarityUpscaleParamsScaleFactor = Literal[1, 2, 4, 8]

CLARITY_UPSCALE_PARAMS_SCALE_FACTOR_VALUES: set[ClarityUpscaleParamsScaleFactor] = {
    1,
    2,
    4,
    8,
}


def check_clarity_upscale_params_scale_factor(value: int) -> ClarityUpscaleParamsScaleFactor:
    if value in CLARITY_UPSCALE_PARAMS_SCALE_FACTOR_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CLARITY_UPSCALE_PARAMS_SCALE_FACTOR_VALUES!r}")
