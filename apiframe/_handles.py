"""Accepted-job handles: what every job-creating call returns (``wait()`` and ``get()`` on its client)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._display import _notebook
from ._job_flows import client_wait_flow, get_flow
from ._options import NO_OPTIONS
from ._session import AsyncSession, SyncSession
from ._types import NOT_GIVEN, NotGiven
from ._waiting import WaitPolicy

if TYPE_CHECKING:
    from apiframe_client.response_info import ResponseInfo

    from ._jobs import Job

__all__ = ["AcceptedJob", "AsyncAcceptedJob"]


class _Handle:
    __slots__ = ("_raw", "_response", "job_id", "status")

    job_id: str
    status: str
    _raw: Any
    _response: ResponseInfo | None
    """Status, headers and request id of the submission's HTTP response (None for a handle built by hand)."""

    def __init__(self, job_id: str, status: str, raw: Any = None, response: ResponseInfo | None = None) -> None:
        self.job_id = job_id
        self.status = status
        self._raw = raw
        self._response = response

    @property
    def _request_id(self) -> str | None:
        """The submission's ``x-request-id`` (quote it in support requests)."""
        return self._response.request_id if self._response is not None else None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(job_id={self.job_id!r}, status={self.status!r})"

    def __str__(self) -> str:
        return self.job_id

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Handle) and (other.job_id, other.status) == (self.job_id, self.status)

    def __hash__(self) -> int:
        return hash(self.job_id)

    def _repr_html_(self) -> str:
        return _notebook.html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        _notebook.pretty(self, printer, cycle)


class AcceptedJob(_Handle):
    """A submitted job: ``job_id`` and the ``status`` at submission (almost always QUEUED).

    ``wait()`` blocks until the job ends. Keep ``job_id`` to resume later with
    ``client.jobs.wait(job_id)`` from any process.
    """

    __slots__ = ("_session",)

    def __init__(
        self, session: SyncSession, job_id: str, status: str, raw: Any = None, response: ResponseInfo | None = None
    ) -> None:
        super().__init__(job_id, status, raw, response)
        self._session = session

    def wait(
        self,
        *,
        interval: float | NotGiven = NOT_GIVEN,
        max_interval: float | NotGiven = NOT_GIVEN,
        timeout: float | NotGiven | None = NOT_GIVEN,
        policy: WaitPolicy | None = None,
        on_progress: Callable[[Job], object] | None = None,
        cancel: threading.Event | None = None,
    ) -> Job:
        """Poll until the job ends; see :meth:`apiframe.resources.Jobs.wait`."""
        flow = client_wait_flow(
            self._session,
            self.job_id,
            interval=interval,
            max_interval=max_interval,
            timeout=timeout,
            policy=policy,
            on_progress=on_progress,
            cancel=cancel,
        )
        job: Job = self._session.run(flow)
        return job

    def get(self) -> Job:
        """The job's current snapshot."""
        return self._session.run(get_flow(self._session, self.job_id, NO_OPTIONS))


class AsyncAcceptedJob(_Handle):
    """A submitted job (async client); ``await handle.wait()`` until it ends."""

    __slots__ = ("_session",)

    def __init__(
        self, session: AsyncSession, job_id: str, status: str, raw: Any = None, response: ResponseInfo | None = None
    ) -> None:
        super().__init__(job_id, status, raw, response)
        self._session = session

    async def wait(
        self,
        *,
        interval: float | NotGiven = NOT_GIVEN,
        max_interval: float | NotGiven = NOT_GIVEN,
        timeout: float | NotGiven | None = NOT_GIVEN,
        policy: WaitPolicy | None = None,
        on_progress: Callable[[Job], object] | None = None,
    ) -> Job:
        """Poll until the job ends; cancel the awaiting task to stop early."""
        flow = client_wait_flow(
            self._session,
            self.job_id,
            interval=interval,
            max_interval=max_interval,
            timeout=timeout,
            policy=policy,
            on_progress=on_progress,
        )
        job: Job = await self._session.run(flow)
        return job

    async def get(self) -> Job:
        """The job's current snapshot."""
        return await self._session.run(get_flow(self._session, self.job_id, NO_OPTIONS))
