from typing import Literal

LoraSubjectKind = Literal["object", "person", "style"]

LORA_SUBJECT_KIND_VALUES: set[LoraSubjectKind] = {
    "object",
    "person",
    "style",
}


def check_lora_subject_kind(value: str) -> LoraSubjectKind:
    if value in LORA_SUBJECT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LORA_SUBJECT_KIND_VALUES!r}")
