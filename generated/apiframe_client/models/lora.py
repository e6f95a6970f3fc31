from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._repr import model_repr
from ..models.lora_status import LoraStatus, check_lora_status
from ..models.lora_subject_kind import LoraSubjectKind, check_lora_subject_kind
from ..response_info import ResponseInfo

T = TypeVar("T", bound="Lora")


@_attrs_define
class Lora:
    """A user-trained Flux LoRA — the persistent artifact behind the AI Photos feature.

    Attributes:
        age (None | str):
        completed_at (datetime.datetime | None):
        created_at (datetime.datetime):
        error (None | str):
        ethnicity (None | str):
        gender (None | str):
        has_weights (bool):
        id (str):
        image_count (int):
        is_ready (bool):
        lora_rank (int):
        name (str):
        started_at (datetime.datetime | None):
        status (LoraStatus | str):
        steps (int):
        subject_kind (LoraSubjectKind | str):
        team_id (str):
        trigger_word (None | str):
        user_id (str):
    """

    age: None | str
    completed_at: datetime.datetime | None
    created_at: datetime.datetime
    error: None | str
    ethnicity: None | str
    gender: None | str
    has_weights: bool
    id: str
    image_count: int
    is_ready: bool
    lora_rank: int
    name: str
    started_at: datetime.datetime | None
    status: LoraStatus | str
    steps: int
    subject_kind: LoraSubjectKind | str
    team_id: str
    trigger_word: None | str
    user_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _response: ResponseInfo | None = _attrs_field(init=False, default=None, eq=False, repr=False)
    _request_id: str | None = _attrs_field(init=False, default=None, eq=False, repr=False)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        age: None | str
        age = self.age

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        created_at = self.created_at.isoformat()

        error: None | str
        error = self.error

        ethnicity: None | str
        ethnicity = self.ethnicity

        gender: None | str
        gender = self.gender

        has_weights = self.has_weights

        id = self.id

        image_count = self.image_count

        is_ready = self.is_ready

        lora_rank = self.lora_rank

        name = self.name

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        steps = self.steps

        subject_kind: str
        if isinstance(self.subject_kind, str):
            subject_kind = self.subject_kind
        else:
            subject_kind = self.subject_kind

        team_id = self.team_id

        trigger_word: None | str
        trigger_word = self.trigger_word

        user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "age": age,
                "completedAt": completed_at,
                "createdAt": created_at,
                "error": error,
                "ethnicity": ethnicity,
                "gender": gender,
                "hasWeights": has_weights,
                "id": id,
                "imageCount": image_count,
                "isReady": is_ready,
                "loraRank": lora_rank,
                "name": name,
                "startedAt": started_at,
                "status": status,
                "steps": steps,
                "subjectKind": subject_kind,
                "teamId": team_id,
                "triggerWord": trigger_word,
                "userId": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_age(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        age = _parse_age(d.pop("age"))

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completedAt"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        def _parse_ethnicity(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ethnicity = _parse_ethnicity(d.pop("ethnicity"))

        def _parse_gender(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        gender = _parse_gender(d.pop("gender"))

        has_weights = d.pop("hasWeights")

        id = d.pop("id")

        image_count = d.pop("imageCount")

        is_ready = d.pop("isReady")

        lora_rank = d.pop("loraRank")

        name = d.pop("name")

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("startedAt"))

        def _parse_status(data: object) -> LoraStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_status = check_lora_status(data)

                return status_status
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LoraStatus | str, data)

        status = _parse_status(d.pop("status"))

        steps = d.pop("steps")

        def _parse_subject_kind(data: object) -> LoraSubjectKind | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subject_kind_subject_kind = check_lora_subject_kind(data)

                return subject_kind_subject_kind
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LoraSubjectKind | str, data)

        subject_kind = _parse_subject_kind(d.pop("subjectKind"))

        team_id = d.pop("teamId")

        def _parse_trigger_word(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        trigger_word = _parse_trigger_word(d.pop("triggerWord"))

        user_id = d.pop("userId")

        lora = cls(
            age=age,
            completed_at=completed_at,
            created_at=created_at,
            error=error,
            ethnicity=ethnicity,
            gender=gender,
            has_weights=has_weights,
            id=id,
            image_count=image_count,
            is_ready=is_ready,
            lora_rank=lora_rank,
            name=name,
            started_at=started_at,
            status=status,
            steps=steps,
            subject_kind=subject_kind,
            team_id=team_id,
            trigger_word=trigger_word,
            user_id=user_id,
        )

        lora.additional_properties = d
        return lora

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
