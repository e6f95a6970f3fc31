from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.reve_params_aspect_ratio import (
    ReveParamsAspectRatio,
    check_reve_params_aspect_ratio,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReveParams")


@_attrs_define
class ReveParams:
    """
    Attributes:
        aspect_ratio (ReveParamsAspectRatio | Unset):
        seed (int | Unset):
        version (str | Unset):
    """

    aspect_ratio: ReveParamsAspectRatio | Unset = UNSET
    seed: int | Unset = UNSET
    version: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio

        seed = self.seed

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if seed is not UNSET:
            field_dict["seed"] = seed
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: ReveParamsAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = check_reve_params_aspect_ratio(_aspect_ratio)

        seed = d.pop("seed", UNSET)

        version = d.pop("version", UNSET)

        reve_params = cls(
            aspect_ratio=aspect_ratio,
            seed=seed,
            version=version,
        )

        return reve_params
