"""The command's runs of many tasks: the batch engine's runner (``apiframe.batch``), saving into a folder."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..batch._runner import FATAL_ERRORS, Changed, Progressed, Saver, Task, unreachable
from ..batch._runner import run_tasks as _run_tasks

if TYPE_CHECKING:
    from .._client import AsyncApiframe
    from .._outputs import Job

__all__ = ["FATAL_ERRORS", "Saver", "Task", "into_folder", "run_tasks", "unreachable"]


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
