"""Submit, wait for and save many generations with bounded concurrency (async).

A batch runs its lines through here, and so do ``apiframe generate`` and ``jobs download
--wait``. Each task moves ``pending`` (it has an idempotency key) -> ``submitted`` (it has a
job id) -> ``completed`` (its files are saved) or ``failed``; every move is reported to (and
awaited from) ``on_change`` before the next step starts, which is what lets a batch killed at
any point resume without submitting twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from .._client import AsyncApiframe
from .._download import checked_id
from .._errors import (
    ApiframeError,
    APIResponseValidationError,
    AuthenticationError,
    InsufficientCreditsError,
    InvalidRequestError,
    JobCancelledError,
    JobFailedError,
    NetworkError,
    PermissionDeniedError,
    ValidationError,
    WaitTimeoutError,
)
from .._jobs import Job

if TYPE_CHECKING:
    from .._job_requests import GenerationRequest

__all__ = [
    "FATAL_ERRORS",
    "Changed",
    "Gate",
    "Progressed",
    "Saver",
    "Task",
    "received_job_id",
    "run_tasks",
    "unreachable",
]

FATAL_ERRORS = (AuthenticationError, PermissionDeniedError, InsufficientCreditsError)
"""Errors that no later line can avoid either: the run stops and resumes later."""


@dataclass(slots=True)
class Task:
    """One generation in a run, as the manifest records it."""

    line: int
    request: GenerationRequest | None
    """None for a job submitted elsewhere (``jobs wait``/``download``): only waited for; or, with
    ``spec``, built from it while the task runs (a planned batch keeps no typed request per line)."""
    key: str
    job_id: str | None = None
    status: str = "pending"
    files: list[str] = field(default_factory=list)
    error: str | None = None
    progress: int | None = None
    note: str | None = None
    """Why a task stopped short in this run (not persisted: it is retried on resume)."""
    label: str | None = None
    download: bool = True
    job: Any = field(default=None, repr=False)
    """The job's last snapshot once it ended."""
    attempt: int = 0
    """How many times the line was resubmitted by ``--retry-failed`` (part of its key)."""
    credit_cost: int | None = None
    """What the line's job cost, once known (its ``creditCost``)."""
    gate: Gate | None = field(default=None, repr=False)
    """Held around the task's run (the batch's credits: see ``_budget.py``)."""
    spec: str | None = field(default=None, repr=False)
    """The batch line's checked JSON text: its request is built from it only while the task runs."""
    model_id: str | None = None
    """The model (or action) of ``spec``'s request, known without building it."""

    @property
    def model(self) -> str:
        if self.request is not None:
            return self.request.model
        return self.model_id or "-"

    def built_request(self) -> GenerationRequest | None:
        """The task's request: ``request``, or one built from ``spec`` (not kept)."""
        if self.request is not None or self.spec is None:
            return self.request
        from .._job_requests import request_from_line

        return request_from_line(json.loads(self.spec))

    @property
    def done(self) -> bool:
        return self.status in ("completed", "failed")


class Gate(Protocol):
    """Wraps a task's run: may refuse to start it (an ``ApiframeError`` becomes its note), sees it end."""

    def hold(self, task: Task) -> contextlib.AbstractAsyncContextManager[None]: ...


Changed = Callable[[Task], Awaitable[None] | None]
Progressed = Callable[[Task, Any], None]
Saver = Callable[[AsyncApiframe, Job, Callable[[Any], None]], Awaitable[list[str]]]
"""Saves a completed job's files (reporting progress) and returns their names."""


async def _changed(on_change: Changed, task: Task) -> None:
    result = on_change(task)
    if inspect.isawaitable(result):
        await result


class _UnusableJobId(APIResponseValidationError):
    """The API accepted a job under an id that cannot name a file (``../x``, ``*``): the line fails."""


async def _submit(client: AsyncApiframe, task: Task) -> str:
    # One call: the SDK retries what is safe to retry (with this idempotency key) and no more;
    # a line that still fails keeps its key and is retried by the next run.
    request = task.built_request()
    assert request is not None
    # checked against the spec as it was built (just now): the call need not check it again
    accepted = await request.submitter(client)(**{**request.kwargs, "validate": False}, idempotency_key=task.key)
    return received_job_id(accepted)


def received_job_id(accepted: Any) -> str:
    """The job id of a submit answer, checked by the one id rule before anything records it or names a file."""
    job_id = getattr(accepted, "job_id", None)
    try:
        return checked_id(job_id)  # type: ignore[arg-type]
    except InvalidRequestError:
        info = getattr(accepted, "_response", None)
        shown = repr(job_id) if len(repr(job_id)) <= 60 else repr(job_id)[:60] + "..."
        raise _UnusableJobId(
            f"the API accepted the job under the id {shown}, which cannot name a file (a job id is at most "
            "200 letters, digits, '.', '_' or '-'); nothing was saved for this line",
            status_code=getattr(info, "status_code", 200),
            request_id=getattr(info, "request_id", None),
            body=None,
            field="jobId",
        ) from None


def unreachable(error: BaseException) -> bool:
    """Whether ``error`` says the API cannot be reached at all (refused, DNS): no line can pass."""
    return isinstance(error, NetworkError) and error.connect_failed


async def _run_one(
    client: AsyncApiframe,
    task: Task,
    save: Saver,
    *,
    on_change: Changed,
    on_progress: Progressed,
    wait_timeout: float | None,
) -> None:
    if task.done:
        return
    lean = task.spec is not None  # a batch line: its request is built while it runs, dropped after
    if lean:
        task.request = task.built_request()  # for its records and the display while it runs
    try:
        await _advance(client, task, save, on_change=on_change, on_progress=on_progress, wait_timeout=wait_timeout)
    finally:
        if lean:
            _slim_down(task)


def _slim_down(task: Task) -> None:
    """Drop what a finished line no longer needs (it may be one of 10^6 in memory)."""
    task.request = None  # a batch's finished lines keep no typed request...
    if task.job is not None:  # ...nor their job's snapshot: its cost is what the ledger and gallery need
        cost = getattr(task.job, "credit_cost", None)
        if isinstance(cost, int) and not isinstance(cost, bool) and cost >= 0:
            task.credit_cost = cost
        task.job = None


async def _advance(
    client: AsyncApiframe,
    task: Task,
    save: Saver,
    *,
    on_change: Changed,
    on_progress: Progressed,
    wait_timeout: float | None,
) -> None:
    resumed = task.status == "submitted"
    if task.status == "pending":
        try:
            task.job_id = await _submit(client, task)
        except (ValidationError, APIResponseValidationError) as error:
            if isinstance(error, APIResponseValidationError) and error.field is None:
                raise  # a body cut off or not JSON: the next run asks again, with the same key
            # refused, or answered with JSON of the wrong shape (a job id that is no id): the same key
            # gets the same answer, so it will not pass later either
            task.status = "failed"
            task.error = str(error)
            await _changed(on_change, task)
            return
        task.status = "submitted"
        await _changed(on_change, task)
    assert task.job_id is not None

    def progressed(job: Job) -> None:
        task.progress = job.progress
        on_progress(task, job)

    if resumed:  # one plain look first: an unreachable API fails here at once, not at the wait's deadline
        progressed(await client.jobs.get(task.job_id))
    try:
        job = await client.jobs.wait(task.job_id, on_progress=progressed, timeout=wait_timeout)
    except (JobFailedError, JobCancelledError) as error:
        task.status = "failed"
        task.job = error.job
        task.error = str(getattr(error.job, "error", None) or error)
        await _changed(on_change, task)
        return
    task.job = job
    if not task.download:
        task.status = "completed"
        task.progress = 100
        await _changed(on_change, task)
        return

    def downloaded(progress: Any) -> None:
        on_progress(task, progress)

    task.files = await save(client, job, downloaded)
    task.status = "completed"
    task.progress = 100
    await _changed(on_change, task)


async def run_tasks(
    client: AsyncApiframe,
    tasks: Sequence[Task],
    save: Saver,
    *,
    concurrency: int,
    on_change: Changed,
    on_progress: Progressed,
    wait_timeout: float | None = None,
) -> None:
    """Run every unfinished task, at most ``concurrency`` at a time.

    A task that hits a transient error (or its wait deadline) keeps its state and gets a
    ``note``; a fatal error (bad key, no credits) stops the whole run and is raised.
    """
    queue: asyncio.Queue[Task] = asyncio.Queue()
    for task in tasks:
        queue.put_nowait(task)

    async def worker() -> None:
        while not queue.empty():
            task = queue.get_nowait()
            try:
                async with task.gate.hold(task) if task.gate is not None else contextlib.nullcontext():
                    await _run_one(
                        client,
                        task,
                        save,
                        on_change=on_change,
                        on_progress=on_progress,
                        wait_timeout=wait_timeout,
                    )
            except FATAL_ERRORS:
                raise
            except NetworkError as error:
                if unreachable(error):
                    raise
                task.note = str(error)
            except WaitTimeoutError as error:
                task.note = f"still running: {error}"
            except ApiframeError as error:
                task.note = str(error)
            on_progress(task, None)

    workers = [asyncio.create_task(worker()) for _ in range(max(1, min(concurrency, len(tasks))))]
    try:
        await asyncio.gather(*workers)
    finally:
        for running in workers:
            running.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
