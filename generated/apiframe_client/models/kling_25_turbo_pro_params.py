from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.kling_25_turbo_pro_params_aspect_ratio import (
    Kling25TurboProParamsAspectRatio,
    check_kling_25_turbo_pro_params_aspect_ratio,
)
from ..models.kling_25_turbo_pro_params_duration import (
    Kling25TurboProParamsDuration,
    check_kling_25_turbo_pro_params_duration,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Kling25TurboProParams")


@_attrs_define
class Kling25TurboProParams:
    """
    Attributes:
        aspect_ratio (Kling25TurboProParamsAspectRatio | Unset):
        duration (Kling25TurboProParamsDuration | Unset):
        end_image (str | Unset):
        guidance_scale (float | Unset):
        negative_prompt (str | Unset):
        start_image (str | Unset):
    """

    aspect_ratio: Kling25TurboProParamsAspectRatio | Unset = UNSET
    duration: Kling25TurboProParamsDuration | Unset = UNSET
    end_image: str | Unset = UNSET
    guidance_scale: float | Unset = UNSET
    negative_prompt: str | Unset = UNSET
    start_image: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        duration: int | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration

        end_image = self.end_image

        guidance_scale = self.guidance_scale

        negative_prompt = self.negative_prompt

        start_image = self.start_image

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if duration is not UNSET:
            field_dict["duration"] = duration
        if end_image is not UNSET:
            field_dict["end_image"] = end_image
        if guidance_scale is not UNSET:
            field_dict["guidance_scale"] = guidance_scale
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if start_image is not UNSET:
            field_dict["start_image"] = start_image

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: Kling25TurboProParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_kling_25_turbo_pro_params_aspect_ratio(_aspect_ratio)

        _duration = d.pop("duration", UNSET)
        duration: Kling25TurboProParamsDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = check_kling_25_turbo_pro_params_duration(_duration)

        end_image = d.pop("end_image", UNSET)

        guidance_scale = d.pop("guidance_scale", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        start_image = d.pop("start_image", UNSET)

        kling_25_turbo_pro_params = cls(
            aspect_ratio=aspect_ratio,
            duration=duration,
            end_image=end_image,
            guidance_scale=guidance_scale,
            negative_prompt=negative_prompt,
            start_image=start_image,
        )

        return kling_25_turbo_pro_params
