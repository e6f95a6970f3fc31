from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from .._repr import model_repr
from ..response_info import ResponseInfo
from ..types import File

T = TypeVar("T", bound="UploadsCreateBody")


@_attrs_define
class UploadsCreateBody:
    """
    Attributes:
        file (File): PNG, JPEG, WebP, GIF, MP4, WebM, MOV, MP3, WAV, OGG, M4A.
    """

    file: File
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _response: ResponseInfo | None = _attrs_field(init=False, default=None, eq=False, repr=False)
    _request_id: str | None = _attrs_field(init=False, default=None, eq=False, repr=False)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
            }
        )

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(payload=BytesIO(d.pop("file")))

        uploads_create_body = cls(
            file=file,
        )

        uploads_create_body.additional_properties = d
        return uploads_create_body

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
