from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._repr import model_repr
from ..response_info import ResponseInfo

T = TypeVar("T", bound="MeTeam")


@_attrs_define
class MeTeam:
    """
    Attributes:
        credits (int):
        customer_id (None | str):
        id (str):
        name (str):
        plan (str):
    """

    credits: int
    customer_id: None | str
    id: str
    name: str
    plan: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _response: ResponseInfo | None = _attrs_field(init=False, default=None, eq=False, repr=False)
    _request_id: str | None = _attrs_field(init=False, default=None, eq=False, repr=False)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        credits = self.credits

        customer_id: None | str
        customer_id = self.customer_id

        id = self.id

        name = self.name

        plan = self.plan

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credits": credits,
                "customerId": customer_id,
                "id": id,
                "name": name,
                "plan": plan,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        credits = d.pop("credits")

        def _parse_customer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        customer_id = _parse_customer_id(d.pop("customerId"))

        id = d.pop("id")

        name = d.pop("name")

        plan = d.pop("plan")

        me_team = cls(
            credits=credits,
            customer_id=customer_id,
            id=id,
            name=name,
            plan=plan,
        )

        me_team.additional_properties = d
        return me_team

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
