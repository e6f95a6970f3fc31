from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.producer_params_model_version import (
    ProducerParamsModelVersion,
    check_producer_params_model_version,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProducerParams")


@_attrs_define
class ProducerParams:
    """
    Attributes:
        instrumental (bool | Unset):  Default: False.
        lyrics (str | Unset):
        lyrics_strength (float | Unset):
        model_version (ProducerParamsModelVersion | Unset):  Default: 'FUZZ_2_PRO'.
        seed (str | Unset):
        sound_strength (float | Unset):
        title (str | Unset):
        weirdness (float | Unset):
    """

    instrumental: bool | Unset = False
    lyrics: str | Unset = UNSET
    lyrics_strength: float | Unset = UNSET
    model_version: ProducerParamsModelVersion | Unset = "FUZZ_2_PRO"
    seed: str | Unset = UNSET
    sound_strength: float | Unset = UNSET
    title: str | Unset = UNSET
    weirdness: float | Unset = UNSET

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        instrumental = self.instrumental

        lyrics = self.lyrics

        lyrics_strength = self.lyrics_strength

        model_version: str | Unset = UNSET
        if not isinstance(self.model_version, Unset):
            model_version = self.model_version

        seed = self.seed

        sound_strength = self.sound_strength

        title = self.title

        weirdness = self.weirdness

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if instrumental is not UNSET:
            field_dict["instrumental"] = instrumental
        if lyrics is not UNSET:
            field_dict["lyrics"] = lyrics
        if lyrics_strength is not UNSET:
            field_dict["lyrics_strength"] = lyrics_strength
        if model_version is not UNSET:
            field_dict["model_version"] = model_version
        if seed is not UNSET:
            field_dict["seed"] = seed
        if sound_strength is not UNSET:
            field_dict["sound_strength"] = sound_strength
        if title is not UNSET:
            field_dict["title"] = title
        if weirdness is not UNSET:
            field_dict["weirdness"] = weirdness

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        instrumental = d.pop("instrumental", UNSET)

        lyrics = d.pop("lyrics", UNSET)

        lyrics_strength = d.pop("lyrics_strength", UNSET)

        _model_version = d.pop("model_version", UNSET)
        model_version: ProducerParamsModelVersion | Unset
        if isinstance(_model_version, Unset):
            model_version = UNSET
        else:
            model_version = check_producer_params_model_version(_model_version)

        seed = d.pop("seed", UNSET)

        sound_strength = d.pop("sound_strength", UNSET)

        title = d.pop("title", UNSET)

        weirdness = d.pop("weirdness", UNSET)

        producer_params = cls(
            instrumental=instrumental,
            lyrics=lyrics,
            lyrics_strength=lyrics_strength,
            model_version=model_version,
            seed=seed,
            sound_strength=sound_strength,
            title=title,
            weirdness=weirdness,
        )

        return producer_params
