from typing import Literal

SoraParamsResolution = Literal["high", "standard"]

SORA_PARAMS_RESOLUTION_VALUES: set[SoraParamsResolution] = {
    "high",
    "standard",
}


def check_sora_params_resolution(value: str) -> SoraParamsResolution:
    if value in SORA_PARAMS_RESOLUTION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SORA_PARAMS_RESOLUTION_VALUES!r}")
