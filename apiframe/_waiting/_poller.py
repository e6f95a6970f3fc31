"""The requests a wait makes: one job by id, one page of the listing (declared and implemented here)."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .._bodies import build_query, path_for
from .._flow import Flow
from .._pagination import PageData
from .._pipeline import call_flow, parse
from .._response import stamp
from .._retry import retry_after

if TYPE_CHECKING:
    from apiframe_client.models import JobList

    from .._config import RequestOptions
    from .._outputs import Job

__all__ = ["JobPoller", "ListPage", "Snapshot", "get_flow", "list_flow", "poller", "snapshot_flow"]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One job as ``GET /v2/jobs/{id}`` gave it, with the server's hint for the next look."""

    job: Any
    retry_after: float | None = None


class ListPage(PageData[Any]):
    """One page of ``GET /v2/jobs``: list items (id, status, progress, created_at, maybe result)."""

    def __init__(self, items: Sequence[Any], next_cursor: str | None, has_more: bool | None) -> None:
        super().__init__(items, next_cursor, has_more, None)


class JobPoller(Protocol):
    """The requests the waiting flows make; ``remaining`` is the time left, for request timeouts."""

    def get(self, job_id: str, remaining: float | None) -> Flow[Snapshot]:
        """One job by id."""
        ...

    def page(self, limit: int, cursor: str | None, remaining: float | None) -> Flow[ListPage]:
        """One page of the job listing, newest first."""
        ...

    def as_job(self, item: Any) -> Any:
        """A list item as a job snapshot."""
        ...

    def has_result(self, item: Any) -> bool:
        """Whether a list item carries the job's result (else a COMPLETED one is fetched by id)."""
        ...


@functools.cache
def _job_class() -> type[Job]:
    """The Job model, imported on first use (it loads attrs); cached, as every look at a job needs it."""
    from .._outputs import Job

    return Job


def snapshot_flow(client: Any, job_id: str, options: RequestOptions | None = None) -> Flow[Snapshot]:
    """``GET /v2/jobs/{id}``: the job, and the ``Retry-After`` the response carried."""
    path = path_for("jobs_get", id=job_id)
    response = yield from call_flow(client, "jobs_get", None, path=path, options=options, raw=True)
    job: Job = parse(response, _job_class())
    return Snapshot(job, retry_after(response.headers))


def get_flow(client: Any, job_id: str, options: RequestOptions | None = None) -> Flow[Job]:
    """``GET /v2/jobs/{id}``: the job's current snapshot."""
    snapshot = yield from snapshot_flow(client, job_id, options)
    job: Job = snapshot.job
    return job


def list_flow(client: Any, query: Mapping[str, Any], options: RequestOptions | None) -> Flow[JobList]:
    """``GET /v2/jobs``: one page of the listing."""
    from apiframe_client.models import JobList

    page: JobList = yield from call_flow(client, "jobs_list", JobList, params=query, options=options)
    return page


class _Poller:
    """The :class:`JobPoller` of one client.

    Each request's timeout is clipped to the wait's time left; a ``Retry-After`` header on a job
    snapshot is passed on as the server's hint for the next look.
    """

    def __init__(self, client: Any) -> None:
        self._client = client
        self._default = client._config.timeout.read

    def _options(self, remaining: float | None) -> RequestOptions:
        options: RequestOptions = {"max_retries": 0}  # the wait paces its own looks, within its deadline
        if remaining is not None:
            ceiling = self._default if self._default is not None else remaining
            options["timeout"] = max(0.05, min(remaining, ceiling))
        return options

    def get(self, job_id: str, remaining: float | None) -> Flow[Snapshot]:
        return snapshot_flow(self._client, job_id, self._options(remaining))

    def page(self, limit: int, cursor: str | None, remaining: float | None) -> Flow[ListPage]:
        query = build_query("jobs_list", {"limit": limit, "cursor": cursor})
        raw = yield from list_flow(self._client, query, self._options(remaining))
        next_cursor = raw.next_cursor if isinstance(raw.next_cursor, str) else None
        return ListPage(list(raw.jobs), next_cursor, raw.has_more is True)

    def as_job(self, item: Any) -> Job:
        from .._outputs import Job

        job: Job = Job.from_dict(item.to_dict())
        info = getattr(item, "_response", None)
        return stamp(job, info) if info is not None else job

    def has_result(self, item: Any) -> bool:
        from apiframe_client.types import Unset

        return not isinstance(getattr(item, "result", None), Unset | None)


def poller(client: Any) -> JobPoller:
    """The :class:`JobPoller` of ``client``."""
    return _Poller(client)
