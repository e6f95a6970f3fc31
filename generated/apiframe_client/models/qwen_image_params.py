from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.qwen_image_params_acceleration import (
    QwenImageParamsAcceleration,
    check_qwen_image_params_acceleration,
)
from ..models.qwen_image_params_image_size import (
    QwenImageParamsImageSize,
    check_qwen_image_params_image_size,
)
from ..models.qwen_image_params_output_format import (
    QwenImageParamsOutputFormat,
    check_qwen_image_params_output_format,
)
from ..models.qwen_image_params_task_type import (
    QwenImageParamsTaskType,
    check_qwen_image_params_task_type,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="QwenImageParams")


@_attrs_define
class QwenImageParams:
    """
    Attributes:
        acceleration (QwenImageParamsAcceleration | Unset):
        guidance_scale (float | Unset):
        image_size (QwenImageParamsImageSize | Unset):
        image_url (str | Unset):
        negative_prompt (str | Unset):
        num_images (int | Unset):
        num_inference_steps (int | Unset):
        output_format (QwenImageParamsOutputFormat | Unset):
        seed (int | Unset):
        strength (float | Unset):
        task_type (QwenImageParamsTaskType | Unset):
    """

    acceleration: QwenImageParamsAcceleration | Unset = UNSET
    guidance_scale: float | Unset = UNSET
    image_size: QwenImageParamsImageSize | Unset = UNSET
    image_url: str | Unset = UNSET
    negative_prompt: str | Unset = UNSET
    num_images: int | Unset = UNSET
    num_inference_steps: int | Unset = UNSET
    output_format: QwenImageParamsOutputFormat | Unset = UNSET
    seed: int | Unset = UNSET
    strength: float | Unset = UNSET
    task_type: QwenImageParamsTaskType | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        acceleration: str | Unset = UNSET
        if not isinstance(self.acceleration, Unset):
            acceleration = self.acceleration

        guidance_scale = self.guidance_scale

        image_size: str | Unset = UNSET
        if not isinstance(self.image_size, Unset):
            image_size = self.image_size

        image_url = self.image_url

        negative_prompt = self.negative_prompt

        num_images = self.num_images

        num_inference_steps = self.num_inference_steps

        output_format: str | Unset = UNSET
        if not isinstance(self.output_format, Unset):
            output_format = self.output_format

        seed = self.seed

        strength = self.strength

        task_type: str | Unset = UNSET
        if not isinstance(self.task_type, Unset):
            task_type = self.task_type

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if acceleration is not UNSET:
            field_dict["acceleration"] = acceleration
        if guidance_scale is not UNSET:
            field_dict["guidance_scale"] = guidance_scale
        if image_size is not UNSET:
            field_dict["image_size"] = image_size
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if num_images is not UNSET:
            field_dict["num_images"] = num_images
        if num_inference_steps is not UNSET:
            field_dict["num_inference_steps"] = num_inference_steps
        if output_format is not UNSET:
            field_dict["output_format"] = output_format
        if seed is not UNSET:
            field_dict["seed"] = seed
        if strength is not UNSET:
            field_dict["strength"] = strength
        if task_type is not UNSET:
            field_dict["task_type"] = task_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _acceleration = d.pop("acceleration", UNSET)
        acceleration: QwenImageParamsAcceleration | Unset
        if isinstance(_acceleration, Unset):
            acceleration = UNSET
        else:
            acceleration = check_qwen_image_params_acceleration(_acceleration)

        guidance_scale = d.pop("guidance_scale", UNSET)

        _image_size = d.pop("image_size", UNSET)
        image_size: QwenImageParamsImageSize | Unset
        if isinstance(_image_size, Unset):
            image_size = UNSET
        else:
            image_size = check_qwen_image_params_image_size(_image_size)

        image_url = d.pop("image_url", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        num_images = d.pop("num_images", UNSET)

        num_inference_steps = d.pop("num_inference_steps", UNSET)

        _output_format = d.pop("output_format", UNSET)
        output_format: QwenImageParamsOutputFormat | Unset
        if isinstance(_output_format, Unset):
            output_format = UNSET
        else:
            output_format = check_qwen_image_params_output_format(_output_format)

        seed = d.pop("seed", UNSET)

        strength = d.pop("strength", UNSET)

        _task_type = d.pop("task_type", UNSET)
        task_type: QwenImageParamsTaskType | Unset
        if isinstance(_task_type, Unset):
            task_type = UNSET
        else:
            task_type = check_qwen_image_params_task_type(_task_type)

        qwen_image_params = cls(
            acceleration=acceleration,
            guidance_scale=guidance_scale,
            image_size=image_size,
            image_url=image_url,
            negative_prompt=negative_prompt,
            num_images=num_images,
            num_inference_steps=num_inference_steps,
            output_format=output_format,
            seed=seed,
            strength=strength,
            task_type=task_type,
        )

        return qwen_image_params
