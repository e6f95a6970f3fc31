from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.kling_30_params_aspect_ratio import (
    Kling30ParamsAspectRatio,
    check_kling_30_params_aspect_ratio,
)
from ..models.kling_30_params_mode import Kling30ParamsMode, check_kling_30_params_mode
from ..types import UNSET, Unset

T = TypeVar("T", bound="Kling30Params")


@_attrs_define
class Kling30Params:
    """
    Attributes:
        aspect_ratio (Kling30ParamsAspectRatio | Unset):
        duration (int | Unset):
        end_image (str | Unset):
        generate_audio (bool | Unset):
        mode (Kling30ParamsMode | Unset):
        multi_prompt (str | Unset):
        negative_prompt (str | Unset):
        start_image (str | Unset):
    """

    aspect_ratio: Kling30ParamsAspectRatio | Unset = UNSET
    duration: int | Unset = UNSET
    end_image: str | Unset = UNSET
    generate_audio: bool | Unset = UNSET
    mode: Kling30ParamsMode | Unset = UNSET
    multi_prompt: str | Unset = UNSET
    negative_prompt: str | Unset = UNSET
    start_image: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        duration = self.duration

        end_image = self.end_image

        generate_audio = self.generate_audio

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode

        multi_prompt = self.multi_prompt

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
        if generate_audio is not UNSET:
            field_dict["generate_audio"] = generate_audio
        if mode is not UNSET:
            field_dict["mode"] = mode
        if multi_prompt is not UNSET:
            field_dict["multi_prompt"] = multi_prompt
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if start_image is not UNSET:
            field_dict["start_image"] = start_image

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: Kling30ParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_kling_30_params_aspect_ratio(_aspect_ratio)

        duration = d.pop("duration", UNSET)

        end_image = d.pop("end_image", UNSET)

        generate_audio = d.pop("generate_audio", UNSET)

        _mode = d.pop("mode", UNSET)
        mode: Kling30ParamsMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = check_kling_30_params_mode(_mode)

        multi_prompt = d.pop("multi_prompt", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        start_image = d.pop("start_image", UNSET)

        kling_30_params = cls(
            aspect_ratio=aspect_ratio,
            duration=duration,
            end_image=end_image,
            generate_audio=generate_audio,
            mode=mode,
            multi_prompt=multi_prompt,
            negative_prompt=negative_prompt,
            start_image=start_image,
        )

        return kling_30_params
