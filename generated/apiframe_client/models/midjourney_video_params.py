from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.midjourney_video_params_motion import (
    MidjourneyVideoParamsMotion,
    check_midjourney_video_params_motion,
)
from ..models.midjourney_video_params_resolution import (
    MidjourneyVideoParamsResolution,
    check_midjourney_video_params_resolution,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="MidjourneyVideoParams")


@_attrs_define
class MidjourneyVideoParams:
    """
    Attributes:
        start_image (str):
        motion (MidjourneyVideoParamsMotion | Unset):
        resolution (MidjourneyVideoParamsResolution | Unset):
    """

    start_image: str
    motion: MidjourneyVideoParamsMotion | Unset = UNSET
    resolution: MidjourneyVideoParamsResolution | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        start_image = self.start_image

        motion: str | Unset = UNSET
        if not isinstance(self.motion, Unset):
            motion = self.motion

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "start_image": start_image,
            }
        )
        if motion is not UNSET:
            field_dict["motion"] = motion
        if resolution is not UNSET:
            field_dict["resolution"] = resolution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        start_image = d.pop("start_image")

        _motion = d.pop("motion", UNSET)
        motion: MidjourneyVideoParamsMotion | Unset
        if isinstance(_motion, Unset):
            motion = UNSET
        else:
            motion = check_midjourney_video_params_motion(_motion)

        _resolution = d.pop("resolution", UNSET)
        resolution: MidjourneyVideoParamsResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_midjourney_video_params_resolution(_resolution)

        midjourney_video_params = cls(
            start_image=start_image,
            motion=motion,
            resolution=resolution,
        )

        return midjourney_video_params
