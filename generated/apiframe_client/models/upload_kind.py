from typing import Literal

UploadKind = Literal["audio", "image", "video"]

UPLOAD_KIND_VALUES: set[UploadKind] = {
    "audio",
    "image",
    "video",
}


def check_upload_kind(value: str) -> UploadKind:
    if value in UPLOAD_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {UPLOAD_KIND_VALUES!r}")
