from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.luma_params_aspect_ratio import (
    LumaParamsAspectRatio,
    check_luma_params_aspect_ratio,
)
from ..models.luma_params_concepts_item import (
    LumaParamsConceptsItem,
    check_luma_params_concepts_item,
)
from ..models.luma_params_duration import LumaParamsDuration, check_luma_params_duration
from ..types import UNSET, Unset

T = TypeVar("T", bound="LumaParams")


@_attrs_define
class LumaParams:
    """
    Attributes:
        aspect_ratio (LumaParamsAspectRatio | Unset):
        concepts (list[LumaParamsConceptsItem] | Unset):
        duration (LumaParamsDuration | Unset):
        end_image (str | Unset):
        loop (bool | Unset):
        start_image (str | Unset):
    """

    aspect_ratio: LumaParamsAspectRatio | Unset = UNSET
    concepts: list[LumaParamsConceptsItem] | Unset = UNSET
    duration: LumaParamsDuration | Unset = UNSET
    end_image: str | Unset = UNSET
    loop: bool | Unset = UNSET
    start_image: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        concepts: list[str] | Unset = UNSET
        if not isinstance(self.concepts, Unset):
            concepts = []
            for concepts_item_data in self.concepts:
                concepts_item: str = concepts_item_data
                concepts.append(concepts_item)

        duration: int | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration

        end_image = self.end_image

        loop = self.loop

        start_image = self.start_image

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if concepts is not UNSET:
            field_dict["concepts"] = concepts
        if duration is not UNSET:
            field_dict["duration"] = duration
        if end_image is not UNSET:
            field_dict["end_image"] = end_image
        if loop is not UNSET:
            field_dict["loop"] = loop
        if start_image is not UNSET:
            field_dict["start_image"] = start_image

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: LumaParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_luma_params_aspect_ratio(_aspect_ratio)

        _concepts = d.pop("concepts", UNSET)
        concepts: list[LumaParamsConceptsItem] | Unset = UNSET
        if _concepts is not UNSET:
            concepts = []
            for concepts_item_data in _concepts:
                concepts_item = check_luma_params_concepts_item(concepts_item_data)

                concepts.append(concepts_item)

        _duration = d.pop("duration", UNSET)
        duration: LumaParamsDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = check_luma_params_duration(_duration)

        end_image = d.pop("end_image", UNSET)

        loop = d.pop("loop", UNSET)

        start_image = d.pop("start_image", UNSET)

        luma_params = cls(
            aspect_ratio=aspect_ratio,
            concepts=concepts,
            duration=duration,
            end_image=end_image,
            loop=loop,
            start_image=start_image,
        )

        return luma_params
