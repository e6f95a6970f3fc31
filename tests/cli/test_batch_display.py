"""The live display's bookkeeping is O(1) per event, whatever the number of lines."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from apiframe.batch._runner import Task
from apiframe.cli import _display
from apiframe.cli._display import Display


def _console() -> Console:
    return Console(file=io.StringIO(), width=100, force_terminal=True)


@pytest.mark.parametrize("count", [100, 10_000])
def test_each_change_reads_a_constant_number_of_tasks(monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    tasks = [Task(n, None, key=f"k{n}", status="completed" if n % 10 == 0 else "pending") for n in range(1, count + 1)]
    reads = 0
    real = Task.done

    def counted(task: Task) -> bool:
        nonlocal reads
        reads += 1
        return bool(real.fget(task))  # type: ignore[attr-defined]

    display = Display(_console(), tasks)
    with display:
        monkeypatch.setattr(Task, "done", property(counted))
        changes = 0
        for task in tasks[1::10]:  # 10 % of the lines move on: submitted, then finished; some twice
            task.status = "submitted"
            display.changed(task)
            task.status = "completed" if task.line % 3 else "failed"
            display.changed(task)
            display.changed(task)  # the same state reported again is counted once
            changes += 3
        monkeypatch.setattr(Task, "done", real)
        overall = display._progress.tasks[0]
        assert overall.total == count
        assert overall.completed == sum(task.done for task in tasks) == 2 * (count // 10)
    assert reads <= 2 * changes  # a recount over every line would read count times per change


def test_the_display_redraws_at_a_fixed_rate() -> None:
    display = Display(_console(), [Task(n, None, key="k") for n in range(1, 5)])
    assert display._progress.live.refresh_per_second == _display.REDRAWS_PER_SECOND
    assert display._progress.live.auto_refresh  # redraws come from the refresh thread, not from events
