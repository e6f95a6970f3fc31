from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.clarity_upscale_params_output_format import (
    ClarityUpscaleParamsOutputFormat,
    check_clarity_upscale_params_output_format,
)
from ..models.clarity_upscale_params_scale_factor import (
    ClarityUpscaleParamsScaleFactor,
    check_clarity_upscale_params_scale_factor,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ClarityUpscaleParams")


@_attrs_define
class ClarityUpscaleParams:
    """
    Attributes:
        image (str):
        creativity (float | Unset):
        dynamic (float | Unset):
        negative_prompt (str | Unset):
        num_inference_steps (int | Unset):
        output_format (ClarityUpscaleParamsOutputFormat | Unset):
        prompt (str | Unset):
        resemblance (float | Unset):
        scale_factor (ClarityUpscaleParamsScaleFactor | Unset):
        seed (int | Unset):
        sharpen (float | Unset):
    """

    image: str
    creativity: float | Unset = UNSET
    dynamic: float | Unset = UNSET
    negative_prompt: str | Unset = UNSET
    num_inference_steps: int | Unset = UNSET
    output_format: ClarityUpscaleParamsOutputFormat | Unset = UNSET
    prompt: str | Unset = UNSET
    resemblance: float | Unset = UNSET
    scale_factor: ClarityUpscaleParamsScaleFactor | Unset = UNSET
    seed: int | Unset = UNSET
    sharpen: float | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        image = self.image

        creativity = self.creativity

        dynamic = self.dynamic

        negative_prompt = self.negative_prompt

        num_inference_steps = self.num_inference_steps

        output_format: str | Unset = UNSET
        if not isinstance(self.output_format, Unset):
            output_format = self.output_format

        prompt = self.prompt

        resemblance = self.resemblance

        scale_factor: int | Unset = UNSET
        if not isinstance(self.scale_factor, Unset):
            scale_factor = self.scale_factor

        seed = self.seed

        sharpen = self.sharpen

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "image": image,
            }
        )
        if creativity is not UNSET:
            field_dict["creativity"] = creativity
        if dynamic is not UNSET:
            field_dict["dynamic"] = dynamic
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if num_inference_steps is not UNSET:
            field_dict["num_inference_steps"] = num_inference_steps
        if output_format is not UNSET:
            field_dict["output_format"] = output_format
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if resemblance is not UNSET:
            field_dict["resemblance"] = resemblance
        if scale_factor is not UNSET:
            field_dict["scale_factor"] = scale_factor
        if seed is not UNSET:
            field_dict["seed"] = seed
        if sharpen is not UNSET:
            field_dict["sharpen"] = sharpen

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        image = d.pop("image")

        creativity = d.pop("creativity", UNSET)

        dynamic = d.pop("dynamic", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        num_inference_steps = d.pop("num_inference_steps", UNSET)

        _output_format = d.pop("output_format", UNSET)
        output_format: ClarityUpscaleParamsOutputFormat | Unset
        if isinstance(_output_format, Unset):
            output_format = UNSET
        else:
            output_format = check_clarity_upscale_params_output_format(_output_format)

        prompt = d.pop("prompt", UNSET)

        resemblance = d.pop("resemblance", UNSET)

        _scale_factor = d.pop("scale_factor", UNSET)
        scale_factor: ClarityUpscaleParamsScaleFactor | Unset
        if isinstance(_scale_factor, Unset):
            scale_factor = UNSET
        else:
            scale_factor = check_clarity_upscale_params_scale_factor(_scale_factor)

        seed = d.pop("seed", UNSET)

        sharpen = d.pop("sharpen", UNSET)

        clarity_upscale_params = cls(
            image=image,
            creativity=creativity,
            dynamic=dynamic,
            negative_prompt=negative_prompt,
            num_inference_steps=num_inference_steps,
            output_format=output_format,
            prompt=prompt,
            resemblance=resemblance,
            scale_factor=scale_factor,
            seed=seed,
            sharpen=sharpen,
        )

        return clarity_upscale_params
