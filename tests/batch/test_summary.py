"""One summary of every shard of a batch, from its store alone."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apiframe import InvalidRequestError
from apiframe.batch import BatchState, LocalStore, ObjectInfo, Shard, ShardSummary, _store, open_store, summarise

from .conftest import StoreCase

INPUT = [number for number in range(1, 61) if number % 4 != 0]  # every fourth line a comment
"""The request line numbers of a 60-line input file."""


def owned(shard: Shard) -> list[int]:
    return [line for line in INPUT if shard.owns(line)]


async def run_shard(state: BatchState, shard: Shard, *, fail: int = 0, running: int = 0, leave: int = 0) -> None:
    """Record a shard's progress: its first ``fail`` lines fail, the next ``running`` are submitted,
    the last ``leave`` have no record yet, the rest are done."""
    lines = owned(shard)
    await state.write_plan(shard, len(lines), input="sha256:abc")
    await state.scan()

    async def one(position: int, line: int) -> None:
        await state.record(line, "pending", key=f"key-{line}")
        if position < fail:
            await state.record(line, "failed", error=f"line {line}: the API refused the prompt")
        elif position < fail + running:
            await state.record(line, "submitted", job_id=f"job-{line}")
        else:
            await state.record(line, "completed", files=[f"job-{line}.png"])

    await asyncio.gather(*(one(position, line) for position, line in enumerate(lines[: len(lines) - leave])))


def by_index(shards: tuple[ShardSummary, ...]) -> dict[int, ShardSummary]:
    return {item.shard.index: item for item in shards}


@pytest.mark.slow
@pytest.mark.asyncio
async def test_summary_of_all_shards(store_case: StoreCase) -> None:
    one, two, three = Shard(1, 3), Shard(2, 3), Shard(3, 3)
    await run_shard(BatchState(store_case.reopen()), one, fail=2)
    await run_shard(BatchState(store_case.reopen()), two, running=3, leave=2)
    # shard 3 has not started

    summary = await summarise(store_case.reopen())
    shards = by_index(summary.shards)
    assert sorted(shards) == [1, 2, 3]
    assert shards[1] == ShardSummary(one, True, len(owned(one)), len(owned(one)) - 2, 2, 0, 0)
    assert shards[2] == ShardSummary(two, True, len(owned(two)), len(owned(two)) - 5, 0, 3, 2)  # 3 running, 2 left
    assert shards[3] == ShardSummary(three, False, None, 0, 0, 0, None)
    assert summary.lines is None and summary.pending is None and not summary.complete
    assert (summary.done, summary.failed, summary.running) == (len(owned(one)) + len(owned(two)) - 7, 2, 3)
    failed = owned(one)[:2]
    assert [(item.line, item.shard, item.error) for item in summary.failures] == [
        (line, one, f"line {line}: the API refused the prompt") for line in failed
    ]
    assert all(".failed." in item.record for item in summary.failures)
    assert summary.damaged == ()

    known = await summarise(store_case.reopen(), lines=INPUT)
    assert by_index(known.shards)[3].lines == len(owned(three)) == by_index(known.shards)[3].pending
    assert known.lines == len(INPUT)
    assert known.pending == 2 + len(owned(three))
    assert known.lines == known.done + known.failed + known.running + known.pending  # the counts add up

    await run_shard(BatchState(store_case.reopen()), three)
    await run_shard(BatchState(store_case.reopen()), two)  # re-run: finishes what was left
    final = await summarise(store_case.reopen())
    assert final.complete and final.lines == len(INPUT)
    assert (final.done, final.failed, final.pending) == (len(INPUT) - 2, 2, 0)


@pytest.mark.asyncio
async def test_failures_shown_are_capped_but_all_counted(tmp_path: Path) -> None:
    store = open_store(str(tmp_path))
    state = BatchState(store)
    for line in range(1, 8):
        await state.record(line, "failed", error="no")
    summary = await summarise(store, max_failures=3)
    assert summary.failed == 7 and [item.line for item in summary.failures] == [1, 2, 3]
    assert summary.shards[0].shard == Shard(1, 1)


@pytest.mark.asyncio
async def test_mixed_shard_counts_ask_which_one(store_case: StoreCase) -> None:
    state = BatchState(store_case.store)
    await state.write_plan(Shard(1, 2), 10)
    await state.write_plan(Shard(2, 3), 10)
    with pytest.raises(InvalidRequestError, match=r"2, 3-way splits.*shards=N, or --shards N") as caught:
        await summarise(store_case.store)
    assert caught.value.field == "shards"
    summary = await summarise(store_case.store, shards=3)
    assert [item.started for item in summary.shards] == [False, True, False]


@pytest.mark.asyncio
async def test_damaged_plans_and_records_are_listed_not_fatal(store_case: StoreCase) -> None:
    state = BatchState(store_case.store)
    await state.write_plan(Shard(1, 2), 3)
    await store_case.store.write_bytes("shards/2/2.json", b"\x00\xffnot json")
    await store_case.store.write_bytes("shards/2/9.json", b'{"shard": "9/2", "lines": 1}')
    failed = await state.record(1, "failed", error="boom")
    await store_case.store.write_bytes(failed.name, b"[]")
    summary = await summarise(store_case.store)
    assert {item.name for item in summary.damaged} == {"shards/2/2.json", "shards/2/9.json", failed.name}
    assert summary.failed == 1 and summary.failures[0].error is None
    assert summary.failures[0].record == failed.name


@settings(max_examples=25, deadline=None)
@given(
    st.integers(min_value=1, max_value=5),
    st.dictionaries(
        st.integers(min_value=1, max_value=200),
        st.lists(st.sampled_from(["pending", "submitted", "completed", "failed"]), max_size=3),
        max_size=25,
    ),
)
def test_summary_counts_match_the_records(count: int, history: dict[int, list[str]]) -> None:
    """Whatever the lines and their histories, each line is counted once, in its shard, by its last status."""

    async def check(root: str) -> None:
        store = open_store(root)
        state = BatchState(store)
        for line, statuses in history.items():
            for status in statuses:
                await state.record(line, status)
        summary = await summarise(store, shards=count, lines=history)
        for item in summary.shards:
            mine = [line for line in history if item.shard.owns(line)]
            last = [history[line][-1] for line in mine if history[line]]
            assert item.lines == len(mine)
            assert (item.done, item.failed) == (last.count("completed"), last.count("failed"))
            assert item.running == len(last) - item.done - item.failed
            assert item.pending == len(mine) - item.done - item.failed - item.running
        assert summary.lines == len(history) and summary.failed == len(summary.failures)

    with tempfile.TemporaryDirectory() as root:
        asyncio.run(check(root))


class _StreamingOnly(LocalStore):
    """A local folder whose state may only be walked a batch at a time, never listed whole."""

    largest = 0

    async def objects(self, prefix: str = "") -> list[ObjectInfo]:
        assert prefix.strip("/") != "state", "the summary listed every record at once"
        return await super().objects(prefix)

    async def walk(self, prefix: str = "") -> AsyncIterator[list[ObjectInfo]]:
        async for batch in super().walk(prefix):
            type(self).largest = max(type(self).largest, len(batch))
            yield batch


@pytest.mark.asyncio
async def test_the_summary_streams_the_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory stays bounded at any line count: records are counted batch by batch as listed."""
    monkeypatch.setattr(_store, "_WALK_BATCH", 5)  # a line's records straddle batches
    store = _StreamingOnly(tmp_path)
    state = BatchState(store)
    await state.write_plan(Shard(1, 1), 40)
    for line in range(1, 41):
        await state.record(line, "submitted", job_id=f"job-{line}")
        if line % 3:
            await state.record(line, "failed" if line % 7 == 0 else "completed", error="no")
    summary = await summarise(store, max_failures=2)
    failed = [line for line in range(1, 41) if line % 3 and line % 7 == 0]
    assert (summary.done, summary.failed, summary.running, summary.pending) == (27 - len(failed), len(failed), 13, 0)
    assert [item.line for item in summary.failures] == failed[:2] and summary.failures[0].error == "no"
    assert _StreamingOnly.largest == 5
