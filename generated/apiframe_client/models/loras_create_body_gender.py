from typing import Literal

LorasCreateBodyGender = Literal["female", "male", "non-binary"]

LORAS_CREATE_BODY_GENDER_VALUES: set[LorasCreateBodyGender] = {
    "female",
    "male",
    "non-binary",
}


def check_loras_create_body_gender(value: str) -> LorasCreateBodyGender:
    if value in LORAS_CREATE_BODY_GENDER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LORAS_CREATE_BODY_GENDER_VALUES!r}")
