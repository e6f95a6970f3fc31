from typing import Literal

ClarityUpscaleParamsOutputFormat = Literal["jpg", "png", "webp"]

CLARITY_UPSCALE_PARAMS_OUTPUT_FORMAT_VALUES: set[ClarityUpscaleParamsOutputFormat] = {
    "jpg",
    "png",
    "webp",
}


def check_clarity_upscale_params_output_format(value: str) -> ClarityUpscaleParamsOutputFormat:
    if value in CLARITY_UPSCALE_PARAMS_OUTPUT_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CLARITY_UPSCALE_PARAMS_OUTPUT_FORMAT_VALUES!r}")
