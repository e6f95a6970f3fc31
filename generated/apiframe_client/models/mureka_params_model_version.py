from typing import Literal

MurekaParamsModelVersion = Literal["auto", "mureka-7.6", "mureka-8", "mureka-9", "mureka-o2"]

MUREKA_PARAMS_MODEL_VERSION_VALUES: set[MurekaParamsModelVersion] = {
    "auto",
    "mureka-7.6",
    "mureka-8",
    "mureka-9",
    "mureka-o2",
}


def check_mureka_params_model_version(value: str) -> MurekaParamsModelVersion:
    if value in MUREKA_PARAMS_MODEL_VERSION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MUREKA_PARAMS_MODEL_VERSION_VALUES!r}")
