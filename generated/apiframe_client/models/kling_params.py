from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.kling_params_duration import (
    KlingParamsDuration,
    check_kling_params_duration,
)
from ..models.kling_params_mode import KlingParamsMode, check_kling_params_mode
from ..types import UNSET, Unset

T = TypeVar("T", bound="KlingParams")


@_attrs_define
class KlingParams:
    """
    Attributes:
        duration (KlingParamsDuration | Unset):
        end_image (str | Unset):
        mode (KlingParamsMode | Unset):
        negative_prompt (str | Unset):
        start_image (str | Unset):
    """

    duration: KlingParamsDuration | Unset = UNSET
    end_image: str | Unset = UNSET
    mode: KlingParamsMode | Unset = UNSET
    negative_prompt: str | Unset = UNSET
    start_image: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        duration: int | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration

        end_image = self.end_image

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode

        negative_prompt = self.negative_prompt

        start_image = self.start_image

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if duration is not UNSET:
            field_dict["duration"] = duration
        if end_image is not UNSET:
            field_dict["end_image"] = end_image
        if mode is not UNSET:
            field_dict["mode"] = mode
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if start_image is not UNSET:
            field_dict["start_image"] = start_image

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _duration = d.pop("duration", UNSET)
        duration: KlingParamsDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = check_kling_params_duration(_duration)

        end_image = d.pop("end_image", UNSET)

        _mode = d.pop("mode", UNSET)
        mode: KlingParamsMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = check_kling_params_mode(_mode)

        negative_prompt = d.pop("negative_prompt", UNSET)

        start_image = d.pop("start_image", UNSET)

        kling_params = cls(
            duration=duration,
            end_image=end_image,
            mode=mode,
            negative_prompt=negative_prompt,
            start_image=start_image,
        )

        return kling_params
