from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.suno_params_model_version import (
    SunoParamsModelVersion,
    check_suno_params_model_version,
)
from ..models.suno_params_vocal_gender import (
    SunoParamsVocalGender,
    check_suno_params_vocal_gender,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="SunoParams")


@_attrs_define
class SunoParams:
    """
    Attributes:
        auto_lyrics (bool | Unset):
        custom_mode (bool | Unset):  Default: False.
        instrumental (bool | Unset):  Default: False.
        model_version (SunoParamsModelVersion | Unset):  Default: 'V4_5PLUS'.
        negative_tags (str | Unset):
        style (str | Unset):
        style_weight (float | Unset):
        title (str | Unset):
        vocal_gender (SunoParamsVocalGender | Unset):
        weirdness_constraint (float | Unset):
    """

    auto_lyrics: bool | Unset = UNSET
    custom_mode: bool | Unset = False
    instrumental: bool | Unset = False
    model_version: SunoParamsModelVersion | Unset = "V4_5PLUS"
    negative_tags: str | Unset = UNSET
    style: str | Unset = UNSET
    style_weight: float | Unset = UNSET
    title: str | Unset = UNSET
    vocal_gender: SunoParamsVocalGender | Unset = UNSET
    weirdness_constraint: float | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        auto_lyrics = self.auto_lyrics

        custom_mode = self.custom_mode

        instrumental = self.instrumental

        model_version: str | Unset = UNSET
        if not isinstance(self.model_version, Unset):
            model_version = self.model_version

        negative_tags = self.negative_tags

        style = self.style

        style_weight = self.style_weight

        title = self.title

        vocal_gender: str | Unset = UNSET
        if not isinstance(self.vocal_gender, Unset):
            vocal_gender = self.vocal_gender

        weirdness_constraint = self.weirdness_constraint

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if auto_lyrics is not UNSET:
            field_dict["auto_lyrics"] = auto_lyrics
        if custom_mode is not UNSET:
            field_dict["custom_mode"] = custom_mode
        if instrumental is not UNSET:
            field_dict["instrumental"] = instrumental
        if model_version is not UNSET:
            field_dict["model_version"] = model_version
        if negative_tags is not UNSET:
            field_dict["negative_tags"] = negative_tags
        if style is not UNSET:
            field_dict["style"] = style
        if style_weight is not UNSET:
            field_dict["style_weight"] = style_weight
        if title is not UNSET:
            field_dict["title"] = title
        if vocal_gender is not UNSET:
            field_dict["vocal_gender"] = vocal_gender
        if weirdness_constraint is not UNSET:
            field_dict["weirdness_constraint"] = weirdness_constraint

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        auto_lyrics = d.pop("auto_lyrics", UNSET)

        custom_mode = d.pop("custom_mode", UNSET)

        instrumental = d.pop("instrumental", UNSET)

        _model_version = d.pop("model_version", UNSET)
        model_version: SunoParamsModelVersion | Unset
        if isinstance(_model_version, Unset):
            model_version = UNSET
        else:
            model_version = check_suno_params_model_version(_model_version)

        negative_tags = d.pop("negative_tags", UNSET)

        style = d.pop("style", UNSET)

        style_weight = d.pop("style_weight", UNSET)

        title = d.pop("title", UNSET)

        _vocal_gender = d.pop("vocal_gender", UNSET)
        vocal_gender: SunoParamsVocalGender | Unset
        if isinstance(_vocal_gender, Unset):
            vocal_gender = UNSET
        else:
            vocal_gender = check_suno_params_vocal_gender(_vocal_gender)

        weirdness_constraint = d.pop("weirdness_constraint", UNSET)

        suno_params = cls(
            auto_lyrics=auto_lyrics,
            custom_mode=custom_mode,
            instrumental=instrumental,
            model_version=model_version,
            negative_tags=negative_tags,
            style=style,
            style_weight=style_weight,
            title=title,
            vocal_gender=vocal_gender,
            weirdness_constraint=weirdness_constraint,
        )

        return suno_params
