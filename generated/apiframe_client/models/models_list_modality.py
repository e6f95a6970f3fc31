from typing import Literal

ModelsListModality = Literal["image", "music", "video"]

MODELS_LIST_MODALITY_VALUES: set[ModelsListModality] = {
    "image",
    "music",
    "video",
}


def check_models_list_modality(value: str) -> ModelsListModality:
    if value in MODELS_LIST_MODALITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODELS_LIST_MODALITY_VALUES!r}")
