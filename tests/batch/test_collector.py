"""A batch collects young garbage less often while it runs, and gives the process its settings back."""

from __future__ import annotations

import asyncio
import gc
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import apiframe.batch
from apiframe import AsyncApiframe, InvalidRequestError
from apiframe.batch._collector import YOUNG_THRESHOLD, QuietCollector
from apiframe.testing import Sandbox, SandboxConfig

MINE = (500, 7, 9)
"""A process's own thresholds, unlike the defaults, so that restoring them is seen."""


@pytest.fixture
def own_thresholds() -> Iterator[None]:
    before, enabled = gc.get_threshold(), gc.isenabled()
    gc.set_threshold(*MINE)
    yield
    gc.set_threshold(*before)
    if enabled:
        gc.enable()


def test_a_batch_raises_the_young_threshold_only_while_it_runs(own_thresholds: None, tmp_path: Path) -> None:
    seen: list[tuple[int, int, int]] = []

    async def note(request: httpx.Request) -> None:
        seen.append(gc.get_threshold())

    async def main(sandbox: Sandbox) -> apiframe.batch.BatchResult:
        async with httpx.AsyncClient(event_hooks={"request": [note]}) as http:
            client = AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, http_client=http)
            lines = [json.dumps({"model": "flux-1.1-pro", "prompt": f"gc {n}"}) for n in range(2)]
            return await apiframe.batch.arun(lines, out=tmp_path / "out", client=client, concurrency=2)

    with Sandbox(SandboxConfig(job_seconds=0, seed=8)) as sandbox:
        result = asyncio.run(main(sandbox))
        assert result.completed == 2
        assert len(seen) >= 6 and set(seen) == {(YOUNG_THRESHOLD, 7, 9)}  # every request of the run
        assert gc.get_threshold() == MINE
        with pytest.raises(InvalidRequestError):  # refused while planning: restored all the same
            apiframe.batch.run(["{not json"], out=tmp_path / "bad", api_key=sandbox.api_key, base_url=sandbox.base_url)
    assert gc.get_threshold() == MINE


def test_the_last_batch_to_end_restores_and_a_change_made_meanwhile_is_kept(own_thresholds: None) -> None:
    first, second = QuietCollector(), QuietCollector()
    assert first.acquire() and not first.acquire()  # one hold per batch
    assert second.acquire()
    assert gc.get_threshold() == (YOUNG_THRESHOLD, 7, 9)
    first.release()
    first.release()
    assert gc.get_threshold() == (YOUNG_THRESHOLD, 7, 9)  # the second batch still runs
    second.release()
    assert gc.get_threshold() == MINE
    first.acquire()
    gc.set_threshold(123, 4, 5)  # the program's own change while a batch runs
    first.release()
    assert gc.get_threshold() == (123, 4, 5)


def test_a_disabled_or_already_lazier_collector_is_left_alone(own_thresholds: None) -> None:
    hold = QuietCollector()
    gc.set_threshold(50_000, 10, 10)
    hold.acquire()
    assert gc.get_threshold() == (50_000, 10, 10)
    hold.release()
    gc.set_threshold(*MINE)
    gc.disable()
    hold.acquire()
    assert gc.get_threshold() == MINE and not gc.isenabled()
    hold.release()
    assert gc.get_threshold() == MINE
