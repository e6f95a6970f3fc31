from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._repr import model_repr
from ..models.me_user_role import MeUserRole, check_me_user_role
from ..response_info import ResponseInfo

T = TypeVar("T", bound="MeUser")


@_attrs_define
class MeUser:
    """
    Attributes:
        email (str):
        id (str):
        role (MeUserRole | str):
    """

    email: str
    id: str
    role: MeUserRole | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _response: ResponseInfo | None = _attrs_field(init=False, default=None, eq=False, repr=False)
    _request_id: str | None = _attrs_field(init=False, default=None, eq=False, repr=False)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        id = self.id

        role: str
        if isinstance(self.role, str):
            role = self.role
        else:
            role = self.role

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "id": id,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        id = d.pop("id")

        def _parse_role(data: object) -> MeUserRole | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_role = check_me_user_role(data)

                return role_role
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeUserRole | str, data)

        role = _parse_role(d.pop("role"))

        me_user = cls(
            email=email,
            id=id,
            role=role,
        )

        me_user.additional_properties = d
        return me_user

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
