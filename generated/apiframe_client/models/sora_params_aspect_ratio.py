from typing import Literal

SoraParamsAspectRatio = Literal["16:9", "9:16"]

SORA_PARAMS_ASPECT_RATIO_VALUES: set[SoraParamsAspectRatio] = {
    "16:9",
    "9:16",
}


def check_sora_params_aspect_ratio(value: str) -> SoraParamsAspectRatio:
    if value in SORA_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SORA_PARAMS_ASPECT_RATIO_VALUES!r}")
