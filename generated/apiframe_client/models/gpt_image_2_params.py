from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.gpt_image_2_params_aspect_ratio import (
    GptImage2ParamsAspectRatio,
    check_gpt_image_2_params_aspect_ratio,
)
from ..models.gpt_image_2_params_background import (
    GptImage2ParamsBackground,
    check_gpt_image_2_params_background,
)
from ..models.gpt_image_2_params_moderation import (
    GptImage2ParamsModeration,
    check_gpt_image_2_params_moderation,
)
from ..models.gpt_image_2_params_output_format import (
    GptImage2ParamsOutputFormat,
    check_gpt_image_2_params_output_format,
)
from ..models.gpt_image_2_params_quality import (
    GptImage2ParamsQuality,
    check_gpt_image_2_params_quality,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="GptImage2Params")


@_attrs_define
class GptImage2Params:
    """
    Attributes:
        aspect_ratio (GptImage2ParamsAspectRatio | Unset):
        background (GptImage2ParamsBackground | Unset):
        input_images (list[str] | None | Unset):
        moderation (GptImage2ParamsModeration | Unset):
        number_of_images (int | Unset):
        output_format (GptImage2ParamsOutputFormat | Unset):
        quality (GptImage2ParamsQuality | Unset):
    """

    aspect_ratio: GptImage2ParamsAspectRatio | Unset = UNSET
    background: GptImage2ParamsBackground | Unset = UNSET
    input_images: list[str] | None | Unset = UNSET
    moderation: GptImage2ParamsModeration | Unset = UNSET
    number_of_images: int | Unset = UNSET
    output_format: GptImage2ParamsOutputFormat | Unset = UNSET
    quality: GptImage2ParamsQuality | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        background: str | Unset = UNSET
        if not isinstance(self.background, Unset):
            background = self.background

        input_images: list[str] | None | Unset
        if isinstance(self.input_images, Unset):
            input_images = UNSET
        elif isinstance(self.input_images, list):
            input_images = self.input_images

        else:
            input_images = self.input_images

        moderation: str | Unset = UNSET
        if not isinstance(self.moderation, Unset):
            moderation = self.moderation

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
        if input_images is not UNSET:
            field_dict["input_images"] = input_images
        if moderation is not UNSET:
            field_dict["moderation"] = moderation
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
        aspect_ratio: GptImage2ParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_gpt_image_2_params_aspect_ratio(_aspect_ratio)

        _background = d.pop("background", UNSET)
        background: GptImage2ParamsBackground | Unset
        if isinstance(_background, Unset):
            background = UNSET
        else:
            background = check_gpt_image_2_params_background(_background)

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

        _moderation = d.pop("moderation", UNSET)
        moderation: GptImage2ParamsModeration | Unset
        if isinstance(_moderation, Unset):
            moderation = UNSET
        else:
            moderation = check_gpt_image_2_params_moderation(_moderation)

        number_of_images = d.pop("number_of_images", UNSET)

        _output_format = d.pop("output_format", UNSET)
        output_format: GptImage2ParamsOutputFormat | Unset
        if isinstance(_output_format, Unset):
            output_format = UNSET
        else:
            output_format = check_gpt_image_2_params_output_format(_output_format)

        _quality = d.pop("quality", UNSET)
        quality: GptImage2ParamsQuality | Unset
        if isinstance(_quality, Unset):
            quality = UNSET
        else:
            quality = check_gpt_image_2_params_quality(_quality)

        gpt_image_2_params = cls(
            aspect_ratio=aspect_ratio,
            background=background,
            input_images=input_images,
            moderation=moderation,
            number_of_images=number_of_images,
            output_format=output_format,
            quality=quality,
        )

        return gpt_image_2_params
