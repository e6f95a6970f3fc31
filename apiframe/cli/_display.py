"""What a person sees while jobs run: live progress bars (rich), then a summary table."""

from __future__ import annotations

from collections.abc import Sequence
from types import TracebackType
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from .._download import DownloadProgress
from ._runner import Task

__all__ = ["PER_JOB_BARS_UP_TO", "Display", "summary_table"]

PER_JOB_BARS_UP_TO = 12
"""Up to this many tasks, each gets a bar of its own; beyond it, only the overall bar shows."""

_STYLE = {"completed": "green", "failed": "red", "submitted": "cyan", "pending": "yellow"}


def _label(task: Task) -> str:
    return f"#{task.line} {task.request.model}"


class Display:
    """Progress bars for a run: one for the whole run, one per task when there are few."""

    def __init__(self, console: Console, tasks: Sequence[Task], *, enabled: bool = True) -> None:
        self._tasks = list(tasks)
        self._enabled = enabled
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[state]}"),
            TimeElapsedColumn(),
            console=console,
            transient=False,
            disable=not enabled,
        )
        self._overall: TaskID | None = None
        self._bars: dict[int, TaskID] = {}

    def __enter__(self) -> Display:
        if not self._enabled:
            return self
        self._progress.start()
        if len(self._tasks) > 1:
            done = sum(task.done for task in self._tasks)
            self._overall = self._progress.add_task("all jobs", total=len(self._tasks), completed=done, state="")
        if len(self._tasks) <= PER_JOB_BARS_UP_TO:
            for task in self._tasks:
                finished = 100 if task.status == "completed" else 0
                self._bars[task.line] = self._progress.add_task(
                    _label(task), total=100, completed=finished, state=self._state(task)
                )
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._enabled:
            self._progress.stop()

    @staticmethod
    def _state(task: Task) -> str:
        text = task.note if task.note and not task.done else task.status
        return f"[{_STYLE.get(task.status, 'white')}]{text}"

    def changed(self, task: Task) -> None:
        """A task moved to another state."""
        if not self._enabled:
            return
        if self._overall is not None:
            self._progress.update(self._overall, completed=sum(t.done for t in self._tasks))
        bar = self._bars.get(task.line)
        if bar is not None:
            completed = 100 if task.status == "completed" else task.progress or 0
            self._progress.update(bar, completed=completed, state=self._state(task))

    def progressed(self, task: Task, info: Any) -> None:
        """A job snapshot, a download step, or (None) the end of a task's turn in this run."""
        bar = self._bars.get(task.line)
        if not self._enabled or bar is None:
            if info is None:
                self.changed(task)
            return
        if isinstance(info, DownloadProgress):
            share = f" {info.index}/{info.count}" if info.count > 1 else ""
            self._progress.update(bar, completed=99, state=f"[cyan]downloading{share}")
        elif info is None:
            self.changed(task)
        else:
            status = str(getattr(info, "status", "")).lower()
            progress = getattr(info, "progress", None)
            shown = min(99, progress) if isinstance(progress, int) else 0
            self._progress.update(bar, completed=shown, state=f"[cyan]{status}")


def _short_id(job_id: str | None) -> str:
    return (job_id[:8] + "…") if job_id and len(job_id) > 12 else (job_id or "-")


def _short(name: str, job_id: str | None) -> str:
    return _short_id(job_id) + name[len(job_id) :] if job_id and name.startswith(job_id) else name


def summary_table(tasks: Sequence[Task], title: str = "Summary", caption: str | None = None) -> Table:
    """One row per task: line, model, status, job id and the files written (or the error)."""
    table = Table(title=title, caption=caption, show_lines=False)
    table.add_column("#", justify="right")
    table.add_column("model", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("job id", no_wrap=True)
    table.add_column("files / error", overflow="fold")
    for task in tasks:
        if task.status == "completed":
            detail = ", ".join(_short(name, task.job_id) for name in task.files)
        else:
            detail = task.error or task.note or ""
        status = task.status if task.done or not task.note else f"{task.status} (unfinished)"
        table.add_row(
            str(task.line),
            task.request.model,
            f"[{_STYLE.get(task.status, 'white')}]{status}",
            _short_id(task.job_id),
            detail,
        )
    return table
