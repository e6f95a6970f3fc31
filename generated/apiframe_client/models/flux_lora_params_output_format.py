from typing import Literal

FluxLoraParamsOutputFormat = Literal["jpg", "png", "webp"]

FLUX_LORA_PARAMS_OUTPUT_FORMAT_VALUES: set[FluxLoraParamsOutputFormat] = {
    "jpg",
    "png",
    "webp",
}


def check_flux_lora_params_output_format(value: str) -> FluxLoraParamsOutputFormat:
    if value in FLUX_LORA_PARAMS_OUTPUT_FORMAT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLUX_LORA_PARAMS_OUTPUT_FORMAT_VALUES!r}")
