from typing import Literal

SunoParamsVocalGender = Literal["f", "m"]

SUNO_PARAMS_VOCAL_GENDER_VALUES: set[SunoParamsVocalGender] = {
    "f",
    "m",
}


def check_suno_params_vocal_gender(value: str) -> SunoParamsVocalGender:
    if value in SUNO_PARAMS_VOCAL_GENDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUNO_PARAMS_VOCAL_GENDER_VALUES!r}")
