"""A planned batch keeps a few hundred bytes per line: no typed request, no parsed JSON."""

from __future__ import annotations

import asyncio
import gc
import json
import tracemalloc
from pathlib import Path

from apiframe.batch import BatchRun, open_store, parse_lines

LINES = 1000


def test_planning_keeps_only_what_a_task_needs(tmp_path: Path) -> None:
    rows = [
        json.dumps({"model": "flux-1.1-pro", "prompt": f"line {n}", "params": {"aspect_ratio": "1:1"}})
        for n in range(LINES)
    ]
    asyncio.run(BatchRun(open_store(tmp_path / "warm"), parse_lines(rows[:10])).plan())  # the spec's caches
    gc.collect()
    tracemalloc.start()
    try:
        run = BatchRun(open_store(tmp_path / "out"), parse_lines(rows))
        tasks = asyncio.run(run.plan())
        gc.collect()
        kept, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(tasks) == LINES
    assert all(task.request is None and task.model == "flux-1.1-pro" for task in tasks)
    request = tasks[7].built_request()  # built when a worker takes the line, the same as at plan time
    assert request is not None and request.prompt == "line 7" and tasks[7].request is None
    # about 650 bytes a line now; a typed request kept per line adds about 1 KiB
    assert kept / LINES < 1200, f"{kept / LINES:.0f} bytes per planned line"
