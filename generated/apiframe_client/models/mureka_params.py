from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.mureka_params_model_version import (
    MurekaParamsModelVersion,
    check_mureka_params_model_version,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="MurekaParams")


@_attrs_define
class MurekaParams:
    """
    Attributes:
        instrumental (bool | Unset):  Default: False.
        lyrics (str | Unset):
        model_version (MurekaParamsModelVersion | Unset):  Default: 'auto'.
        n (int | Unset):  Default: 2.
    """

    instrumental: bool | Unset = False
    lyrics: str | Unset = UNSET
    model_version: MurekaParamsModelVersion | Unset = "auto"
    n: int | Unset = 2

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        instrumental = self.instrumental

        lyrics = self.lyrics

        model_version: str | Unset = UNSET
        if not isinstance(self.model_version, Unset):
            model_version = self.model_version

        n = self.n

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if instrumental is not UNSET:
            field_dict["instrumental"] = instrumental
        if lyrics is not UNSET:
            field_dict["lyrics"] = lyrics
        if model_version is not UNSET:
            field_dict["model_version"] = model_version
        if n is not UNSET:
            field_dict["n"] = n

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        instrumental = d.pop("instrumental", UNSET)

        lyrics = d.pop("lyrics", UNSET)

        _model_version = d.pop("model_version", UNSET)
        model_version: MurekaParamsModelVersion | Unset
        if isinstance(_model_version, Unset):
            model_version = UNSET
        else:
            model_version = check_mureka_params_model_version(_model_version)

        n = d.pop("n", UNSET)

        mureka_params = cls(
            instrumental=instrumental,
            lyrics=lyrics,
            model_version=model_version,
            n=n,
        )

        return mureka_params
