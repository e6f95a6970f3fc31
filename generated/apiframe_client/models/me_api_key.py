from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._repr import model_repr
from ..response_info import ResponseInfo

T = TypeVar("T", bound="MeApiKey")


@_attrs_define
class MeApiKey:
    """
    Attributes:
        id (str):
        name (str):
        prefix (str):
    """

    id: str
    name: str
    prefix: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _response: ResponseInfo | None = _attrs_field(init=False, default=None, eq=False, repr=False)
    _request_id: str | None = _attrs_field(init=False, default=None, eq=False, repr=False)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        prefix = self.prefix

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "prefix": prefix,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        prefix = d.pop("prefix")

        me_api_key = cls(
            id=id,
            name=name,
            prefix=prefix,
        )

        me_api_key.additional_properties = d
        return me_api_key

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
