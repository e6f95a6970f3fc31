from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._repr import model_repr
from ..models.job_list_jobs_item_status import (
    JobListJobsItemStatus,
    check_job_list_jobs_item_status,
)
from ..models.job_list_jobs_item_webhook_status import (
    JobListJobsItemWebhookStatus,
    check_job_list_jobs_item_webhook_status,
)
from ..response_info import ResponseInfo
from ..types import UNSET, Unset

T = TypeVar("T", bound="JobListJobsItem")


@_attrs_define
class JobListJobsItem:
    """
    Attributes:
        completed_at (datetime.datetime | None):
        created_at (datetime.datetime):
        credit_cost (int | None):
        error (None | str):
        expired (bool):
        id (str):
        model (str):
        progress (int | None):
        status (JobListJobsItemStatus | str):
        webhook_status (JobListJobsItemWebhookStatus | None | str):
        result (Any | Unset):
    """

    completed_at: datetime.datetime | None
    created_at: datetime.datetime
    credit_cost: int | None
    error: None | str
    expired: bool
    id: str
    model: str
    progress: int | None
    status: JobListJobsItemStatus | str
    webhook_status: JobListJobsItemWebhookStatus | None | str
    result: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _response: ResponseInfo | None = _attrs_field(init=False, default=None, eq=False, repr=False)
    _request_id: str | None = _attrs_field(init=False, default=None, eq=False, repr=False)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        created_at = self.created_at.isoformat()

        credit_cost: int | None
        credit_cost = self.credit_cost

        error: None | str
        error = self.error

        expired = self.expired

        id = self.id

        model = self.model

        progress: int | None
        progress = self.progress

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        webhook_status: None | str
        if isinstance(self.webhook_status, str):
            webhook_status = self.webhook_status
        else:
            webhook_status = self.webhook_status

        result = self.result

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "completedAt": completed_at,
                "createdAt": created_at,
                "creditCost": credit_cost,
                "error": error,
                "expired": expired,
                "id": id,
                "model": model,
                "progress": progress,
                "status": status,
                "webhookStatus": webhook_status,
            }
        )
        if result is not UNSET:
            field_dict["result"] = result

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        def _parse_credit_cost(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        credit_cost = _parse_credit_cost(d.pop("creditCost"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        expired = d.pop("expired")

        id = d.pop("id")

        model = d.pop("model")

        def _parse_progress(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        progress = _parse_progress(d.pop("progress"))

        def _parse_status(data: object) -> JobListJobsItemStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_status = check_job_list_jobs_item_status(data)

                return status_status
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobListJobsItemStatus | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_webhook_status(data: object) -> JobListJobsItemWebhookStatus | None | str:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                webhook_status_webhook_status = check_job_list_jobs_item_webhook_status(data)

                return webhook_status_webhook_status
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobListJobsItemWebhookStatus | None | str, data)

        webhook_status = _parse_webhook_status(d.pop("webhookStatus"))

        result = d.pop("result", UNSET)

        job_list_jobs_item = cls(
            completed_at=completed_at,
            created_at=created_at,
            credit_cost=credit_cost,
            error=error,
            expired=expired,
            id=id,
            model=model,
            progress=progress,
            status=status,
            webhook_status=webhook_status,
            result=result,
        )

        job_list_jobs_item.additional_properties = d
        return job_list_jobs_item

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
