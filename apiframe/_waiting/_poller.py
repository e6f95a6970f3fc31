"""The requests a wait makes: one job by id, one page of the listing (declared and implemented here)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .._bodies import build_query, path_for
from .._config import to_timeout
from .._flow import Flow
from .._options import NO_OPTIONS, CallOptions
from .._pagination import PageData
from .._pipeline import attach_response
from .._retry import retry_after

if TYPE_CHECKING:
    from apiframe_client.models import JobList

    from .._jobs import Job
    from .._session import Session

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


def snapshot_flow(session: Session, job_id: str, options: CallOptions = NO_OPTIONS) -> Flow[Snapshot]:
    """``GET /v2/jobs/{id}``: the job, and the ``Retry-After`` the response carried."""
    from .._jobs import Job  # the generated models load on first use, not with the SDK

    job: Job = yield from session.call("jobs_get", Job, path=path_for("jobs_get", id=job_id), options=options)
    hint = retry_after(job._response.headers) if job._response is not None else None
    return Snapshot(job, hint)


def get_flow(session: Session, job_id: str, options: CallOptions = NO_OPTIONS) -> Flow[Job]:
    """``GET /v2/jobs/{id}``: the job's current snapshot."""
    snapshot = yield from snapshot_flow(session, job_id, options)
    job: Job = snapshot.job
    return job


def list_flow(session: Session, query: Mapping[str, Any], options: CallOptions = NO_OPTIONS) -> Flow[JobList]:
    """``GET /v2/jobs``: one page of the listing."""
    from apiframe_client.models import JobList

    page: JobList = yield from session.call("jobs_list", JobList, params=query, options=options)
    return page


class _Poller:
    """The :class:`JobPoller` of one session.

    Each request's timeout is clipped to the wait's time left; a ``Retry-After`` header on a job
    snapshot is passed on as the server's hint for the next look.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._default = session.settings.timeout.read

    def _options(self, remaining: float | None) -> CallOptions:
        if remaining is None:
            return _LOOK  # the wait paces its own looks, within its deadline
        ceiling = self._default if self._default is not None else remaining
        return _LOOK.evolve(timeout=to_timeout(max(0.05, min(remaining, ceiling))))

    def get(self, job_id: str, remaining: float | None) -> Flow[Snapshot]:
        return snapshot_flow(self._session, job_id, self._options(remaining))

    def page(self, limit: int, cursor: str | None, remaining: float | None) -> Flow[ListPage]:
        query = build_query("jobs_list", {"limit": limit, "cursor": cursor})
        raw = yield from list_flow(self._session, query, self._options(remaining))
        next_cursor = raw.next_cursor if isinstance(raw.next_cursor, str) else None
        return ListPage(list(raw.jobs), next_cursor, raw.has_more is True)

    def as_job(self, item: Any) -> Job:
        from .._jobs import Job

        job: Job = Job.from_dict(item.to_dict())
        info = getattr(item, "_response", None)
        return attach_response(job, info) if info is not None else job

    def has_result(self, item: Any) -> bool:
        from apiframe_client.types import Unset

        return not isinstance(getattr(item, "result", None), Unset | None)


_LOOK = CallOptions(max_retries=0)


def poller(session: Session) -> JobPoller:
    """The :class:`JobPoller` of ``session``."""
    return _Poller(session)
