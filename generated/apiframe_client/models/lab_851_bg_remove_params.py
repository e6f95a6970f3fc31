from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.lab_851_bg_remove_params_background_type import (
    Lab851BgRemoveParamsBackgroundType,
    check_lab_851_bg_remove_params_background_type,
)
from ..models.lab_851_bg_remove_params_format import (
    Lab851BgRemoveParamsFormat,
    check_lab_851_bg_remove_params_format,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Lab851BgRemoveParams")


@_attrs_define
class Lab851BgRemoveParams:
    """
    Attributes:
        image (str):
        background_type (Lab851BgRemoveParamsBackgroundType | Unset):
        format_ (Lab851BgRemoveParamsFormat | Unset):
        reverse (bool | Unset):
        threshold (float | Unset):
    """

    image: str
    background_type: Lab851BgRemoveParamsBackgroundType | Unset = UNSET
    format_: Lab851BgRemoveParamsFormat | Unset = UNSET
    reverse: bool | Unset = UNSET
    threshold: float | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        image = self.image

        background_type: str | Unset = UNSET
        if not isinstance(self.background_type, Unset):
            background_type = self.background_type

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_

        reverse = self.reverse

        threshold = self.threshold

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "image": image,
            }
        )
        if background_type is not UNSET:
            field_dict["background_type"] = background_type
        if format_ is not UNSET:
            field_dict["format"] = format_
        if reverse is not UNSET:
            field_dict["reverse"] = reverse
        if threshold is not UNSET:
            field_dict["threshold"] = threshold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        image = d.pop("image")

        _background_type = d.pop("background_type", UNSET)
        background_type: Lab851BgRemoveParamsBackgroundType | Unset
        if isinstance(_background_type, Unset):
            background_type = UNSET
        else:
            background_type = check_lab_851_bg_remove_params_background_type(_background_type)

        _format_ = d.pop("format", UNSET)
        format_: Lab851BgRemoveParamsFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = check_lab_851_bg_remove_params_format(_format_)

        reverse = d.pop("reverse", UNSET)

        threshold = d.pop("threshold", UNSET)

        lab_851_bg_remove_params = cls(
            image=image,
            background_type=background_type,
            format_=format_,
            reverse=reverse,
            threshold=threshold,
        )

        return lab_851_bg_remove_params
