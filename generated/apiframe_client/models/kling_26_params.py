from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.kling_26_params_aspect_ratio import (
    Kling26ParamsAspectRatio,
    check_kling_26_params_aspect_ratio,
)
from ..models.kling_26_params_duration import (
    Kling26ParamsDuration,
    check_kling_26_params_duration,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Kling26Params")


@_attrs_define
class Kling26Params:
    """
    Attributes:
        aspect_ratio (Kling26ParamsAspectRatio | Unset):
        duration (Kling26ParamsDuration | Unset):
        generate_audio (bool | Unset):
        negative_prompt (str | Unset):
        start_image (str | Unset):
    """

    aspect_ratio: Kling26ParamsAspectRatio | Unset = UNSET
    duration: Kling26ParamsDuration | Unset = UNSET
    generate_audio: bool | Unset = UNSET
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

        generate_audio = self.generate_audio

        negative_prompt = self.negative_prompt

        start_image = self.start_image

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if duration is not UNSET:
            field_dict["duration"] = duration
        if generate_audio is not UNSET:
            field_dict["generate_audio"] = generate_audio
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if start_image is not UNSET:
            field_dict["start_image"] = start_image

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: Kling26ParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_kling_26_params_aspect_ratio(_aspect_ratio)

        _duration = d.pop("duration", UNSET)
        duration: Kling26ParamsDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = check_kling_26_params_duration(_duration)

        generate_audio = d.pop("generate_audio", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        start_image = d.pop("start_image", UNSET)

        kling_26_params = cls(
            aspect_ratio=aspect_ratio,
            duration=duration,
            generate_audio=generate_audio,
            negative_prompt=negative_prompt,
            start_image=start_image,
        )

        return kling_26_params
