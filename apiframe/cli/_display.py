"""What a person sees while jobs run: live progress bars (rich); every text in them is literal (``_terminal``)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from types import TracebackType
from typing import Any

from rich.console import Console, RenderableType
from rich.progress import BarColumn, Progress, TaskID, TaskProgressColumn, TimeElapsedColumn
from rich.text import Text

from .._download import DownloadProgress
from .._waiting import WaitPolicy, _Tracker
from ..batch._runner import Task
from ._messages import task_problem
from ._tables import STATUS_STYLES
from ._terminal import LiteralColumn

__all__ = ["PER_JOB_BARS_UP_TO", "REDRAWS_PER_SECOND", "Display", "Estimate"]

PER_JOB_BARS_UP_TO = 12
"""Up to this many tasks, each gets a bar of its own; beyond it, only the overall bar shows."""

REDRAWS_PER_SECOND = 8
"""How often the live display is redrawn (by rich's refresh thread), whatever happens in between."""


class Estimate:
    """A job's progress between snapshots, from the rate the SDK's waiting predicts.

    The SDK's wait plans its next look from the job's progress rate (the fastest rate the
    integer samples allow) and the finish it predicts; the bar follows the same line:
    ``99 - rate * (predicted finish - now)``, never below the last snapshot nor above 99 %.
    """

    def __init__(self, job_id: str = "") -> None:
        self._tracker = _Tracker(job_id, WaitPolicy(), 0.0)
        self._last: int | None = None
        self._shown = 0.0  # the bar never moves back: an early estimate waits for the job instead

    def observe(self, job: Any, now: float) -> None:
        """Record a snapshot (``status`` and ``progress``) taken at ``now`` (monotonic seconds)."""
        self._tracker.observe(job, now)
        if isinstance(job.progress, int):
            self._last = job.progress

    def at(self, now: float) -> float | None:
        """The estimated progress at ``now``, or None before any snapshot with a progress."""
        if self._last is None:
            return None
        rate, finish = self._tracker.rate(), self._tracker.predicted_finish()
        estimate = float(self._last)
        if rate is not None and finish is not None:
            estimate = min(99.0, max(estimate, 99.0 - rate * max(0.0, finish - now)))
        self._shown = max(self._shown, estimate)
        return self._shown


class _Progress(Progress):
    """Progress bars whose running jobs advance between snapshots (see :class:`Estimate`)."""

    def __init__(self, *args: Any, estimates: dict[TaskID, Estimate], clock: Callable[[], float], **kwargs: Any):
        self._estimates = estimates
        self._clock = clock
        super().__init__(*args, **kwargs)

    def get_renderables(self) -> Iterable[RenderableType]:
        now = self._clock()
        for bar, estimate in list(self._estimates.items()):
            shown = estimate.at(now)
            if shown is not None:
                self.update(bar, completed=shown)
        yield from super().get_renderables()


def task_label(task: Task) -> str:
    return task.label or f"#{task.line} {task.model}"


class Display:
    """Progress bars for a run: one for the whole run, one per task when there are few.

    Bookkeeping is O(1) per event whatever the number of tasks: the finished count is kept as
    tasks move (never recounted), and the screen is redrawn by rich's refresh thread at
    :data:`REDRAWS_PER_SECOND`, never on an event.
    """

    def __init__(
        self,
        console: Console,
        tasks: Sequence[Task],
        *,
        enabled: bool = True,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._tasks = list(tasks)
        self._enabled = enabled
        self._clock = clock
        self._estimates: dict[TaskID, Estimate] = {}
        self._progress = _Progress(
            LiteralColumn(),
            BarColumn(),
            TaskProgressColumn(),
            LiteralColumn("state"),
            TimeElapsedColumn(),
            console=console,
            transient=False,
            refresh_per_second=REDRAWS_PER_SECOND,
            disable=not enabled,
            estimates=self._estimates,
            clock=clock,
        )
        self._overall: TaskID | None = None
        self._bars: dict[int, TaskID] = {}
        self._finished: set[int] = {task.line for task in self._tasks if task.done}
        """The lines counted as finished (so a task reported twice is counted once)."""

    def __enter__(self) -> Display:
        if not self._enabled:
            return self
        self._progress.start()
        if len(self._tasks) > 1:
            total, done = len(self._tasks), len(self._finished)
            self._overall = self._progress.add_task("all jobs", total=total, completed=done, state="")
        if len(self._tasks) <= PER_JOB_BARS_UP_TO:
            for task in self._tasks:
                finished = 100 if task.status == "completed" else 0
                self._bars[task.line] = self._progress.add_task(
                    task_label(task), total=100, completed=finished, state=self._state(task)
                )
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._enabled:
            if exc is not None:  # the run stopped short: its one-line reason is printed after, not bars
                for bar in self._progress.task_ids:
                    self._progress.update(bar, visible=False)
            self._progress.stop()

    @staticmethod
    def _state(task: Task) -> Text:
        text = task_problem(task) if task.note and not task.done else task.status
        return Text(text, style=STATUS_STYLES.get(task.status, ""))

    def shown(self, task: Task) -> float | None:
        """The percentage the task's bar shows now (None without a bar)."""
        bar = self._bars.get(task.line)
        if bar is None:
            return None
        estimate = self._estimates.get(bar)
        now = estimate.at(self._clock()) if estimate is not None else None
        return now if now is not None else float(self._progress.tasks[bar].completed)

    def changed(self, task: Task) -> None:
        """A task moved to another state."""
        if not self._enabled:
            return
        was = task.line in self._finished
        if task.done != was:
            if task.done:
                self._finished.add(task.line)
            else:
                self._finished.discard(task.line)
            if self._overall is not None:
                self._progress.update(self._overall, completed=len(self._finished))
        bar = self._bars.get(task.line)
        if bar is not None:
            if task.done:
                self._estimates.pop(bar, None)
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
            self._estimates.pop(bar, None)
            share = f" {info.index}/{info.count}" if info.count > 1 else ""
            self._progress.update(bar, completed=99, state=Text(f"downloading{share}", style="cyan"))
        elif info is None:
            self._estimates.pop(bar, None)
            self.changed(task)
        else:
            status = str(getattr(info, "status", "")).lower()
            progress = getattr(info, "progress", None)
            shown = min(99, progress) if isinstance(progress, int) else 0
            if isinstance(progress, int):
                self._estimates.setdefault(bar, Estimate(task.job_id or "")).observe(info, self._clock())
            self._progress.update(bar, completed=shown, state=Text(status, style="cyan"))
