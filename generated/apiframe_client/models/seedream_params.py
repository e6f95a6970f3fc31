from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.seedream_params_output_format import (
    SeedreamParamsOutputFormat,
    check_seedream_params_output_format,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SeedreamParams")


@_attrs_define
class SeedreamParams:
    """
    Attributes:
        aspect_ratio (str | Unset):
        enhance_prompt (bool | Unset):
        guidance_scale (float | Unset):
        height (int | Unset):
        image_input (list[str] | Unset):
        output_format (SeedreamParamsOutputFormat | Unset):
        resolution (str | Unset):
        seed (int | Unset):
        size (str | Unset):
        use_pre_llm (bool | Unset):
        width (int | Unset):
    """

    aspect_ratio: str | Unset = UNSET
    enhance_prompt: bool | Unset = UNSET
    guidance_scale: float | Unset = UNSET
    height: int | Unset = UNSET
    image_input: list[str] | Unset = UNSET
    output_format: SeedreamParamsOutputFormat | Unset = UNSET
    resolution: str | Unset = UNSET
    seed: int | Unset = UNSET
    size: str | Unset = UNSET
    use_pre_llm: bool | Unset = UNSET
    width: int | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio = self.aspect_ratio

        enhance_prompt = self.enhance_prompt

        guidance_scale = self.guidance_scale

        height = self.height

        image_input: list[str] | Unset = UNSET
        if not isinstance(self.image_input, Unset):
            image_input = self.image_input

        output_format: str | Unset = UNSET
        if not isinstance(self.output_format, Unset):
            output_format = self.output_format

        resolution = self.resolution

        seed = self.seed

        size = self.size

        use_pre_llm = self.use_pre_llm

        width = self.width

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if enhance_prompt is not UNSET:
            field_dict["enhance_prompt"] = enhance_prompt
        if guidance_scale is not UNSET:
            field_dict["guidance_scale"] = guidance_scale
        if height is not UNSET:
            field_dict["height"] = height
        if image_input is not UNSET:
            field_dict["image_input"] = image_input
        if output_format is not UNSET:
            field_dict["output_format"] = output_format
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if seed is not UNSET:
            field_dict["seed"] = seed
        if size is not UNSET:
            field_dict["size"] = size
        if use_pre_llm is not UNSET:
            field_dict["use_pre_llm"] = use_pre_llm
        if width is not UNSET:
            field_dict["width"] = width

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        aspect_ratio = d.pop("aspect_ratio", UNSET)

        enhance_prompt = d.pop("enhance_prompt", UNSET)

        guidance_scale = d.pop("guidance_scale", UNSET)

        height = d.pop("height", UNSET)

        image_input = cast(list[str], d.pop("image_input", UNSET))

        _output_format = d.pop("output_format", UNSET)
        output_format: SeedreamParamsOutputFormat | Unset
        if isinstance(_output_format, Unset):
            output_format = UNSET
        else:
            output_format = check_seedream_params_output_format(_output_format)

        resolution = d.pop("resolution", UNSET)

        seed = d.pop("seed", UNSET)

        size = d.pop("size", UNSET)

        use_pre_llm = d.pop("use_pre_llm", UNSET)

        width = d.pop("width", UNSET)

        seedream_params = cls(
            aspect_ratio=aspect_ratio,
            enhance_prompt=enhance_prompt,
            guidance_scale=guidance_scale,
            height=height,
            image_input=image_input,
            output_format=output_format,
            resolution=resolution,
            seed=seed,
            size=size,
            use_pre_llm=use_pre_llm,
            width=width,
        )

        return seedream_params
