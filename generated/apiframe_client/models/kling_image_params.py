from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.kling_image_params_aspect_ratio import (
    KlingImageParamsAspectRatio,
    check_kling_image_params_aspect_ratio,
)
from ..models.kling_image_params_model_name import (
    KlingImageParamsModelName,
    check_kling_image_params_model_name,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="KlingImageParams")


@_attrs_define
class KlingImageParams:
    """
    Attributes:
        aspect_ratio (KlingImageParamsAspectRatio | Unset):
        image (str | Unset):
        image_fidelity (float | Unset):
        model_name (KlingImageParamsModelName | Unset):
        n (int | Unset):
        negative_prompt (str | Unset):
    """

    aspect_ratio: KlingImageParamsAspectRatio | Unset = UNSET
    image: str | Unset = UNSET
    image_fidelity: float | Unset = UNSET
    model_name: KlingImageParamsModelName | Unset = UNSET
    n: int | Unset = UNSET
    negative_prompt: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        image = self.image

        image_fidelity = self.image_fidelity

        model_name: str | Unset = UNSET
        if not isinstance(self.model_name, Unset):
            model_name = self.model_name

        n = self.n

        negative_prompt = self.negative_prompt

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if image is not UNSET:
            field_dict["image"] = image
        if image_fidelity is not UNSET:
            field_dict["image_fidelity"] = image_fidelity
        if model_name is not UNSET:
            field_dict["model_name"] = model_name
        if n is not UNSET:
            field_dict["n"] = n
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: KlingImageParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_kling_image_params_aspect_ratio(_aspect_ratio)

        image = d.pop("image", UNSET)

        image_fidelity = d.pop("image_fidelity", UNSET)

        _model_name = d.pop("model_name", UNSET)
        model_name: KlingImageParamsModelName | Unset
        if isinstance(_model_name, Unset):
            model_name = UNSET
        else:
            model_name = check_kling_image_params_model_name(_model_name)

        n = d.pop("n", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        kling_image_params = cls(
            aspect_ratio=aspect_ratio,
            image=image,
            image_fidelity=image_fidelity,
            model_name=model_name,
            n=n,
            negative_prompt=negative_prompt,
        )

        return kling_image_params
