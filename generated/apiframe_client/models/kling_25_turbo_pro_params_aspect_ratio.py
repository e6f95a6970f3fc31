from typing import Literal

Kling25TurboProParamsAspectRatio = Literal["16:9", "1:1", "9:16"]

KLING_25_TURBO_PRO_PARAMS_ASPECT_RATIO_VALUES: set[Kling25TurboProParamsAspectRatio] = {
    "16:9",
    "1:1",
    "9:16",
}


def check_kling_25_turbo_pro_params_aspect_ratio(value: str) -> Kling25TurboProParamsAspectRatio:
    if value in KLING_25_TURBO_PRO_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KLING_25_TURBO_PRO_PARAMS_ASPECT_RATIO_VALUES!r}")
