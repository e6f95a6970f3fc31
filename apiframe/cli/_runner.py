"""Submit, wait for and download many generations with bounded concurrency (async).

``apiframe generate`` runs one task through here, ``apiframe batch`` many. Each task moves
``pending`` (it has an idempotency key) -> ``submitted`` (it has a job id) -> ``completed``
(its files are on disk) or ``failed``; every move is reported to ``on_change`` before the next
step starts, which is what lets a batch killed at any point resume without submitting twice.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._client import AsyncApiframe
from .._download import DownloadProgress
from .._errors import (
    ApiframeError,
    AuthenticationError,
    InsufficientCreditsError,
    JobCancelledError,
    JobFailedError,
    NetworkError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    ValidationError,
    WaitTimeoutError,
)
from .._outputs import Job
from ._requests import GenerationRequest

__all__ = ["FATAL_ERRORS", "Task", "run_tasks"]

FATAL_ERRORS = (AuthenticationError, PermissionDeniedError, InsufficientCreditsError)
"""Errors that no later line can avoid either: the run stops and resumes later."""
_TRANSIENT = (RateLimitError, ServerError, NetworkError)
_SUBMIT_ATTEMPTS = 8


@dataclass(slots=True)
class Task:
    """One generation in a run, as the manifest records it."""

    line: int
    request: GenerationRequest
    key: str
    job_id: str | None = None
    status: str = "pending"
    files: list[str] = field(default_factory=list)
    error: str | None = None
    progress: int | None = None
    note: str | None = None
    """Why a task stopped short in this run (not persisted: it is retried on resume)."""

    @property
    def done(self) -> bool:
        return self.status in ("completed", "failed")


Changed = Callable[[Task], None]
Progressed = Callable[[Task, Any], None]


async def _submit(client: AsyncApiframe, task: Task, backoff: float) -> str:
    submit = task.request.submitter(client)
    for attempt in range(_SUBMIT_ATTEMPTS):
        try:
            accepted = await submit(**task.request.kwargs, idempotency_key=task.key)
            return str(accepted.job_id)
        except _TRANSIENT as error:
            if attempt == _SUBMIT_ATTEMPTS - 1:
                raise
            hint = error.retry_after if isinstance(error, RateLimitError) else None
            delay = hint if hint is not None else min(30.0, backoff * 2**attempt) * random.uniform(0.5, 1.0)
            await asyncio.sleep(delay)
    raise AssertionError("unreachable")


def _files_present(task: Task, out: Path) -> bool:
    return bool(task.files) and all((out / name).is_file() for name in task.files)


async def _run_one(
    client: AsyncApiframe,
    task: Task,
    out: Path,
    *,
    on_change: Changed,
    on_progress: Progressed,
    wait_timeout: float | None,
    backoff: float,
) -> None:
    if task.status == "failed" or (task.status == "completed" and _files_present(task, out)):
        return
    if task.status == "pending":
        try:
            task.job_id = await _submit(client, task, backoff)
        except ValidationError as error:  # the API refused this request: it will not pass later either
            task.status = "failed"
            task.error = str(error)
            on_change(task)
            return
        task.status = "submitted"
        on_change(task)
    assert task.job_id is not None

    def progressed(job: Job) -> None:
        task.progress = job.progress
        on_progress(task, job)

    try:
        job = await client.jobs.wait(task.job_id, on_progress=progressed, timeout=wait_timeout)
    except (JobFailedError, JobCancelledError) as error:
        task.status = "failed"
        task.error = str(getattr(error.job, "error", None) or error)
        on_change(task)
        return

    def downloaded(progress: DownloadProgress) -> None:
        on_progress(task, progress)

    paths = await client.jobs.download(job, out, on_progress=downloaded)
    task.files = [path.name for path in paths]
    task.status = "completed"
    task.progress = 100
    on_change(task)


async def run_tasks(
    client: AsyncApiframe,
    tasks: Sequence[Task],
    out: Path,
    *,
    concurrency: int,
    on_change: Changed,
    on_progress: Progressed,
    wait_timeout: float | None = None,
    backoff: float = 1.0,
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
                await _run_one(
                    client,
                    task,
                    out,
                    on_change=on_change,
                    on_progress=on_progress,
                    wait_timeout=wait_timeout,
                    backoff=backoff,
                )
            except FATAL_ERRORS:
                raise
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
