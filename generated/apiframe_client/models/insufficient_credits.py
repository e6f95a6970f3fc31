from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._repr import model_repr
from ..response_info import ResponseInfo

T = TypeVar("T", bound="InsufficientCredits")


@_attrs_define
class InsufficientCredits:
    """Team does not have enough credits to run this job. The numbers are in the API’s smallest credit unit.

    Attributes:
        credits_available (int):
        credits_required (int):
        error (Literal['Insufficient credits']):
    """

    credits_available: int
    credits_required: int
    error: Literal["Insufficient credits"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _response: ResponseInfo | None = _attrs_field(init=False, default=None, eq=False, repr=False)
    _request_id: str | None = _attrs_field(init=False, default=None, eq=False, repr=False)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        credits_available = self.credits_available

        credits_required = self.credits_required

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "creditsAvailable": credits_available,
                "creditsRequired": credits_required,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        credits_available = d.pop("creditsAvailable")

        credits_required = d.pop("creditsRequired")

        error = cast(Literal["Insufficient credits"], d.pop("error"))
        if error != "Insufficient credits":
            raise ValueError(f"error must match const 'Insufficient credits', got '{error}'")

        insufficient_credits = cls(
            credits_available=credits_available,
            credits_required=credits_required,
            error=error,
        )

        insufficient_credits.additional_properties = d
        return insufficient_credits

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
