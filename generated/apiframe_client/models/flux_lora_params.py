from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.flux_lora_params_aspect_ratio import (
    FluxLoraParamsAspectRatio,
    check_flux_lora_params_aspect_ratio,
)
from ..models.flux_lora_params_output_format import (
    FluxLoraParamsOutputFormat,
    check_flux_lora_params_output_format,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="FluxLoraParams")


@_attrs_define
class FluxLoraParams:
    """
    Attributes:
        lora_id (str):
        aspect_ratio (FluxLoraParamsAspectRatio | Unset):
        guidance_scale (float | Unset):
        lora_strength (float | Unset):
        num_inference_steps (int | Unset):
        num_outputs (int | Unset):
        output_format (FluxLoraParamsOutputFormat | Unset):
        seed (int | Unset):
    """

    lora_id: str
    aspect_ratio: FluxLoraParamsAspectRatio | Unset = UNSET
    guidance_scale: float | Unset = UNSET
    lora_strength: float | Unset = UNSET
    num_inference_steps: int | Unset = UNSET
    num_outputs: int | Unset = UNSET
    output_format: FluxLoraParamsOutputFormat | Unset = UNSET
    seed: int | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        lora_id = self.lora_id

        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        guidance_scale = self.guidance_scale

        lora_strength = self.lora_strength

        num_inference_steps = self.num_inference_steps

        num_outputs = self.num_outputs

        output_format: str | Unset = UNSET
        if not isinstance(self.output_format, Unset):
            output_format = self.output_format

        seed = self.seed

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "loraId": lora_id,
            }
        )
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if guidance_scale is not UNSET:
            field_dict["guidance_scale"] = guidance_scale
        if lora_strength is not UNSET:
            field_dict["lora_strength"] = lora_strength
        if num_inference_steps is not UNSET:
            field_dict["num_inference_steps"] = num_inference_steps
        if num_outputs is not UNSET:
            field_dict["num_outputs"] = num_outputs
        if output_format is not UNSET:
            field_dict["output_format"] = output_format
        if seed is not UNSET:
            field_dict["seed"] = seed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        lora_id = d.pop("loraId")

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: FluxLoraParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_flux_lora_params_aspect_ratio(_aspect_ratio)

        guidance_scale = d.pop("guidance_scale", UNSET)

        lora_strength = d.pop("lora_strength", UNSET)

        num_inference_steps = d.pop("num_inference_steps", UNSET)

        num_outputs = d.pop("num_outputs", UNSET)

        _output_format = d.pop("output_format", UNSET)
        output_format: FluxLoraParamsOutputFormat | Unset
        if isinstance(_output_format, Unset):
            output_format = UNSET
        else:
            output_format = check_flux_lora_params_output_format(_output_format)

        seed = d.pop("seed", UNSET)

        flux_lora_params = cls(
            lora_id=lora_id,
            aspect_ratio=aspect_ratio,
            guidance_scale=guidance_scale,
            lora_strength=lora_strength,
            num_inference_steps=num_inference_steps,
            num_outputs=num_outputs,
            output_format=output_format,
            seed=seed,
        )

        return flux_lora_params
