from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.wan_27_params_aspect_ratio import (
    Wan27ParamsAspectRatio,
    check_wan_27_params_aspect_ratio,
)
from ..models.wan_27_params_resolution import (
    Wan27ParamsResolution,
    check_wan_27_params_resolution,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Wan27Params")


@_attrs_define
class Wan27Params:
    """
    Attributes:
        aspect_ratio (Wan27ParamsAspectRatio | Unset):
        audio (str | Unset):
        duration (int | Unset):
        enable_prompt_expansion (bool | Unset):
        first_clip (str | Unset):
        image (str | Unset):
        last_frame (str | Unset):
        negative_prompt (str | Unset):
        resolution (Wan27ParamsResolution | Unset):
        seed (int | Unset):
    """

    aspect_ratio: Wan27ParamsAspectRatio | Unset = UNSET
    audio: str | Unset = UNSET
    duration: int | Unset = UNSET
    enable_prompt_expansion: bool | Unset = UNSET
    first_clip: str | Unset = UNSET
    image: str | Unset = UNSET
    last_frame: str | Unset = UNSET
    negative_prompt: str | Unset = UNSET
    resolution: Wan27ParamsResolution | Unset = UNSET
    seed: int | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        audio = self.audio

        duration = self.duration

        enable_prompt_expansion = self.enable_prompt_expansion

        first_clip = self.first_clip

        image = self.image

        last_frame = self.last_frame

        negative_prompt = self.negative_prompt

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        seed = self.seed

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if audio is not UNSET:
            field_dict["audio"] = audio
        if duration is not UNSET:
            field_dict["duration"] = duration
        if enable_prompt_expansion is not UNSET:
            field_dict["enable_prompt_expansion"] = enable_prompt_expansion
        if first_clip is not UNSET:
            field_dict["first_clip"] = first_clip
        if image is not UNSET:
            field_dict["image"] = image
        if last_frame is not UNSET:
            field_dict["last_frame"] = last_frame
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
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: Wan27ParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_wan_27_params_aspect_ratio(_aspect_ratio)

        audio = d.pop("audio", UNSET)

        duration = d.pop("duration", UNSET)

        enable_prompt_expansion = d.pop("enable_prompt_expansion", UNSET)

        first_clip = d.pop("first_clip", UNSET)

        image = d.pop("image", UNSET)

        last_frame = d.pop("last_frame", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        _resolution = d.pop("resolution", UNSET)
        resolution: Wan27ParamsResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_wan_27_params_resolution(_resolution)

        seed = d.pop("seed", UNSET)

        wan_27_params = cls(
            aspect_ratio=aspect_ratio,
            audio=audio,
            duration=duration,
            enable_prompt_expansion=enable_prompt_expansion,
            first_clip=first_clip,
            image=image,
            last_frame=last_frame,
            negative_prompt=negative_prompt,
            resolution=resolution,
            seed=seed,
        )

        return wan_27_params
