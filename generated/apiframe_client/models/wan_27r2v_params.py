from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.wan_27r2v_params_aspect_ratio import (
    Wan27R2VParamsAspectRatio,
    check_wan_27r2v_params_aspect_ratio,
)
from ..models.wan_27r2v_params_resolution import (
    Wan27R2VParamsResolution,
    check_wan_27r2v_params_resolution,
)
from ..models.wan_27r2v_params_shot_type import (
    Wan27R2VParamsShotType,
    check_wan_27r2v_params_shot_type,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Wan27R2VParams")


@_attrs_define
class Wan27R2VParams:
    """
    Attributes:
        aspect_ratio (Wan27R2VParamsAspectRatio | Unset):
        duration (int | Unset):
        negative_prompt (str | Unset):
        reference_images (list[str] | Unset):
        reference_videos (list[str] | Unset):
        resolution (Wan27R2VParamsResolution | Unset):
        seed (int | Unset):
        shot_type (Wan27R2VParamsShotType | Unset):
    """

    aspect_ratio: Wan27R2VParamsAspectRatio | Unset = UNSET
    duration: int | Unset = UNSET
    negative_prompt: str | Unset = UNSET
    reference_images: list[str] | Unset = UNSET
    reference_videos: list[str] | Unset = UNSET
    resolution: Wan27R2VParamsResolution | Unset = UNSET
    seed: int | Unset = UNSET
    shot_type: Wan27R2VParamsShotType | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        duration = self.duration

        negative_prompt = self.negative_prompt

        reference_images: list[str] | Unset = UNSET
        if not isinstance(self.reference_images, Unset):
            reference_images = self.reference_images

        reference_videos: list[str] | Unset = UNSET
        if not isinstance(self.reference_videos, Unset):
            reference_videos = self.reference_videos

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        seed = self.seed

        shot_type: str | Unset = UNSET
        if not isinstance(self.shot_type, Unset):
            shot_type = self.shot_type

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if duration is not UNSET:
            field_dict["duration"] = duration
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if reference_images is not UNSET:
            field_dict["reference_images"] = reference_images
        if reference_videos is not UNSET:
            field_dict["reference_videos"] = reference_videos
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if seed is not UNSET:
            field_dict["seed"] = seed
        if shot_type is not UNSET:
            field_dict["shot_type"] = shot_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: Wan27R2VParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_wan_27r2v_params_aspect_ratio(_aspect_ratio)

        duration = d.pop("duration", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        reference_images = cast(list[str], d.pop("reference_images", UNSET))

        reference_videos = cast(list[str], d.pop("reference_videos", UNSET))

        _resolution = d.pop("resolution", UNSET)
        resolution: Wan27R2VParamsResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_wan_27r2v_params_resolution(_resolution)

        seed = d.pop("seed", UNSET)

        _shot_type = d.pop("shot_type", UNSET)
        shot_type: Wan27R2VParamsShotType | Unset
        if isinstance(_shot_type, Unset):
            shot_type = UNSET
        else:
            shot_type = check_wan_27r2v_params_shot_type(_shot_type)

        wan_27r2v_params = cls(
            aspect_ratio=aspect_ratio,
            duration=duration,
            negative_prompt=negative_prompt,
            reference_images=reference_images,
            reference_videos=reference_videos,
            resolution=resolution,
            seed=seed,
            shot_type=shot_type,
        )

        return wan_27r2v_params
