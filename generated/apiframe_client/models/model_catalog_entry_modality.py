from typing import Literal

ModelCatalogEntryModality = Literal["image", "music", "video"]

MODEL_CATALOG_ENTRY_MODALITY_VALUES: set[ModelCatalogEntryModality] = {
    "image",
    "music",
    "video",
}


def check_model_catalog_entry_modality(value: str) -> ModelCatalogEntryModality:
    if value in MODEL_CATALOG_ENTRY_MODALITY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODEL_CATALOG_ENTRY_MODALITY_VALUES!r}")
