from typing import Literal

FluxLoraParamsAspectRatio = Literal["16:9", "1:1", "2:3", "3:2", "3:4", "4:3", "9:16"]

FLUX_LORA_PARAMS_ASPECT_RATIO_VALUES: set[FluxLoraParamsAspectRatio] = {
    "16:9",
    "1:1",
    "2:3",
    "3:2",
    "3:4",
    "4:3",
    "9:16",
}


def check_flux_lora_params_aspect_ratio(value: str) -> FluxLoraParamsAspectRatio:
    if value in FLUX_LORA_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLUX_LORA_PARAMS_ASPECT_RATIO_VALUES!r}")
