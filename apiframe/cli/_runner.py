"""The command's runs of tasks with the live display: one job (``generate``), waits, downloads and batches.

The batch engine's runner (``apiframe.batch``) does the work; this module saves into a folder and
shows progress.
"""

from __future__ import annotations

import asyncio
import shlex
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .._job_requests import GenerationRequest
from ..batch._runner import FATAL_ERRORS, Changed, Progressed, Saver, Task, unreachable
from ..batch._runner import run_tasks as _run_tasks
from ._common import EXIT_JOB_FAILED, EXIT_OK
from ._context import Settings, jsonable
from ._display import Display
from ._messages import task_problem
from ._terminal import fields, one_line

if TYPE_CHECKING:
    from .._client import AsyncApiframe
    from .._jobs import Job

__all__ = [
    "FATAL_ERRORS",
    "Saver",
    "Task",
    "follow",
    "into_folder",
    "resume_command",
    "run_job",
    "run_tasks",
    "run_with_display",
    "task_line",
    "task_record",
    "unreachable",
]


def into_folder(out: Path) -> Saver:
    """Save a job's files into the local folder ``out`` (``client.jobs.download``); their names."""

    async def save(client: AsyncApiframe, job: Job, progress: Callable[[Any], None]) -> list[str]:
        paths = await client.jobs.download(job, out, on_progress=progress)
        return [path.name for path in paths]

    return save


async def run_tasks(
    client: AsyncApiframe,
    tasks: Sequence[Task],
    out: Path | Saver,
    *,
    concurrency: int,
    on_change: Changed,
    on_progress: Progressed,
    wait_timeout: float | None = None,
) -> None:
    """Run every unfinished task, saving files into the folder ``out`` (or with the saver ``out``)."""
    save = into_folder(out) if isinstance(out, Path) else out
    await _run_tasks(
        client,
        tasks,
        save,
        concurrency=concurrency,
        on_change=on_change,
        on_progress=on_progress,
        wait_timeout=wait_timeout,
    )


def task_record(task: Task, out: Path | None = None) -> dict[str, Any]:
    """A job as the JSON output shows it: its last snapshot in the API's names (``id``, ``status``,
    ``error``...), ``files`` the paths saved, and ``message`` why the command stopped short of its end."""
    record: dict[str, Any] = jsonable(task.job) if task.job is not None else {"id": task.job_id, "status": None}
    if task.files:
        record["files"] = [str(out / name) if out is not None else name for name in task.files]
    if not task.done and task.note:
        record["message"] = task_problem(task)
    return record


def task_line(task: Task) -> str:
    """One job in one line of text: its id, status and error (or why it is unfinished)."""
    if task.job is not None:
        error = task.job.error if isinstance(task.job.error, str) else None
        return fields(task.job.id, task.job.status, error)
    return fields(task.job_id or task.label, f"unfinished: {one_line(task_problem(task) or task.status)}")


def run_job(settings: Settings, request: GenerationRequest, *, no_wait: bool, out: Path, wait_timeout: float) -> int:
    """Submit one checked request; unless ``no_wait``, show its progress and download its files."""
    if no_wait:
        accepted = request.submitter(settings.client())(**request.kwargs)
        settings.emit({"jobId": accepted.job_id, "status": accepted.status}, accepted.job_id)  # JobAccepted's names
        return EXIT_OK
    task = Task(1, request, key=str(uuid.uuid4()))
    try:
        run_with_display(settings, [task], out, concurrency=1, timeout=wait_timeout, on_change=lambda t: None)
    except KeyboardInterrupt:
        if task.job_id is None:
            raise
        settings.say(
            f"interrupted: job {task.job_id} keeps running. Resume waiting and downloading with:\n"
            f"  {resume_command(settings, task.job_id, out)}"
        )
        raise click.exceptions.Exit(130) from None  # said once, here: not again as a bare "interrupted"
    if task.status == "completed":
        settings.emit(task_record(task, out), "\n".join(str(out / name) for name in task.files))
        return EXIT_OK
    message = task_problem(task) or task.status
    settings.say(f"job {task.job_id or '-'} did not complete: {one_line(message)}", "red")
    if settings.json_output:
        settings.emit(task_record(task, out), "")
    return EXIT_JOB_FAILED


def resume_command(settings: Settings, job_id: str, out: Path) -> str:
    """The command that carries on waiting for ``job_id`` and downloads its files into ``out``."""
    words = ["apiframe"]
    if settings.sandbox:
        words += ["--sandbox", "--sandbox-job-seconds", f"{settings.sandbox_job_seconds:g}"]
    elif settings.base_url:
        words += ["--base-url", settings.base_url]
    words += ["jobs", "download", job_id, "--wait", "--out", str(out)]
    if settings.timeout is not None:
        words[1:1] = ["--timeout", f"{settings.timeout:g}"]
    if settings.http_backend is not None:
        words[1:1] = ["--http-backend", settings.http_backend]
    return shlex.join(words)


def run_with_display(
    settings: Settings,
    tasks: list[Task],
    out: Path | Saver,
    *,
    concurrency: int,
    timeout: float | None,
    on_change: Callable[[Task], Any],
) -> None:
    """Run ``tasks`` on a new async client with the live display (none with ``--json``)."""
    client = settings.async_client()
    display = Display(settings.console, tasks, enabled=not settings.json_output)

    async def changed(task: Task) -> None:
        result = on_change(task)
        if asyncio.iscoroutine(result):
            await result
        display.changed(task)

    async def main() -> None:
        async with client:
            await run_tasks(
                client,
                tasks,
                out,
                concurrency=concurrency,
                on_change=changed,
                on_progress=display.progressed,
                wait_timeout=timeout,
            )

    with display:
        asyncio.run(main())


def follow(settings: Settings, job_ids: Sequence[str], *, out: Path | None, timeout: float) -> list[Task]:
    """Wait for jobs submitted earlier (and download them into ``out``), with the live display."""
    tasks = [
        Task(n, None, key="", job_id=job_id, status="submitted", label=job_id, download=out is not None)
        for n, job_id in enumerate(dict.fromkeys(job_ids), 1)
    ]
    # All at once (the SDK shares list pages between concurrent waits), so --wait-timeout holds for every job.
    run_with_display(
        settings, tasks, out or Path("."), concurrency=len(tasks), timeout=timeout, on_change=lambda t: None
    )
    return tasks
