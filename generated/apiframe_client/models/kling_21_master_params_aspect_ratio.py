from typing import Literal

Kling21MasterParamsAspectRatio = Literal["16:9", "1:1", "9:16"]

KLING_21_MASTER_PARAMS_ASPECT_RATIO_VALUES: set[Kling21MasterParamsAspectRatio] = {
    "16:9",
    "1:1",
    "9:16",
}


def check_kling_21_master_params_aspect_ratio(value: str) -> Kling21MasterParamsAspectRatio:
    if value in KLING_21_MASTER_PARAMS_ASPECT_RATIO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {KLING_21_MASTER_PARAMS_ASPECT_RATIO_VALUES!r}")
