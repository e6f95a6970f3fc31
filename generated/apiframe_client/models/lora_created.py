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

T = TypeVar("T", bound="LoraCreated")


@_attrs_define
class LoraCreated:
    """Returned by `POST /v2/loras` once the upload has been spooled and training queued.

    Attributes:
        id (str):
        image_count (int):
        status (Literal['PENDING']):
    """

    id: str
    image_count: int
    status: Literal["PENDING"]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _response: ResponseInfo | None = _attrs_field(init=False, default=None, eq=False, repr=False)
    _request_id: str | None = _attrs_field(init=False, default=None, eq=False, repr=False)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        image_count = self.image_count

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "imageCount": image_count,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        image_count = d.pop("imageCount")

        status = cast(Literal["PENDING"], d.pop("status"))
        if status != "PENDING":
            raise ValueError(f"status must match const 'PENDING', got '{status}'")

        lora_created = cls(
            id=id,
            image_count=image_count,
            status=status,
        )

        lora_created.additional_properties = d
        return lora_created

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
