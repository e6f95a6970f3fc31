from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.udio_params_lyrics_type import (
    UdioParamsLyricsType,
    check_udio_params_lyrics_type,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="UdioParams")


@_attrs_define
class UdioParams:
    """
    Attributes:
        lyrics_type (UdioParamsLyricsType | Unset):  Default: 'generate'.
        negative_tags (str | Unset):
        seed (int | Unset):
        style (str | Unset):
        title (str | Unset):
    """

    lyrics_type: UdioParamsLyricsType | Unset = "generate"
    negative_tags: str | Unset = UNSET
    seed: int | Unset = UNSET
    style: str | Unset = UNSET
    title: str | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        lyrics_type: str | Unset = UNSET
        if not isinstance(self.lyrics_type, Unset):
            lyrics_type = self.lyrics_type

        negative_tags = self.negative_tags

        seed = self.seed

        style = self.style

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if lyrics_type is not UNSET:
            field_dict["lyrics_type"] = lyrics_type
        if negative_tags is not UNSET:
            field_dict["negative_tags"] = negative_tags
        if seed is not UNSET:
            field_dict["seed"] = seed
        if style is not UNSET:
            field_dict["style"] = style
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _lyrics_type = d.pop("lyrics_type", UNSET)
        lyrics_type: UdioParamsLyricsType | Unset
        if isinstance(_lyrics_type, Unset):
            lyrics_type = UNSET
        else:
            lyrics_type = check_udio_params_lyrics_type(_lyrics_type)

        negative_tags = d.pop("negative_tags", UNSET)

        seed = d.pop("seed", UNSET)

        style = d.pop("style", UNSET)

        title = d.pop("title", UNSET)

        udio_params = cls(
            lyrics_type=lyrics_type,
            negative_tags=negative_tags,
            seed=seed,
            style=style,
            title=title,
        )

        return udio_params
