"""``client.jobs``: look up, list and wait for jobs."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Unpack

from .._bodies import build_query, path_for
from .._flow import Flow
from .._pagination import AsyncPage, Page
from .._retry import retry_after
from .._waiting import ListPage, SharedListing, Snapshot, WaitPolicy, job_id_of, wait_flow, wait_many_flow
from ._base import call_flow, parse
from ._downloads import AsyncDownloads, Downloads

if TYPE_CHECKING:
    from apiframe_client.models import JobList, JobListJobsItem

    from .._client import Apiframe, AsyncApiframe
    from .._config import RequestOptions
    from .._outputs import Job

__all__ = ["AsyncJobPage", "AsyncJobs", "JobPage", "Jobs"]

JobRef = Any
"""A job id, an accepted-job handle or a job snapshot."""


class JobPage(Page["JobListJobsItem"]):
    """One page of ``jobs.list``; ``for job in page`` walks every following page too."""

    @property
    def jobs(self) -> list[JobListJobsItem]:
        """The jobs on this page only."""
        return self.items

    @property
    def models(self) -> list[str]:
        """Model ids present in the listing (when requested with ``include_models=True``)."""
        models = getattr(self.raw, "models", None)
        return list(models) if isinstance(models, list) else []


class AsyncJobPage(AsyncPage["JobListJobsItem"]):
    """One page of ``jobs.list`` (async); ``async for job in page`` walks every following page."""

    @property
    def jobs(self) -> list[JobListJobsItem]:
        """The jobs on this page only."""
        return self.items

    @property
    def models(self) -> list[str]:
        """Model ids present in the listing (when requested with ``include_models=True``)."""
        models = getattr(self.raw, "models", None)
        return list(models) if isinstance(models, list) else []


def get_flow(client: Any, job_id: str, options: RequestOptions | None = None) -> Flow[Job]:
    from .._outputs import Job

    path = path_for("jobs_get", id=job_id)
    job: Job = yield from call_flow(client, "jobs_get", Job, path=path, options=options)
    return job


def list_flow(client: Any, query: Mapping[str, Any], options: RequestOptions | None) -> Flow[JobList]:
    from apiframe_client.models import JobList

    page: JobList = yield from call_flow(client, "jobs_list", JobList, params=query, options=options)
    return page


def policy_for(interval: float | None, max_interval: float | None, timeout: float | None) -> WaitPolicy:
    defaults = WaitPolicy()
    return WaitPolicy(
        interval=defaults.interval if interval is None else interval,
        max_interval=defaults.max_interval if max_interval is None else max_interval,
        timeout=defaults.timeout if timeout is None else timeout,
    )


class _Poller:
    """The requests of the waiting flows (see ``apiframe._waiting``), for one client.

    Each request's timeout is clipped to the wait's time left; a ``Retry-After`` header on a job
    snapshot is passed on as the server's hint for the next look.
    """

    def __init__(self, client: Any) -> None:
        self._client = client
        self._default = client._config.timeout.read

    def _options(self, remaining: float | None) -> RequestOptions:
        options: RequestOptions = {}
        if remaining is not None:
            ceiling = self._default if self._default is not None else remaining
            options["timeout"] = max(0.05, min(remaining, ceiling))
        return options

    def get(self, job_id: str, remaining: float | None) -> Flow[Snapshot]:
        from .._outputs import Job

        path = path_for("jobs_get", id=job_id)
        response = yield from self._client._request("GET", path, options=self._options(remaining))
        job: Job = parse(response, Job)
        return Snapshot(job, retry_after(response.headers))

    def page(self, limit: int, cursor: str | None, remaining: float | None) -> Flow[ListPage]:
        query = build_query("jobs_list", {"limit": limit, "cursor": cursor})
        raw = yield from list_flow(self._client, query, self._options(remaining))
        next_cursor = raw.next_cursor if isinstance(raw.next_cursor, str) else None
        return ListPage(list(raw.jobs), next_cursor, raw.has_more is True)

    def as_job(self, item: Any) -> Job:
        from .._outputs import Job

        job: Job = Job.from_dict(item.to_dict())
        return job

    def has_result(self, item: Any) -> bool:
        from apiframe_client.types import Unset

        return not isinstance(getattr(item, "result", None), Unset | None)


def poller(client: Any) -> _Poller:
    """The :class:`~apiframe._waiting.JobPoller` of ``client``."""
    return _Poller(client)


class Jobs(Downloads):
    """Look up, list, wait for and download jobs."""

    def __init__(self, client: Apiframe) -> None:
        super().__init__(client)
        self._shared = SharedListing()  # concurrent waits on this client share list pages

    def get(self, job_id: str, /, **options: Unpack[RequestOptions]) -> Job:
        """The job's current snapshot (status, progress, result URLs once COMPLETED)."""
        return self._client._run(get_flow(self._client, job_id, options))

    def list(
        self,
        *,
        status: str | None = None,
        model: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        scope: str | None = None,
        search: str | None = None,
        include_models: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> JobPage:
        """One page of jobs, newest first; iterate the page to walk all pages lazily."""
        query = build_query(
            "jobs_list",
            {
                "status": status,
                "model": model,
                "limit": limit,
                "cursor": cursor,
                "scope": scope,
                "search": search,
                "include_models": include_models,
            },
        )
        return self._page(query, options)

    def _page(self, query: Mapping[str, Any], options: RequestOptions) -> JobPage:
        raw = self._client._run(list_flow(self._client, query, options))
        return JobPage(
            raw.jobs,
            next_cursor=raw.next_cursor,
            has_more=raw.has_more,
            raw=raw,
            fetch=lambda cursor: self._page({**query, "cursor": cursor}, options),
        )

    def wait(
        self,
        job: JobRef,
        /,
        *,
        interval: float | None = None,
        max_interval: float | None = None,
        timeout: float | None = None,
        on_progress: Callable[[Job], object] | None = None,
        cancel: threading.Event | None = None,
    ) -> Job:
        """Poll until the job ends and return it when COMPLETED.

        Raises :class:`~apiframe.JobFailedError` (FAILED), :class:`~apiframe.JobCancelledError`
        (CANCELLED), :class:`~apiframe.WaitTimeoutError` past ``timeout`` seconds (default 600;
        separate from HTTP timeouts) and :class:`~apiframe.WaitCancelledError` when ``cancel`` is
        set. ``on_progress(job)`` runs whenever status or progress changes.
        """
        flow = wait_flow(
            poller(self._client),
            job_id_of(job),
            policy=policy_for(interval, max_interval, timeout),
            now=self._client._config.clock.monotonic,
            on_progress=on_progress,
            shared=self._shared,
            push=self._client._push,
            cancel=cancel,
        )
        result: Job = self._client._run(flow)
        return result

    def wait_many(
        self,
        jobs: Iterable[JobRef],
        /,
        *,
        interval: float | None = None,
        max_interval: float | None = None,
        timeout: float | None = None,
        on_progress: Callable[[Job], object] | None = None,
        cancel: threading.Event | None = None,
    ) -> Iterator[Job]:
        """Yield each job as it ends (COMPLETED, FAILED or CANCELLED: check ``job.status``).

        All jobs share one ``timeout`` budget; past it, :class:`~apiframe.WaitTimeoutError` is
        raised for a job still pending.
        """
        flow = wait_many_flow(
            poller(self._client),
            [job_id_of(j) for j in jobs],
            policy=policy_for(interval, max_interval, timeout),
            now=self._client._config.clock.monotonic,
            on_progress=on_progress,
            cancel=cancel,
            push=self._client._push,
        )
        return self._client._iterate(flow)


class AsyncJobs(AsyncDownloads):
    """Look up, list, wait for and download jobs (async)."""

    def __init__(self, client: AsyncApiframe) -> None:
        super().__init__(client)
        self._shared = SharedListing()  # concurrent waits on this client share list pages

    async def get(self, job_id: str, /, **options: Unpack[RequestOptions]) -> Job:
        """The job's current snapshot (status, progress, result URLs once COMPLETED)."""
        return await self._client._run(get_flow(self._client, job_id, options))

    async def list(
        self,
        *,
        status: str | None = None,
        model: str | None = None,
        limit: int | None = None,
        cursor: str | None = None,
        scope: str | None = None,
        search: str | None = None,
        include_models: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncJobPage:
        """One page of jobs, newest first; ``async for`` over it walks all pages lazily."""
        query = build_query(
            "jobs_list",
            {
                "status": status,
                "model": model,
                "limit": limit,
                "cursor": cursor,
                "scope": scope,
                "search": search,
                "include_models": include_models,
            },
        )
        return await self._page(query, options)

    async def _page(self, query: Mapping[str, Any], options: RequestOptions) -> AsyncJobPage:
        raw = await self._client._run(list_flow(self._client, query, options))
        return AsyncJobPage(
            raw.jobs,
            next_cursor=raw.next_cursor,
            has_more=raw.has_more,
            raw=raw,
            fetch=lambda cursor: self._page({**query, "cursor": cursor}, options),
        )

    async def wait(
        self,
        job: JobRef,
        /,
        *,
        interval: float | None = None,
        max_interval: float | None = None,
        timeout: float | None = None,
        on_progress: Callable[[Job], object] | None = None,
    ) -> Job:
        """Poll until the job ends; same outcomes as :meth:`Jobs.wait`. Cancel the task to stop."""
        flow = wait_flow(
            poller(self._client),
            job_id_of(job),
            policy=policy_for(interval, max_interval, timeout),
            now=self._client._config.clock.monotonic,
            on_progress=on_progress,
            shared=self._shared,
            push=self._client._push,
        )
        result: Job = await self._client._run(flow)
        return result

    def wait_many(
        self,
        jobs: Iterable[JobRef],
        /,
        *,
        interval: float | None = None,
        max_interval: float | None = None,
        timeout: float | None = None,
        on_progress: Callable[[Job], object] | None = None,
    ) -> AsyncIterator[Job]:
        """``async for job in client.jobs.wait_many(ids)``: each job as it ends, one shared budget."""
        flow = wait_many_flow(
            poller(self._client),
            [job_id_of(j) for j in jobs],
            policy=policy_for(interval, max_interval, timeout),
            now=self._client._config.clock.monotonic,
            on_progress=on_progress,
            push=self._client._push,
        )
        return self._client._iterate(flow)
