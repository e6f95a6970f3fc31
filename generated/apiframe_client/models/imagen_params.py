from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.imagen_params_aspect_ratio import (
    ImagenParamsAspectRatio,
    check_imagen_params_aspect_ratio,
)
from ..models.imagen_params_image_size import (
    ImagenParamsImageSize,
    check_imagen_params_image_size,
)
from ..models.imagen_params_output_format import (
    ImagenParamsOutputFormat,
    check_imagen_params_output_format,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ImagenParams")


@_attrs_define
class ImagenParams:
    """
    Attributes:
        aspect_ratio (ImagenParamsAspectRatio | Unset):
        image_size (ImagenParamsImageSize | Unset):
        output_format (ImagenParamsOutputFormat | Unset):
    """

    aspect_ratio: ImagenParamsAspectRatio | Unset = UNSET
    image_size: ImagenParamsImageSize | Unset = UNSET
    output_format: ImagenParamsOutputFormat | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        image_size: str | Unset = UNSET
        if not isinstance(self.image_size, Unset):
            image_size = self.image_size

        output_format: str | Unset = UNSET
        if not isinstance(self.output_format, Unset):
            output_format = self.output_format

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if image_size is not UNSET:
            field_dict["image_size"] = image_size
        if output_format is not UNSET:
            field_dict["output_format"] = output_format

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: ImagenParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_imagen_params_aspect_ratio(_aspect_ratio)

        _image_size = d.pop("image_size", UNSET)
        image_size: ImagenParamsImageSize | Unset
        if isinstance(_image_size, Unset):
            image_size = UNSET
        else:
            image_size = check_imagen_params_image_size(_image_size)

        _output_format = d.pop("output_format", UNSET)
        output_format: ImagenParamsOutputFormat | Unset
        if isinstance(_output_format, Unset):
            output_format = UNSET
        else:
            output_format = check_imagen_params_output_format(_output_format)

        imagen_params = cls(
            aspect_ratio=aspect_ratio,
            image_size=image_size,
            output_format=output_format,
        )

        return imagen_params
