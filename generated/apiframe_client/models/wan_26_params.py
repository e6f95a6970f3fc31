from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.wan_26_params_duration import (
    Wan26ParamsDuration,
    check_wan_26_params_duration,
)
from ..models.wan_26_params_resolution import (
    Wan26ParamsResolution,
    check_wan_26_params_resolution,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Wan26Params")


@_attrs_define
class Wan26Params:
    """
    Attributes:
        audio (str | Unset):
        duration (Wan26ParamsDuration | Unset):
        enable_prompt_expansion (bool | Unset):
        image (str | Unset):
        multi_shots (bool | Unset):
        negative_prompt (str | Unset):
        resolution (Wan26ParamsResolution | Unset):
        seed (int | Unset):
    """

    audio: str | Unset = UNSET
    duration: Wan26ParamsDuration | Unset = UNSET
    enable_prompt_expansion: bool | Unset = UNSET
    image: str | Unset = UNSET
    multi_shots: bool | Unset = UNSET
    negative_prompt: str | Unset = UNSET
    resolution: Wan26ParamsResolution | Unset = UNSET
    seed: int | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        audio = self.audio

        duration: int | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration

        enable_prompt_expansion = self.enable_prompt_expansion

        image = self.image

        multi_shots = self.multi_shots

        negative_prompt = self.negative_prompt

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        seed = self.seed

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if audio is not UNSET:
            field_dict["audio"] = audio
        if duration is not UNSET:
            field_dict["duration"] = duration
        if enable_prompt_expansion is not UNSET:
            field_dict["enable_prompt_expansion"] = enable_prompt_expansion
        if image is not UNSET:
            field_dict["image"] = image
        if multi_shots is not UNSET:
            field_dict["multi_shots"] = multi_shots
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if seed is not UNSET:
            field_dict["seed"] = seed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        audio = d.pop("audio", UNSET)

        _duration = d.pop("duration", UNSET)
        duration: Wan26ParamsDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = check_wan_26_params_duration(_duration)

        enable_prompt_expansion = d.pop("enable_prompt_expansion", UNSET)

        image = d.pop("image", UNSET)

        multi_shots = d.pop("multi_shots", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        _resolution = d.pop("resolution", UNSET)
        resolution: Wan26ParamsResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_wan_26_params_resolution(_resolution)

        seed = d.pop("seed", UNSET)

        wan_26_params = cls(
            audio=audio,
            duration=duration,
            enable_prompt_expansion=enable_prompt_expansion,
            image=image,
            multi_shots=multi_shots,
            negative_prompt=negative_prompt,
            resolution=resolution,
            seed=seed,
        )

        return wan_26_params
