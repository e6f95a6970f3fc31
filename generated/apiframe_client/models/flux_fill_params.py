from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.flux_fill_params_mode import (
    FluxFillParamsMode,
    check_flux_fill_params_mode,
)
from ..models.flux_fill_params_outpaint import (
    FluxFillParamsOutpaint,
    check_flux_fill_params_outpaint,
)
from ..models.flux_fill_params_output_format import (
    FluxFillParamsOutputFormat,
    check_flux_fill_params_output_format,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="FluxFillParams")


@_attrs_define
class FluxFillParams:
    """
    Attributes:
        image (str):
        mode (FluxFillParamsMode):
        prompt (str):
        guidance (float | Unset):
        mask (str | Unset):
        outpaint (FluxFillParamsOutpaint | Unset):
        output_format (FluxFillParamsOutputFormat | Unset):
        prompt_upsampling (bool | Unset):
        safety_tolerance (int | Unset):
        seed (int | Unset):
        steps (int | Unset):
    """

    image: str
    mode: FluxFillParamsMode
    prompt: str
    guidance: float | Unset = UNSET
    mask: str | Unset = UNSET
    outpaint: FluxFillParamsOutpaint | Unset = UNSET
    output_format: FluxFillParamsOutputFormat | Unset = UNSET
    prompt_upsampling: bool | Unset = UNSET
    safety_tolerance: int | Unset = UNSET
    seed: int | Unset = UNSET
    steps: int | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        image = self.image

        mode: str = self.mode

        prompt = self.prompt

        guidance = self.guidance

        mask = self.mask

        outpaint: str | Unset = UNSET
        if not isinstance(self.outpaint, Unset):
            outpaint = self.outpaint

        output_format: str | Unset = UNSET
        if not isinstance(self.output_format, Unset):
            output_format = self.output_format

        prompt_upsampling = self.prompt_upsampling

        safety_tolerance = self.safety_tolerance

        seed = self.seed

        steps = self.steps

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "image": image,
                "mode": mode,
                "prompt": prompt,
            }
        )
        if guidance is not UNSET:
            field_dict["guidance"] = guidance
        if mask is not UNSET:
            field_dict["mask"] = mask
        if outpaint is not UNSET:
            field_dict["outpaint"] = outpaint
        if output_format is not UNSET:
            field_dict["output_format"] = output_format
        if prompt_upsampling is not UNSET:
            field_dict["prompt_upsampling"] = prompt_upsampling
        if safety_tolerance is not UNSET:
            field_dict["safety_tolerance"] = safety_tolerance
        if seed is not UNSET:
            field_dict["seed"] = seed
        if steps is not UNSET:
            field_dict["steps"] = steps

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        image = d.pop("image")

        mode = check_flux_fill_params_mode(d.pop("mode"))

        prompt = d.pop("prompt")

        guidance = d.pop("guidance", UNSET)

        mask = d.pop("mask", UNSET)

        _outpaint = d.pop("outpaint", UNSET)
        outpaint: FluxFillParamsOutpaint | Unset
        if isinstance(_outpaint, Unset):
            outpaint = UNSET
        else:
            outpaint = check_flux_fill_params_outpaint(_outpaint)

        _output_format = d.pop("output_format", UNSET)
        output_format: FluxFillParamsOutputFormat | Unset
        if isinstance(_output_format, Unset):
            output_format = UNSET
        else:
            output_format = check_flux_fill_params_output_format(_output_format)

        prompt_upsampling = d.pop("prompt_upsampling", UNSET)

        safety_tolerance = d.pop("safety_tolerance", UNSET)

        seed = d.pop("seed", UNSET)

        steps = d.pop("steps", UNSET)

        flux_fill_params = cls(
            image=image,
            mode=mode,
            prompt=prompt,
            guidance=guidance,
            mask=mask,
            outpaint=outpaint,
            output_format=output_format,
            prompt_upsampling=prompt_upsampling,
            safety_tolerance=safety_tolerance,
            seed=seed,
            steps=steps,
        )

        return flux_fill_params
