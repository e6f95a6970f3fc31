from typing import Literal

SunoParamsModelVersion = Literal["V4", "V4_5", "V4_5ALL", "V4_5PLUS", "V5", "V5_5"]

SUNO_PARAMS_MODEL_VERSION_VALUES: set[SunoParamsModelVersion] = {
    "V4",
    "V4_5",
    "V4_5ALL",
    "V4_5PLUS",
    "V5",
    "V5_5",
}


def check_suno_params_model_version(value: str) -> SunoParamsModelVersion:
    if value in SUNO_PARAMS_MODEL_VERSION_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUNO_PARAMS_MODEL_VERSION_VALUES!r}")
