from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.wan_27_videoedit_params_aspect_ratio import (
    Wan27VideoeditParamsAspectRatio,
    check_wan_27_videoedit_params_aspect_ratio,
)
from ..models.wan_27_videoedit_params_audio_setting import (
    Wan27VideoeditParamsAudioSetting,
    check_wan_27_videoedit_params_audio_setting,
)
from ..models.wan_27_videoedit_params_resolution import (
    Wan27VideoeditParamsResolution,
    check_wan_27_videoedit_params_resolution,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Wan27VideoeditParams")


@_attrs_define
class Wan27VideoeditParams:
    """
    Attributes:
        video (str):
        aspect_ratio (Wan27VideoeditParamsAspectRatio | Unset):
        audio_setting (Wan27VideoeditParamsAudioSetting | Unset):
        duration (int | Unset):
        negative_prompt (str | Unset):
        reference_image (str | Unset):
        resolution (Wan27VideoeditParamsResolution | Unset):
        seed (int | Unset):
    """

    video: str
    aspect_ratio: Wan27VideoeditParamsAspectRatio | Unset = UNSET
    audio_setting: Wan27VideoeditParamsAudioSetting | Unset = UNSET
    duration: int | Unset = UNSET
    negative_prompt: str | Unset = UNSET
    reference_image: str | Unset = UNSET
    resolution: Wan27VideoeditParamsResolution | Unset = UNSET
    seed: int | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        video = self.video

        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        audio_setting: str | Unset = UNSET
        if not isinstance(self.audio_setting, Unset):
            audio_setting = self.audio_setting

        duration = self.duration

        negative_prompt = self.negative_prompt

        reference_image = self.reference_image

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        seed = self.seed

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "video": video,
            }
        )
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if audio_setting is not UNSET:
            field_dict["audio_setting"] = audio_setting
        if duration is not UNSET:
            field_dict["duration"] = duration
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if reference_image is not UNSET:
            field_dict["reference_image"] = reference_image
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if seed is not UNSET:
            field_dict["seed"] = seed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        video = d.pop("video")

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: Wan27VideoeditParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_wan_27_videoedit_params_aspect_ratio(_aspect_ratio)

        _audio_setting = d.pop("audio_setting", UNSET)
        audio_setting: Wan27VideoeditParamsAudioSetting | Unset
        if isinstance(_audio_setting, Unset):
            audio_setting = UNSET
        else:
            audio_setting = check_wan_27_videoedit_params_audio_setting(_audio_setting)

        duration = d.pop("duration", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        reference_image = d.pop("reference_image", UNSET)

        _resolution = d.pop("resolution", UNSET)
        resolution: Wan27VideoeditParamsResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_wan_27_videoedit_params_resolution(_resolution)

        seed = d.pop("seed", UNSET)

        wan_27_videoedit_params = cls(
            video=video,
            aspect_ratio=aspect_ratio,
            audio_setting=audio_setting,
            duration=duration,
            negative_prompt=negative_prompt,
            reference_image=reference_image,
            resolution=resolution,
            seed=seed,
        )

        return wan_27_videoedit_params
