from typing import Literal

LoraStatus = Literal["ARCHIVED", "FAILED", "PENDING", "READY", "TRAINING", "UPLOADING"]

LORA_STATUS_VALUES: set[LoraStatus] = {
    "ARCHIVED",
    "FAILED",
    "PENDING",
    "READY",
    "TRAINING",
    "UPLOADING",
}


def check_lora_status(value: str) -> LoraStatus:
    if value in LORA_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LORA_STATUS_VALUES!r}")
