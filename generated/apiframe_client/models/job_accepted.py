from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._repr import model_repr
from ..models.job_accepted_status import JobAcceptedStatus, check_job_accepted_status
from ..response_info import ResponseInfo

T = TypeVar("T", bound="JobAccepted")


@_attrs_define
class JobAccepted:
    """Returned by every successful job submission.

    Attributes:
        job_id (str):
        status (JobAcceptedStatus | str): Status at the moment the job record was persisted. Almost always `QUEUED`;
            idempotent replays may return the original status.
    """

    job_id: str
    status: JobAcceptedStatus | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _response: ResponseInfo | None = _attrs_field(init=False, default=None, eq=False, repr=False)
    _request_id: str | None = _attrs_field(init=False, default=None, eq=False, repr=False)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        status: str
        if isinstance(self.status, str):
            status = self.status
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "jobId": job_id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        job_id = d.pop("jobId")

        def _parse_status(data: object) -> JobAcceptedStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_status = check_job_accepted_status(data)

                return status_status
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobAcceptedStatus | str, data)

        status = _parse_status(d.pop("status"))

        job_accepted = cls(
            job_id=job_id,
            status=status,
        )

        job_accepted.additional_properties = d
        return job_accepted

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
