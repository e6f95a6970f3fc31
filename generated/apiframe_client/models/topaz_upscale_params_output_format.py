from typing import Literal

TopazUpscaleParamsOutputFormat = Literal["jpg", "png"]

TOPAZ_UPSCALE_PARAMS_OUTPUT_FORMAT_VALUES: set[TopazUpscaleParamsOutputFormat] = {
    "jpg",
    "png",
}


def check_topaz_upscale_params_output_format(value: str) -> TopazUpscaleParamsOutputFormat:
    if value in TOPAZ_UPSCALE_PARAMS_OUTPUT_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOPAZ_UPSCALE_PARAMS_OUTPUT_FORMAT_VALUES!r}")
