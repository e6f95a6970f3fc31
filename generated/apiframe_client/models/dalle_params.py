from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.dalle_params_aspect_ratio import (
    DalleParamsAspectRatio,
    check_dalle_params_aspect_ratio,
)
from ..models.dalle_params_style import DalleParamsStyle, check_dalle_params_style
from ..types import UNSET, Unset

T = TypeVar("T", bound="DalleParams")


@_attrs_define
class DalleParams:
    """
    Attributes:
        aspect_ratio (DalleParamsAspectRatio | Unset):
        style (DalleParamsStyle | Unset):
    """

    aspect_ratio: DalleParamsAspectRatio | Unset = UNSET
    style: DalleParamsStyle | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        style: str | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if style is not UNSET:
            field_dict["style"] = style

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: DalleParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_dalle_params_aspect_ratio(_aspect_ratio)

        _style = d.pop("style", UNSET)
        style: DalleParamsStyle | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = check_dalle_params_style(_style)

        dalle_params = cls(
            aspect_ratio=aspect_ratio,
            style=style,
        )

        return dalle_params
