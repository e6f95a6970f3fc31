from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._repr import model_repr
from ..models.model_catalog_entry_modality import (
    ModelCatalogEntryModality,
    check_model_catalog_entry_modality,
)
from ..models.model_catalog_entry_pricing_mode import (
    ModelCatalogEntryPricingMode,
    check_model_catalog_entry_pricing_mode,
)
from ..response_info import ResponseInfo
from ..types import UNSET, Unset

T = TypeVar("T", bound="ModelCatalogEntry")


@_attrs_define
class ModelCatalogEntry:
    """Curated, creator-facing model entry. Schema is intentionally loose — extra fields are allowed.

    Attributes:
        id (str):
        label (str):
        modality (ModelCatalogEntryModality | str):
        cost_max (float | Unset):
        cost_min (float | Unset):
        description (str | Unset):
        pricing_mode (ModelCatalogEntryPricingMode | str | Unset):
    """

    id: str
    label: str
    modality: ModelCatalogEntryModality | str
    cost_max: float | Unset = UNSET
    cost_min: float | Unset = UNSET
    description: str | Unset = UNSET
    pricing_mode: ModelCatalogEntryPricingMode | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _response: ResponseInfo | None = _attrs_field(init=False, default=None, eq=False, repr=False)
    _request_id: str | None = _attrs_field(init=False, default=None, eq=False, repr=False)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        label = self.label

        modality: str
        if isinstance(self.modality, str):
            modality = self.modality
        else:
            modality = self.modality

        cost_max = self.cost_max

        cost_min = self.cost_min

        description = self.description

        pricing_mode: str | Unset
        if isinstance(self.pricing_mode, Unset):
            pricing_mode = UNSET
        elif isinstance(self.pricing_mode, str):
            pricing_mode = self.pricing_mode
        else:
            pricing_mode = self.pricing_mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "label": label,
                "modality": modality,
            }
        )
        if cost_max is not UNSET:
            field_dict["costMax"] = cost_max
        if cost_min is not UNSET:
            field_dict["costMin"] = cost_min
        if description is not UNSET:
            field_dict["description"] = description
        if pricing_mode is not UNSET:
            field_dict["pricingMode"] = pricing_mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        label = d.pop("label")

        def _parse_modality(data: object) -> ModelCatalogEntryModality | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                modality_modality = check_model_catalog_entry_modality(data)

                return modality_modality
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelCatalogEntryModality | str, data)

        modality = _parse_modality(d.pop("modality"))

        cost_max = d.pop("costMax", UNSET)

        cost_min = d.pop("costMin", UNSET)

        description = d.pop("description", UNSET)

        def _parse_pricing_mode(data: object) -> ModelCatalogEntryPricingMode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pricing_mode_pricing_mode = check_model_catalog_entry_pricing_mode(data)

                return pricing_mode_pricing_mode
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelCatalogEntryPricingMode | str | Unset, data)

        pricing_mode = _parse_pricing_mode(d.pop("pricingMode", UNSET))

        model_catalog_entry = cls(
            id=id,
            label=label,
            modality=modality,
            cost_max=cost_max,
            cost_min=cost_min,
            description=description,
            pricing_mode=pricing_mode,
        )

        model_catalog_entry.additional_properties = d
        return model_catalog_entry

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
