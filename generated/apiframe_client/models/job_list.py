from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._repr import model_repr
from ..response_info import ResponseInfo
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.job_list_jobs_item import JobListJobsItem


T = TypeVar("T", bound="JobList")


@_attrs_define
class JobList:
    """Paginated list of jobs scoped to the caller (or to the whole team for admins).

    Attributes:
        has_more (bool):
        jobs (list[JobListJobsItem]):
        next_cursor (None | str):
        models (list[str] | Unset):
    """

    has_more: bool
    jobs: list[JobListJobsItem]
    next_cursor: None | str
    models: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _response: ResponseInfo | None = _attrs_field(init=False, default=None, eq=False, repr=False)
    _request_id: str | None = _attrs_field(init=False, default=None, eq=False, repr=False)

    def __repr__(self) -> str:
        return model_repr(self)

    def to_dict(self) -> dict[str, Any]:
        has_more = self.has_more

        jobs = []
        for jobs_item_data in self.jobs:
            jobs_item = jobs_item_data.to_dict()
            jobs.append(jobs_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        models: list[str] | Unset = UNSET
        if not isinstance(self.models, Unset):
            models = self.models

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hasMore": has_more,
                "jobs": jobs,
                "nextCursor": next_cursor,
            }
        )
        if models is not UNSET:
            field_dict["models"] = models

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.job_list_jobs_item import JobListJobsItem  # noqa: PLC0415

        d = dict(src_dict)
        has_more = d.pop("hasMore")

        jobs = []
        _jobs = d.pop("jobs")
        for jobs_item_data in _jobs:
            jobs_item = JobListJobsItem.from_dict(jobs_item_data)

            jobs.append(jobs_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("nextCursor"))

        models = cast(list[str], d.pop("models", UNSET))

        job_list = cls(
            has_more=has_more,
            jobs=jobs,
            next_cursor=next_cursor,
            models=models,
        )

        job_list.additional_properties = d
        return job_list

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
