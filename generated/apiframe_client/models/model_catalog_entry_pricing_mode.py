from typing import Literal

ModelCatalogEntryPricingMode = Literal["flat", "per-output", "per-second"]

MODEL_CATALOG_ENTRY_PRICING_MODE_VALUES: set[ModelCatalogEntryPricingMode] = {
    "flat",
    "per-output",
    "per-second",
}


def check_model_catalog_entry_pricing_mode(value: str) -> ModelCatalogEntryPricingMode:
    if value in MODEL_CATALOG_ENTRY_PRICING_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MODEL_CATALOG_ENTRY_PRICING_MODE_VALUES!r}")
