from typing import Literal

Flux2ProParamsResolution = Literal["0.5MP", "1MP", "2MP", "4MP", "match_input_image"]

FLUX_2_PRO_PARAMS_RESOLUTION_VALUES: set[Flux2ProParamsResolution] = {
    "0.5MP",
    "1MP",
    "2MP",
    "4MP",
    "match_input_image",
}


def check_flux_2_pro_params_resolution(value: str) -> Flux2ProParamsResolution:
    if value in FLUX_2_PRO_PARAMS_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLUX_2_PRO_PARAMS_RESOLUTION_VALUES!r}")
