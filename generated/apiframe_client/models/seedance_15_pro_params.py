from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.seedance_15_pro_params_aspect_ratio import (
    Seedance15ProParamsAspectRatio,
    check_seedance_15_pro_params_aspect_ratio,
)
from ..models.seedance_15_pro_params_duration import (
    Seedance15ProParamsDuration,
    check_seedance_15_pro_params_duration,
)
from ..models.seedance_15_pro_params_resolution import (
    Seedance15ProParamsResolution,
    check_seedance_15_pro_params_resolution,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Seedance15ProParams")


@_attrs_define
class Seedance15ProParams:
    """
    Attributes:
        aspect_ratio (Seedance15ProParamsAspectRatio | Unset):
        camera_fixed (bool | Unset):
        duration (Seedance15ProParamsDuration | Unset):
        end_image (str | Unset):
        generate_audio (bool | Unset):
        resolution (Seedance15ProParamsResolution | Unset):
        seed (int | Unset):
        start_image (str | Unset):
    """

    aspect_ratio: Seedance15ProParamsAspectRatio | Unset = UNSET
    camera_fixed: bool | Unset = UNSET
    duration: Seedance15ProParamsDuration | Unset = UNSET
    end_image: str | Unset = UNSET
    generate_audio: bool | Unset = UNSET
    resolution: Seedance15ProParamsResolution | Unset = UNSET
    seed: int | Unset = UNSET
    start_image: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        camera_fixed = self.camera_fixed

        duration: int | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration

        end_image = self.end_image

        generate_audio = self.generate_audio

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        seed = self.seed

        start_image = self.start_image

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if camera_fixed is not UNSET:
            field_dict["camera_fixed"] = camera_fixed
        if duration is not UNSET:
            field_dict["duration"] = duration
        if end_image is not UNSET:
            field_dict["end_image"] = end_image
        if generate_audio is not UNSET:
            field_dict["generate_audio"] = generate_audio
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if seed is not UNSET:
            field_dict["seed"] = seed
        if start_image is not UNSET:
            field_dict["start_image"] = start_image

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: Seedance15ProParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_seedance_15_pro_params_aspect_ratio(_aspect_ratio)

        camera_fixed = d.pop("camera_fixed", UNSET)

        _duration = d.pop("duration", UNSET)
        duration: Seedance15ProParamsDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = check_seedance_15_pro_params_duration(_duration)

        end_image = d.pop("end_image", UNSET)

        generate_audio = d.pop("generate_audio", UNSET)

        _resolution = d.pop("resolution", UNSET)
        resolution: Seedance15ProParamsResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_seedance_15_pro_params_resolution(_resolution)

        seed = d.pop("seed", UNSET)

        start_image = d.pop("start_image", UNSET)

        seedance_15_pro_params = cls(
            aspect_ratio=aspect_ratio,
            camera_fixed=camera_fixed,
            duration=duration,
            end_image=end_image,
            generate_audio=generate_audio,
            resolution=resolution,
            seed=seed,
            start_image=start_image,
        )

        return seedance_15_pro_params
