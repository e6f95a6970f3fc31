from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.sora_params_aspect_ratio import (
    SoraParamsAspectRatio,
    check_sora_params_aspect_ratio,
)
from ..models.sora_params_duration import SoraParamsDuration, check_sora_params_duration
from ..models.sora_params_resolution import (
    SoraParamsResolution,
    check_sora_params_resolution,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SoraParams")


@_attrs_define
class SoraParams:
    """
    Attributes:
        aspect_ratio (SoraParamsAspectRatio | Unset):
        duration (SoraParamsDuration | Unset):
        resolution (SoraParamsResolution | Unset):
        start_image (str | Unset):
    """

    aspect_ratio: SoraParamsAspectRatio | Unset = UNSET
    duration: SoraParamsDuration | Unset = UNSET
    resolution: SoraParamsResolution | Unset = UNSET
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

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        start_image = self.start_image

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if duration is not UNSET:
            field_dict["duration"] = duration
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if start_image is not UNSET:
            field_dict["start_image"] = start_image

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: SoraParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_sora_params_aspect_ratio(_aspect_ratio)

        _duration = d.pop("duration", UNSET)
        duration: SoraParamsDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = check_sora_params_duration(_duration)

        _resolution = d.pop("resolution", UNSET)
        resolution: SoraParamsResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_sora_params_resolution(_resolution)

        start_image = d.pop("start_image", UNSET)

        sora_params = cls(
            aspect_ratio=aspect_ratio,
            duration=duration,
            resolution=resolution,
            start_image=start_image,
        )

        return sora_params
