from typing import Literal

Flux2ProParamsOutputFormat = Literal["jpg", "png", "webp"]

FLUX_2_PRO_PARAMS_OUTPUT_FORMAT_VALUES: set[Flux2ProParamsOutputFormat] = {
    "jpg",
    "png",
    "webp",
}


def check_flux_2_pro_params_output_format(value: str) -> Flux2ProParamsOutputFormat:
    if value in FLUX_2_PRO_PARAMS_OUTPUT_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLUX_2_PRO_PARAMS_OUTPUT_FORMAT_VALUES!r}")
