from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .._repr import model_repr
from ..models.elevenlabs_params_output_format import (
    ElevenlabsParamsOutputFormat,
    check_elevenlabs_params_output_format,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ElevenlabsParams")


@_attrs_define
class ElevenlabsParams:
    """
    Attributes:
        force_instrumental (bool | Unset):  Default: False.
        music_length_ms (int | Unset):
        output_format (ElevenlabsParamsOutputFormat | Unset):  Default: 'mp3_high_quality'.
    """

    force_instrumental: bool | Unset = False
    music_length_ms: int | Unset = UNSET
    output_format: ElevenlabsParamsOutputFormat | Unset = "mp3_high_quality"

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        force_instrumental = self.force_instrumental

        music_length_ms = self.music_length_ms

        output_format: str | Unset = UNSET
        if not isinstance(self.output_format, Unset):
            output_format = self.output_format

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if force_instrumental is not UNSET:
            field_dict["force_instrumental"] = force_instrumental
        if music_length_ms is not UNSET:
            field_dict["music_length_ms"] = music_length_ms
        if output_format is not UNSET:
            field_dict["output_format"] = output_format

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        force_instrumental = d.pop("force_instrumental", UNSET)

        music_length_ms = d.pop("music_length_ms", UNSET)

        _output_format = d.pop("output_format", UNSET)
        output_format: ElevenlabsParamsOutputFormat | Unset
        if isinstance(_output_format, Unset):
            output_format = UNSET
        else:
            output_format = check_elevenlabs_params_output_format(_output_format)

        elevenlabs_params = cls(
            force_instrumental=force_instrumental,
            music_length_ms=music_length_ms,
            output_format=output_format,
        )

        return elevenlabs_params
