from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._repr import model_repr
from ..models.upload_kind import UploadKind, check_upload_kind
from ..response_info import ResponseInfo

T = TypeVar("T", bound="Upload")


@_attrs_define
class Upload:
    """Short-lived CDN-hosted upload. The URL drops straight into any `start_image` / `image` / `video` field in the
    generation schemas.

        Attributes:
            byte_size (int):
            content_type (str):
            expires_at (datetime.datetime):
            id (str):
            kind (str | UploadKind):
            url (str):
    """

    byte_size: int
    content_type: str
    expires_at: datetime.datetime
    id: str
    kind: str | UploadKind
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _response: ResponseInfo | None = _attrs_field(init=False, default=None, eq=False, repr=False)
    _request_id: str | None = _attrs_field(init=False, default=None, eq=False, repr=False)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        byte_size = self.byte_size

        content_type = self.content_type

        expires_at = self.expires_at.isoformat()

        id = self.id

        kind: str
        if isinstance(self.kind, str):
            kind = self.kind
        else:
            kind = self.kind

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "byteSize": byte_size,
                "contentType": content_type,
                "expiresAt": expires_at,
                "id": id,
                "kind": kind,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        byte_size = d.pop("byteSize")

        content_type = d.pop("contentType")

        expires_at = datetime.datetime.fromisoformat(d.pop("expiresAt"))

        id = d.pop("id")

        def _parse_kind(data: object) -> str | UploadKind:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_kind = check_upload_kind(data)

                return kind_kind
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | UploadKind, data)

        kind = _parse_kind(d.pop("kind"))

        url = d.pop("url")

        upload = cls(
            byte_size=byte_size,
            content_type=content_type,
            expires_at=expires_at,
            id=id,
            kind=kind,
            url=url,
        )

        upload.additional_properties = d
        return upload

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
