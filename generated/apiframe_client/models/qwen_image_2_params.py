from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.qwen_image_2_params_aspect_ratio import (
    QwenImage2ParamsAspectRatio,
    check_qwen_image_2_params_aspect_ratio,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="QwenImage2Params")


@_attrs_define
class QwenImage2Params:
    """
    Attributes:
        aspect_ratio (QwenImage2ParamsAspectRatio | Unset):
        image (str | Unset):
        negative_prompt (str | Unset):
        seed (int | Unset):
    """

    aspect_ratio: QwenImage2ParamsAspectRatio | Unset = UNSET
    image: str | Unset = UNSET
    negative_prompt: str | Unset = UNSET
    seed: int | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        image = self.image

        negative_prompt = self.negative_prompt

        seed = self.seed

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if image is not UNSET:
            field_dict["image"] = image
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if seed is not UNSET:
            field_dict["seed"] = seed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: QwenImage2ParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_qwen_image_2_params_aspect_ratio(_aspect_ratio)

        image = d.pop("image", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        seed = d.pop("seed", UNSET)

        qwen_image_2_params = cls(
            aspect_ratio=aspect_ratio,
            image=image,
            negative_prompt=negative_prompt,
            seed=seed,
        )

        return qwen_image_2_params
