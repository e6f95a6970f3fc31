from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._repr import model_repr
from ..response_info import ResponseInfo

T = TypeVar("T", bound="AssetsGetResponse200")


@_attrs_define
class AssetsGetResponse200:
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _response: ResponseInfo | None = _attrs_field(init=False, default=None, eq=False, repr=False)
    _request_id: str | None = _attrs_field(init=False, default=None, eq=False, repr=False)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assets_get_response_200 = cls()

        assets_get_response_200.additional_properties = d
        return assets_get_response_200

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
