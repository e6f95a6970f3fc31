from typing import Literal

FluxParamsOutputFormat = Literal["jpg", "png", "webp"]

FLUX_PARAMS_OUTPUT_FORMAT_VALUES: set[FluxParamsOutputFormat] = {
    "jpg",
    "png",
    "webp",
}


def check_flux_params_output_format(value: str) -> FluxParamsOutputFormat:
    if value in FLUX_PARAMS_OUTPUT_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLUX_PARAMS_OUTPUT_FORMAT_VALUES!r}")
