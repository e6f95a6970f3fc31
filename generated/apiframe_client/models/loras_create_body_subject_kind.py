from typing import Literal

LorasCreateBodySubjectKind = Literal["object", "person", "style"]

LORAS_CREATE_BODY_SUBJECT_KIND_VALUES: set[LorasCreateBodySubjectKind] = {
    "object",
    "person",
    "style",
}


def check_loras_create_body_subject_kind(value: str) -> LorasCreateBodySubjectKind:
    if value in LORAS_CREATE_BODY_SUBJECT_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LORAS_CREATE_BODY_SUBJECT_KIND_VALUES!r}")
