from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.wan_image_27_params_aspect_ratio import (
    WanImage27ParamsAspectRatio,
    check_wan_image_27_params_aspect_ratio,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="WanImage27Params")


@_attrs_define
class WanImage27Params:
    """
    Attributes:
        aspect_ratio (WanImage27ParamsAspectRatio | Unset):
        image (str | Unset):
        seed (int | Unset):
        thinking_mode (bool | Unset):
    """

    aspect_ratio: WanImage27ParamsAspectRatio | Unset = UNSET
    image: str | Unset = UNSET
    seed: int | Unset = UNSET
    thinking_mode: bool | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        image = self.image

        seed = self.seed

        thinking_mode = self.thinking_mode

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if image is not UNSET:
            field_dict["image"] = image
        if seed is not UNSET:
            field_dict["seed"] = seed
        if thinking_mode is not UNSET:
            field_dict["thinking_mode"] = thinking_mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: WanImage27ParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_wan_image_27_params_aspect_ratio(_aspect_ratio)

        image = d.pop("image", UNSET)

        seed = d.pop("seed", UNSET)

        thinking_mode = d.pop("thinking_mode", UNSET)

        wan_image_27_params = cls(
            aspect_ratio=aspect_ratio,
            image=image,
            seed=seed,
            thinking_mode=thinking_mode,
        )

        return wan_image_27_params
