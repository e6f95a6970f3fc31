from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.nano_banana_params_output_format import (
    NanoBananaParamsOutputFormat,
    check_nano_banana_params_output_format,
)
from ..models.nano_banana_params_resolution import (
    NanoBananaParamsResolution,
    check_nano_banana_params_resolution,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="NanoBananaParams")


@_attrs_define
class NanoBananaParams:
    """
    Attributes:
        aspect_ratio (str | Unset):
        google_search (bool | Unset):
        image_input (list[str] | Unset):
        image_search (bool | Unset):
        output_format (NanoBananaParamsOutputFormat | Unset):
        resolution (NanoBananaParamsResolution | Unset):
    """

    aspect_ratio: str | Unset = UNSET
    google_search: bool | Unset = UNSET
    image_input: list[str] | Unset = UNSET
    image_search: bool | Unset = UNSET
    output_format: NanoBananaParamsOutputFormat | Unset = UNSET
    resolution: NanoBananaParamsResolution | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio = self.aspect_ratio

        google_search = self.google_search

        image_input: list[str] | Unset = UNSET
        if not isinstance(self.image_input, Unset):
            image_input = self.image_input

        image_search = self.image_search

        output_format: str | Unset = UNSET
        if not isinstance(self.output_format, Unset):
            output_format = self.output_format

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if google_search is not UNSET:
            field_dict["google_search"] = google_search
        if image_input is not UNSET:
            field_dict["image_input"] = image_input
        if image_search is not UNSET:
            field_dict["image_search"] = image_search
        if output_format is not UNSET:
            field_dict["output_format"] = output_format
        if resolution is not UNSET:
            field_dict["resolution"] = resolution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        aspect_ratio = d.pop("aspect_ratio", UNSET)

        google_search = d.pop("google_search", UNSET)

        image_input = cast(list[str], d.pop("image_input", UNSET))

        image_search = d.pop("image_search", UNSET)

        _output_format = d.pop("output_format", UNSET)
        output_format: NanoBananaParamsOutputFormat | Unset
        if isinstance(_output_format, Unset):
            output_format = UNSET
        else:
            output_format = check_nano_banana_params_output_format(_output_format)

        _resolution = d.pop("resolution", UNSET)
        resolution: NanoBananaParamsResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_nano_banana_params_resolution(_resolution)

        nano_banana_params = cls(
            aspect_ratio=aspect_ratio,
            google_search=google_search,
            image_input=image_input,
            image_search=image_search,
            output_format=output_format,
            resolution=resolution,
        )

        return nano_banana_params
