from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from .._repr import model_repr
from ..models.loras_create_body_gender import (
    LorasCreateBodyGender,
    check_loras_create_body_gender,
)
from ..models.loras_create_body_subject_kind import (
    LorasCreateBodySubjectKind,
    check_loras_create_body_subject_kind,
)
from ..response_info import ResponseInfo
from ..types import UNSET, File, Unset

T = TypeVar("T", bound="LorasCreateBody")


@_attrs_define
class LorasCreateBody:
    """
    Attributes:
        images (list[File]): 15-30 training images (JPEG / PNG / WebP, max 10 MB each, 100 MB total).
        name (str):
        age (str | Unset):
        ethnicity (str | Unset): Required when `subjectKind === "person"`.
        gender (LorasCreateBodyGender | Unset): Required when `subjectKind === "person"`.
        lora_rank (int | Unset):
        steps (int | Unset):
        subject_kind (LorasCreateBodySubjectKind | Unset):  Default: 'person'.
        webhook_events (str | Unset): Comma-separated list, e.g. `completed,failed`.
        webhook_url (str | Unset):
    """

    images: list[File]
    name: str
    age: str | Unset = UNSET
    ethnicity: str | Unset = UNSET
    gender: LorasCreateBodyGender | Unset = UNSET
    lora_rank: int | Unset = UNSET
    steps: int | Unset = UNSET
    subject_kind: LorasCreateBodySubjectKind | Unset = "person"
    webhook_events: str | Unset = UNSET
    webhook_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _response: ResponseInfo | None = _attrs_field(init=False, default=None, eq=False, repr=False)
    _request_id: str | None = _attrs_field(init=False, default=None, eq=False, repr=False)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        images = []
        for images_item_data in self.images:
            images_item = images_item_data.to_tuple()

            images.append(images_item)

        name = self.name

        age = self.age

        ethnicity = self.ethnicity

        gender: str | Unset = UNSET
        if not isinstance(self.gender, Unset):
            gender = self.gender

        lora_rank = self.lora_rank

        steps = self.steps

        subject_kind: str | Unset = UNSET
        if not isinstance(self.subject_kind, Unset):
            subject_kind = self.subject_kind

        webhook_events = self.webhook_events

        webhook_url = self.webhook_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "images": images,
                "name": name,
            }
        )
        if age is not UNSET:
            field_dict["age"] = age
        if ethnicity is not UNSET:
            field_dict["ethnicity"] = ethnicity
        if gender is not UNSET:
            field_dict["gender"] = gender
        if lora_rank is not UNSET:
            field_dict["loraRank"] = lora_rank
        if steps is not UNSET:
            field_dict["steps"] = steps
        if subject_kind is not UNSET:
            field_dict["subjectKind"] = subject_kind
        if webhook_events is not UNSET:
            field_dict["webhookEvents"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhookUrl"] = webhook_url

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        for images_item_element in self.images:
            files.append(("images", images_item_element.to_tuple()))

        files.append(("name", (None, str(self.name).encode(), "text/plain")))

        if not isinstance(self.age, Unset):
            files.append(("age", (None, str(self.age).encode(), "text/plain")))

        if not isinstance(self.ethnicity, Unset):
            files.append(("ethnicity", (None, str(self.ethnicity).encode(), "text/plain")))

        if not isinstance(self.gender, Unset):
            files.append(("gender", (None, str(self.gender).encode(), "text/plain")))

        if not isinstance(self.lora_rank, Unset):
            files.append(("loraRank", (None, str(self.lora_rank).encode(), "text/plain")))

        if not isinstance(self.steps, Unset):
            files.append(("steps", (None, str(self.steps).encode(), "text/plain")))

        if not isinstance(self.subject_kind, Unset):
            files.append(("subjectKind", (None, str(self.subject_kind).encode(), "text/plain")))

        if not isinstance(self.webhook_events, Unset):
            files.append(("webhookEvents", (None, str(self.webhook_events).encode(), "text/plain")))

        if not isinstance(self.webhook_url, Unset):
            files.append(("webhookUrl", (None, str(self.webhook_url).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        images = []
        _images = d.pop("images")
        for images_item_data in _images:
            images_item = File(payload=BytesIO(images_item_data))

            images.append(images_item)

        name = d.pop("name")

        age = d.pop("age", UNSET)

        ethnicity = d.pop("ethnicity", UNSET)

        _gender = d.pop("gender", UNSET)
        gender: LorasCreateBodyGender | Unset
        if isinstance(_gender, Unset):
            gender = UNSET
        else:
            gender = check_loras_create_body_gender(_gender)

        lora_rank = d.pop("loraRank", UNSET)

        steps = d.pop("steps", UNSET)

        _subject_kind = d.pop("subjectKind", UNSET)
        subject_kind: LorasCreateBodySubjectKind | Unset
        if isinstance(_subject_kind, Unset):
            subject_kind = UNSET
        else:
            subject_kind = check_loras_create_body_subject_kind(_subject_kind)

        webhook_events = d.pop("webhookEvents", UNSET)

        webhook_url = d.pop("webhookUrl", UNSET)

        loras_create_body = cls(
            images=images,
            name=name,
            age=age,
            ethnicity=ethnicity,
            gender=gender,
            lora_rank=lora_rank,
            steps=steps,
            subject_kind=subject_kind,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        loras_create_body.additional_properties = d
        return loras_create_body

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
