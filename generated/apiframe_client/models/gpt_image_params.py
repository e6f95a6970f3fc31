from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.gpt_image_params_aspect_ratio import (
    GptImageParamsAspectRatio,
    check_gpt_image_params_aspect_ratio,
)
from ..models.gpt_image_params_background import (
    GptImageParamsBackground,
    check_gpt_image_params_background,
)
from ..models.gpt_image_params_input_fidelity import (
    GptImageParamsInputFidelity,
    check_gpt_image_params_input_fidelity,
)
from ..models.gpt_image_params_output_format import (
    GptImageParamsOutputFormat,
    check_gpt_image_params_output_format,
)
from ..models.gpt_image_params_quality import (
    GptImageParamsQuality,
    check_gpt_image_params_quality,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="GptImageParams")


@_attrs_define
class GptImageParams:
    """
    Attributes:
        aspect_ratio (GptImageParamsAspectRatio | Unset):
        background (GptImageParamsBackground | Unset):
        input_fidelity (GptImageParamsInputFidelity | Unset):
        input_images (list[str] | None | Unset):
        number_of_images (int | Unset):
        output_format (GptImageParamsOutputFormat | Unset):
        quality (GptImageParamsQuality | Unset):
    """

    aspect_ratio: GptImageParamsAspectRatio | Unset = UNSET
    background: GptImageParamsBackground | Unset = UNSET
    input_fidelity: GptImageParamsInputFidelity | Unset = UNSET
    input_images: list[str] | None | Unset = UNSET
    number_of_images: int | Unset = UNSET
    output_format: GptImageParamsOutputFormat | Unset = UNSET
    quality: GptImageParamsQuality | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        background: str | Unset = UNSET
        if not isinstance(self.background, Unset):
            background = self.background

        input_fidelity: str | Unset = UNSET
        if not isinstance(self.input_fidelity, Unset):
            input_fidelity = self.input_fidelity

        input_images: list[str] | None | Unset
        if isinstance(self.input_images, Unset):
            input_images = UNSET
        elif isinstance(self.input_images, list):
            input_images = self.input_images

        else:
            input_images = self.input_images

        number_of_images = self.number_of_images

        output_format: str | Unset = UNSET
        if not isinstance(self.output_format, Unset):
            output_format = self.output_format

        quality: str | Unset = UNSET
        if not isinstance(self.quality, Unset):
            quality = self.quality

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if background is not UNSET:
            field_dict["background"] = background
        if input_fidelity is not UNSET:
            field_dict["input_fidelity"] = input_fidelity
        if input_images is not UNSET:
            field_dict["input_images"] = input_images
        if number_of_images is not UNSET:
            field_dict["number_of_images"] = number_of_images
        if output_format is not UNSET:
            field_dict["output_format"] = output_format
        if quality is not UNSET:
            field_dict["quality"] = quality

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: GptImageParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_gpt_image_params_aspect_ratio(_aspect_ratio)

        _background = d.pop("background", UNSET)
        background: GptImageParamsBackground | Unset
        if isinstance(_background, Unset):
            background = UNSET
        else:
            background = check_gpt_image_params_background(_background)

        _input_fidelity = d.pop("input_fidelity", UNSET)
        input_fidelity: GptImageParamsInputFidelity | Unset
        if isinstance(_input_fidelity, Unset):
            input_fidelity = UNSET
        else:
            input_fidelity = check_gpt_image_params_input_fidelity(_input_fidelity)

        def _parse_input_images(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                input_images_type_0 = cast(list[str], data)

                return input_images_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        input_images = _parse_input_images(d.pop("input_images", UNSET))

        number_of_images = d.pop("number_of_images", UNSET)

        _output_format = d.pop("output_format", UNSET)
        output_format: GptImageParamsOutputFormat | Unset
        if isinstance(_output_format, Unset):
            output_format = UNSET
        else:
            output_format = check_gpt_image_params_output_format(_output_format)

        _quality = d.pop("quality", UNSET)
        quality: GptImageParamsQuality | Unset
        if isinstance(_quality, Unset):
            quality = UNSET
        else:
            quality = check_gpt_image_params_quality(_quality)

        gpt_image_params = cls(
            aspect_ratio=aspect_ratio,
            background=background,
            input_fidelity=input_fidelity,
            input_images=input_images,
            number_of_images=number_of_images,
            output_format=output_format,
            quality=quality,
        )

        return gpt_image_params
