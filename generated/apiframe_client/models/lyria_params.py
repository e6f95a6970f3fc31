from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from .._repr import model_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="LyriaParams")


@_attrs_define
class LyriaParams:
    """
    Attributes:
        reference_images (list[str] | Unset):
    """

    reference_images: list[str] | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        reference_images: list[str] | Unset = UNSET
        if not isinstance(self.reference_images, Unset):
            reference_images = self.reference_images

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if reference_images is not UNSET:
            field_dict["reference_images"] = reference_images

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reference_images = cast(list[str], d.pop("reference_images", UNSET))

        lyria_params = cls(
            reference_images=reference_images,
        )

        return lyria_params
