from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..types import UNSET, Unset

T = TypeVar("T", bound="BriaBgRemoveParams")


@_attrs_define
class BriaBgRemoveParams:
    """
    Attributes:
        image (str):
        content_moderation (bool | Unset):
    """

    image: str
    content_moderation: bool | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        image = self.image

        content_moderation = self.content_moderation

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "image": image,
            }
        )
        if content_moderation is not UNSET:
            field_dict["content_moderation"] = content_moderation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        image = d.pop("image")

        content_moderation = d.pop("content_moderation", UNSET)

        bria_bg_remove_params = cls(
            image=image,
            content_moderation=content_moderation,
        )

        return bria_bg_remove_params
