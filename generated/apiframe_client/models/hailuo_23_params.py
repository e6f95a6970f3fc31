from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.hailuo_23_params_duration import (
    Hailuo23ParamsDuration,
    check_hailuo_23_params_duration,
)
from ..models.hailuo_23_params_resolution import (
    Hailuo23ParamsResolution,
    check_hailuo_23_params_resolution,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="Hailuo23Params")


@_attrs_define
class Hailuo23Params:
    """
    Attributes:
        duration (Hailuo23ParamsDuration | Unset):
        image (str | Unset):
        prompt_optimizer (bool | Unset):
        resolution (Hailuo23ParamsResolution | Unset):
    """

    duration: Hailuo23ParamsDuration | Unset = UNSET
    image: str | Unset = UNSET
    prompt_optimizer: bool | Unset = UNSET
    resolution: Hailuo23ParamsResolution | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        duration: int | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration

        image = self.image

        prompt_optimizer = self.prompt_optimizer

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if duration is not UNSET:
            field_dict["duration"] = duration
        if image is not UNSET:
            field_dict["image"] = image
        if prompt_optimizer is not UNSET:
            field_dict["prompt_optimizer"] = prompt_optimizer
        if resolution is not UNSET:
            field_dict["resolution"] = resolution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _duration = d.pop("duration", UNSET)
        duration: Hailuo23ParamsDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = check_hailuo_23_params_duration(_duration)

        image = d.pop("image", UNSET)

        prompt_optimizer = d.pop("prompt_optimizer", UNSET)

        _resolution = d.pop("resolution", UNSET)
        resolution: Hailuo23ParamsResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = check_hailuo_23_params_resolution(_resolution)

        hailuo_23_params = cls(
            duration=duration,
            image=image,
            prompt_optimizer=prompt_optimizer,
            resolution=resolution,
        )

        return hailuo_23_params
