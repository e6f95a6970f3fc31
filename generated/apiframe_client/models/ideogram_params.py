from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.ideogram_params_magic_prompt_option import (
    IdeogramParamsMagicPromptOption,
    check_ideogram_params_magic_prompt_option,
)
from ..models.ideogram_params_rendering_speed import (
    IdeogramParamsRenderingSpeed,
    check_ideogram_params_rendering_speed,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="IdeogramParams")


@_attrs_define
class IdeogramParams:
    """
    Attributes:
        aspect_ratio (str | Unset):
        character_reference_image (str | Unset):
        image (str | Unset):
        magic_prompt_option (IdeogramParamsMagicPromptOption | Unset):
        mask (str | Unset):
        negative_prompt (str | Unset):
        rendering_speed (IdeogramParamsRenderingSpeed | Unset):
        resolution (str | Unset):
        seed (int | Unset):
        style_preset (str | Unset):
        style_reference_images (list[str] | Unset):
        style_type (str | Unset):
    """

    aspect_ratio: str | Unset = UNSET
    character_reference_image: str | Unset = UNSET
    image: str | Unset = UNSET
    magic_prompt_option: IdeogramParamsMagicPromptOption | Unset = UNSET
    mask: str | Unset = UNSET
    negative_prompt: str | Unset = UNSET
    rendering_speed: IdeogramParamsRenderingSpeed | Unset = UNSET
    resolution: str | Unset = UNSET
    seed: int | Unset = UNSET
    style_preset: str | Unset = UNSET
    style_reference_images: list[str] | Unset = UNSET
    style_type: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio = self.aspect_ratio

        character_reference_image = self.character_reference_image

        image = self.image

        magic_prompt_option: str | Unset = UNSET
        if not isinstance(self.magic_prompt_option, Unset):
            magic_prompt_option = self.magic_prompt_option

        mask = self.mask

        negative_prompt = self.negative_prompt

        rendering_speed: str | Unset = UNSET
        if not isinstance(self.rendering_speed, Unset):
            rendering_speed = self.rendering_speed

        resolution = self.resolution

        seed = self.seed

        style_preset = self.style_preset

        style_reference_images: list[str] | Unset = UNSET
        if not isinstance(self.style_reference_images, Unset):
            style_reference_images = self.style_reference_images

        style_type = self.style_type

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if character_reference_image is not UNSET:
            field_dict["character_reference_image"] = character_reference_image
        if image is not UNSET:
            field_dict["image"] = image
        if magic_prompt_option is not UNSET:
            field_dict["magic_prompt_option"] = magic_prompt_option
        if mask is not UNSET:
            field_dict["mask"] = mask
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if rendering_speed is not UNSET:
            field_dict["rendering_speed"] = rendering_speed
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if seed is not UNSET:
            field_dict["seed"] = seed
        if style_preset is not UNSET:
            field_dict["style_preset"] = style_preset
        if style_reference_images is not UNSET:
            field_dict["style_reference_images"] = style_reference_images
        if style_type is not UNSET:
            field_dict["style_type"] = style_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        aspect_ratio = d.pop("aspect_ratio", UNSET)

        character_reference_image = d.pop("character_reference_image", UNSET)

        image = d.pop("image", UNSET)

        _magic_prompt_option = d.pop("magic_prompt_option", UNSET)
        magic_prompt_option: IdeogramParamsMagicPromptOption | Unset
        if isinstance(_magic_prompt_option, Unset):
            magic_prompt_option = UNSET
        else:
            magic_prompt_option = check_ideogram_params_magic_prompt_option(_magic_prompt_option)

        mask = d.pop("mask", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        _rendering_speed = d.pop("rendering_speed", UNSET)
        rendering_speed: IdeogramParamsRenderingSpeed | Unset
        if isinstance(_rendering_speed, Unset):
            rendering_speed = UNSET
        else:
            rendering_speed = check_ideogram_params_rendering_speed(_rendering_speed)

        resolution = d.pop("resolution", UNSET)

        seed = d.pop("seed", UNSET)

        style_preset = d.pop("style_preset", UNSET)

        style_reference_images = cast(list[str], d.pop("style_reference_images", UNSET))

        style_type = d.pop("style_type", UNSET)

        ideogram_params = cls(
            aspect_ratio=aspect_ratio,
            character_reference_image=character_reference_image,
            image=image,
            magic_prompt_option=magic_prompt_option,
            mask=mask,
            negative_prompt=negative_prompt,
            rendering_speed=rendering_speed,
            resolution=resolution,
            seed=seed,
            style_preset=style_preset,
            style_reference_images=style_reference_images,
            style_type=style_type,
        )

        return ideogram_params
