from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="MidjourneyParams")


@_attrs_define
class MidjourneyParams:
    """
    Attributes:
        aspect_ratio (str | Unset):
    """

    aspect_ratio: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio = self.aspect_ratio

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        aspect_ratio = d.pop("aspect_ratio", UNSET)

        midjourney_params = cls(
            aspect_ratio=aspect_ratio,
        )

        return midjourney_params
