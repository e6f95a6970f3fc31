"""A client's job flows: one job by id, a page of the listing, and waiting for jobs.

The waiting strategy (``apiframe._waiting``) is written against a :class:`~apiframe._waiting.JobPoller`;
here it meets a client's session: its requests, clock, shared list pages and push source. The
resources, the accepted-job handles and the download engine take their flows from here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ._bodies import build_query, path_for
from ._config import to_timeout
from ._flow import Effect, Flow
from ._options import NO_OPTIONS, CallOptions
from ._pipeline import attach_response
from ._retry import retry_after
from ._session import Session
from ._types import NotGiven
from ._waiting import (
    JobPoller,
    JobRef,
    ListPage,
    Snapshot,
    WaitPolicy,
    job_id_of,
    policy_for,
    wait_flow,
    wait_many_flow,
)

if TYPE_CHECKING:
    from apiframe_client.models import JobList

    from ._jobs import Job

__all__ = ["client_wait_flow", "client_wait_many_flow", "get_flow", "list_flow", "poller", "snapshot_flow"]


def snapshot_flow(session: Session, job_id: str, options: CallOptions = NO_OPTIONS) -> Flow[Snapshot]:
    """``GET /v2/jobs/{id}``: the job, and the ``Retry-After`` the response carried."""
    from ._jobs import Job  # the generated models load on first use, not with the SDK

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
        from ._jobs import Job

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


def client_wait_flow(
    session: Session,
    job: JobRef,
    *,
    interval: float | NotGiven,
    max_interval: float | NotGiven,
    timeout: float | NotGiven | None,
    policy: WaitPolicy | None,
    on_progress: Callable[[Any], object] | None,
    cancel: threading.Event | None = None,
) -> Generator[Effect, Any, Any]:
    """``jobs.wait`` on a client's ``session``: the job and the arguments are checked here, before any
    request; the requests, the clock, the shared list pages and the push source are the session's."""
    return wait_flow(
        poller(session),
        job_id_of(job),
        policy=policy_for(interval, max_interval, timeout, policy),
        now=session.clock.monotonic,
        on_progress=on_progress,
        shared=session.listing,
        push=session.push,
        cancel=cancel,
    )


def client_wait_many_flow(
    session: Session,
    jobs: Iterable[JobRef],
    *,
    interval: float | NotGiven,
    max_interval: float | NotGiven,
    timeout: float | NotGiven | None,
    policy: WaitPolicy | None,
    on_progress: Callable[[Any], object] | None,
    cancel: threading.Event | None = None,
) -> Generator[Effect, Any, None]:
    """``jobs.wait_many`` on a client's ``session``, checked like :func:`client_wait_flow`."""
    return wait_many_flow(
        poller(session),
        [job_id_of(job) for job in jobs],
        policy=policy_for(interval, max_interval, timeout, policy),
        now=session.clock.monotonic,
        on_progress=on_progress,
        cancel=cancel,
        push=session.push,
    )
