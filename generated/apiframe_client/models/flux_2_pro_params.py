from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.flux_2_pro_params_output_format import (
    Flux2ProParamsOutputFormat,
    check_flux_2_pro_params_output_format,
)
from ..models.flux_2_pro_params_resolution import (
    Flux2ProParamsResolution,
    check_flux_2_pro_params_resolution,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Flux2ProParams")


@_attrs_define
class Flux2ProParams:
    """
    Attributes:
        aspect_ratio (str | Unset):
        go_fast (bool | Unset):
        guidance (float | Unset):
        height (int | Unset):
        image_prompt (str | Unset):
        image_prompt_strength (float | Unset):
        input_images (list[str] | Unset):
        output_format (Flux2ProParamsOutputFormat | Unset):
        output_quality (int | Unset):
        prompt_upsampling (bool | Unset):
        raw (bool | Unset):
        resolution (Flux2ProParamsResolution | Unset):
        seed (int | Unset):
        steps (int | Unset):
        width (int | Unset):
    """

    aspect_ratio: str | Unset = UNSET
    go_fast: bool | Unset = UNSET
    guidance: float | Unset = UNSET
    height: int | Unset = UNSET
    image_prompt: str | Unset = UNSET
    image_prompt_strength: float | Unset = UNSET
    input_images: list[str] | Unset = UNSET
    output_format: Flux2ProParamsOutputFormat | Unset = UNSET
    output_quality: int | Unset = UNSET
    prompt_upsampling: bool | Unset = UNSET
    raw: bool | Unset = UNSET
    resolution: Flux2ProParamsResolution | Unset = UNSET
    seed: int | Unset = UNSET
    steps: int | Unset = UNSET
    width: int | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio = self.aspect_ratio

        go_fast = self.go_fast

        guidance = self.guidance

        height = self.height

        image_prompt = self.image_prompt

        image_prompt_strength = self.image_prompt_strength

        input_images: list[str] | Unset = UNSET
        if not isinstance(self.input_images, Unset):
            input_images = self.input_images

        output_format: str | Unset = UNSET
        if not isinstance(self.output_format, Unset):
            output_format = self.output_format

        output_quality = self.output_quality

        prompt_upsampling = self.prompt_upsampling

        raw = self.raw

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        seed = self.seed

        steps = self.steps

        width = self.width

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if go_fast is not UNSET:
            field_dict["go_fast"] = go_fast
        if guidance is not UNSET:
            field_dict["guidance"] = guidance
        if height is not UNSET:
            field_dict["height"] = height
        if image_prompt is not UNSET:
            field_dict["image_prompt"] = image_prompt
        if image_prompt_strength is not UNSET:
            field_dict["image_prompt_strength"] = image_prompt_strength
        if input_images is not UNSET:
            field_dict["input_images"] = input_images
        if output_format is not UNSET:
            field_dict["output_format"] = output_format
        if output_quality is not UNSET:
            field_dict["output_quality"] = output_quality
        if prompt_upsampling is not UNSET:
            field_dict["prompt_upsampling"] = prompt_upsampling
        if raw is not UNSET:
            field_dict["raw"] = raw
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if seed is not UNSET:
            field_dict["seed"] = seed
        if steps is not UNSET:
            field_dict["steps"] = steps
        if width is not UNSET:
            field_dict["width"] = width

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        aspect_ratio = d.pop("aspect_ratio", UNSET)

        go_fast = d.pop("go_fast", UNSET)

        guidance = d.pop("guidance", UNSET)

        height = d.pop("height", UNSET)

        image_prompt = d.pop("image_prompt", UNSET)

        image_prompt_strength = d.pop("image_prompt_strength", UNSET)

        input_images = cast(list[str], d.pop("input_images", UNSET))

        _output_format = d.pop("output_format", UNSET)
        output_format: Flux2ProParamsOutputFormat | Unset
        if isinstance(_output_format, Unset):
            output_format = UNSET
        else:
            output_format = check_flux_2_pro_params_output_format(_output_format)

        output_quality = d.pop("output_quality", UNSET)

        prompt_upsampling = d.pop("prompt_upsampling", UNSET)

        raw = d.pop("raw", UNSET)

        _resolution = d.pop("resolution", UNSET)
        resolution: Flux2ProParamsResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_flux_2_pro_params_resolution(_resolution)

        seed = d.pop("seed", UNSET)

        steps = d.pop("steps", UNSET)

        width = d.pop("width", UNSET)

        flux_2_pro_params = cls(
            aspect_ratio=aspect_ratio,
            go_fast=go_fast,
            guidance=guidance,
            height=height,
            image_prompt=image_prompt,
            image_prompt_strength=image_prompt_strength,
            input_images=input_images,
            output_format=output_format,
            output_quality=output_quality,
            prompt_upsampling=prompt_upsampling,
            raw=raw,
            resolution=resolution,
            seed=seed,
            steps=steps,
            width=width,
        )

        return flux_2_pro_params
