"""``client.jobs``: look up, list, wait for and download jobs (the public classes are assembled in
``_generated.py`` with their raw-response views)."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Unpack

from .._bodies import build_query
from .._job_flows import client_wait_flow, client_wait_many_flow, get_flow, list_flow
from .._options import CallOptions, RequestOptions
from .._pagination import AsyncPage, AsyncPager, Page
from .._pipeline import attach_response
from .._types import NOT_GIVEN, NotGiven
from .._waiting import JobRef, WaitPolicy
from ._downloads import AsyncDownloads, Downloads

if TYPE_CHECKING:
    from apiframe_client.models import JobList

    from .._jobs import Job

__all__ = ["AsyncJobPage", "AsyncJobsMethods", "JobPage", "JobsMethods"]


def jobs_of(raw: JobList) -> list[Job]:
    """The page's items as :class:`~apiframe.Job` (the same class ``get`` and ``wait`` return)."""
    from .._jobs import Job  # the generated models load on first use

    jobs = [Job.from_dict(item.to_dict()) for item in raw.jobs]
    if raw._response is not None:
        for job in jobs:
            attach_response(job, raw._response)
    return jobs


class JobPage(Page["Job"]):
    """One page of ``jobs.list``; ``for job in page`` walks every following page too."""

    @property
    def jobs(self) -> list[Job]:
        """The jobs on this page only."""
        return self.items

    @property
    def models(self) -> list[str]:
        """Model ids present in the listing (when requested with ``include_models=True``)."""
        models = getattr(self.raw, "models", None)
        return list(models) if isinstance(models, list) else []


class AsyncJobPage(AsyncPage["Job"]):
    """One page of ``jobs.list`` (async); ``async for job in page`` walks every following page."""

    @property
    def jobs(self) -> list[Job]:
        """The jobs on this page only."""
        return self.items

    @property
    def models(self) -> list[str]:
        """Model ids present in the listing (when requested with ``include_models=True``)."""
        models = getattr(self.raw, "models", None)
        return list(models) if isinstance(models, list) else []


class JobsMethods(Downloads):
    """Look up, list, wait for and download jobs."""

    def get(self, job_id: str, /, **options: Unpack[RequestOptions]) -> Job:
        """The job's current snapshot (status, progress, result URLs once COMPLETED)."""
        return self._session.run(get_flow(self._session, job_id, CallOptions.of(options)))

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
        return self._page(query, CallOptions.of(options))

    def _page(self, query: Mapping[str, Any], options: CallOptions) -> JobPage:
        raw = self._session.run(list_flow(self._session, query, options))
        return JobPage(
            jobs_of(raw),
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
        interval: float | NotGiven = NOT_GIVEN,
        max_interval: float | NotGiven = NOT_GIVEN,
        timeout: float | NotGiven | None = NOT_GIVEN,
        policy: WaitPolicy | None = None,
        on_progress: Callable[[Job], object] | None = None,
        cancel: threading.Event | None = None,
    ) -> Job:
        """Poll until the job ends and return it when COMPLETED.

        Raises :class:`~apiframe.JobFailedError` (FAILED), :class:`~apiframe.JobCancelledError`
        (CANCELLED), :class:`~apiframe.WaitTimeoutError` past ``timeout`` seconds (default 600;
        ``None`` waits without a deadline; separate from HTTP timeouts) and
        :class:`~apiframe.WaitCancelledError` when ``cancel`` is set. ``on_progress(job)`` runs
        whenever status or progress changes. ``policy`` (a :class:`~apiframe.WaitPolicy`) sets every
        knob at once; ``interval``, ``max_interval`` and ``timeout`` override it when given.
        """
        flow = client_wait_flow(
            self._session,
            job,
            interval=interval,
            max_interval=max_interval,
            timeout=timeout,
            policy=policy,
            on_progress=on_progress,
            cancel=cancel,
        )
        result: Job = self._session.run(flow)
        return result

    def wait_many(
        self,
        jobs: Iterable[JobRef],
        /,
        *,
        interval: float | NotGiven = NOT_GIVEN,
        max_interval: float | NotGiven = NOT_GIVEN,
        timeout: float | NotGiven | None = NOT_GIVEN,
        policy: WaitPolicy | None = None,
        on_progress: Callable[[Job], object] | None = None,
        cancel: threading.Event | None = None,
    ) -> Iterator[Job]:
        """Yield each job as it ends (COMPLETED, FAILED or CANCELLED: check ``job.status``).

        All jobs share one ``timeout`` budget; past it, :class:`~apiframe.WaitTimeoutError` is
        raised for a job still pending.
        """
        flow = client_wait_many_flow(
            self._session,
            jobs,
            interval=interval,
            max_interval=max_interval,
            timeout=timeout,
            policy=policy,
            on_progress=on_progress,
            cancel=cancel,
        )
        return self._session.iterate(flow)


class AsyncJobsMethods(AsyncDownloads):
    """Look up, list, wait for and download jobs (async)."""

    async def get(self, job_id: str, /, **options: Unpack[RequestOptions]) -> Job:
        """The job's current snapshot (status, progress, result URLs once COMPLETED)."""
        return await self._session.run(get_flow(self._session, job_id, CallOptions.of(options)))

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
    ) -> AsyncPager[Job, AsyncJobPage]:
        """Jobs, newest first: ``await`` it for one page, ``async for`` over it for every job of every page."""
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
        checked = CallOptions.of(options)
        return AsyncPager(lambda: self._page(query, checked))

    async def _page(self, query: Mapping[str, Any], options: CallOptions) -> AsyncJobPage:
        raw = await self._session.run(list_flow(self._session, query, options))
        return AsyncJobPage(
            jobs_of(raw),
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
        interval: float | NotGiven = NOT_GIVEN,
        max_interval: float | NotGiven = NOT_GIVEN,
        timeout: float | NotGiven | None = NOT_GIVEN,
        policy: WaitPolicy | None = None,
        on_progress: Callable[[Job], object] | None = None,
    ) -> Job:
        """Poll until the job ends; same outcomes as :meth:`Jobs.wait`. Cancel the task to stop."""
        flow = client_wait_flow(
            self._session,
            job,
            interval=interval,
            max_interval=max_interval,
            timeout=timeout,
            policy=policy,
            on_progress=on_progress,
        )
        result: Job = await self._session.run(flow)
        return result

    def wait_many(
        self,
        jobs: Iterable[JobRef],
        /,
        *,
        interval: float | NotGiven = NOT_GIVEN,
        max_interval: float | NotGiven = NOT_GIVEN,
        timeout: float | NotGiven | None = NOT_GIVEN,
        policy: WaitPolicy | None = None,
        on_progress: Callable[[Job], object] | None = None,
    ) -> AsyncIterator[Job]:
        """``async for job in client.jobs.wait_many(ids)``: each job as it ends, one shared budget."""
        flow = client_wait_many_flow(
            self._session,
            jobs,
            interval=interval,
            max_interval=max_interval,
            timeout=timeout,
            policy=policy,
            on_progress=on_progress,
        )
        return self._session.iterate(flow)
