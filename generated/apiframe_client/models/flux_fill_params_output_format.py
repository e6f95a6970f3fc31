from typing import Literal

FluxFillParamsOutputFormat = Literal["jpg", "png"]

FLUX_FILL_PARAMS_OUTPUT_FORMAT_VALUES: set[FluxFillParamsOutputFormat] = {
    "jpg",
    "png",
}


def check_flux_fill_params_output_format(value: str) -> FluxFillParamsOutputFormat:
    if value in FLUX_FILL_PARAMS_OUTPUT_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLUX_FILL_PARAMS_OUTPUT_FORMAT_VALUES!r}")
