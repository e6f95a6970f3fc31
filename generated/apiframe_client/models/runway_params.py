from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.runway_params_aspect_ratio import (
    RunwayParamsAspectRatio,
    check_runway_params_aspect_ratio,
)
from ..models.runway_params_duration import (
    RunwayParamsDuration,
    check_runway_params_duration,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="RunwayParams")


@_attrs_define
class RunwayParams:
    """
    Attributes:
        aspect_ratio (RunwayParamsAspectRatio | Unset):
        duration (RunwayParamsDuration | Unset):
        image (str | Unset):
        seed (int | Unset):
    """

    aspect_ratio: RunwayParamsAspectRatio | Unset = UNSET
    duration: RunwayParamsDuration | Unset = UNSET
    image: str | Unset = UNSET
    seed: int | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        duration: int | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration

        image = self.image

        seed = self.seed

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if duration is not UNSET:
            field_dict["duration"] = duration
        if image is not UNSET:
            field_dict["image"] = image
        if seed is not UNSET:
            field_dict["seed"] = seed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: RunwayParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_runway_params_aspect_ratio(_aspect_ratio)

        _duration = d.pop("duration", UNSET)
        duration: RunwayParamsDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = check_runway_params_duration(_duration)

        image = d.pop("image", UNSET)

        seed = d.pop("seed", UNSET)

        runway_params = cls(
            aspect_ratio=aspect_ratio,
            duration=duration,
            image=image,
            seed=seed,
        )

        return runway_params
