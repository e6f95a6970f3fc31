"""State records: immutable, one per change of a line, found again by any worker anywhere."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from apiframe import InvalidRequestError
from apiframe.batch import BatchState, Shard, open_store

from .conftest import StoreCase


@pytest.mark.asyncio
async def test_records_round_trip_and_a_restarted_worker_continues(store_case: StoreCase) -> None:
    first = BatchState(store_case.store)
    await first.record(5, "pending", key="key-5")
    await first.record(5, "submitted", key="key-5", job_id="job-5")
    await first.record(7, "pending", key="key-7")

    elsewhere = BatchState(store_case.reopen())  # another machine, another process
    view = await elsewhere.latest()
    assert sorted(view.records) == [5, 7]
    assert view.records[5].status == "submitted" and view.records[5].seq == 2
    assert view.records[5].fields["job_id"] == "job-5"
    assert view.records[7].fields["key"] == "key-7"
    assert view.damaged == []

    done = await BatchState(store_case.reopen()).record(5, "completed", files=["job-5.png"])  # no scan first
    assert done.seq == 3
    again = await BatchState(store_case.reopen()).latest([5, 7, 9])
    assert again.records[5].status == "completed" and again.records[5].fields["files"] == ["job-5.png"]
    assert sorted(again.records) == [5, 7]
    names = [item.name for item in await store_case.store.objects("state")]
    assert len(names) == 4 and len(set(names)) == 4
    assert all(name.startswith(("state/0000000005/", "state/0000000007/")) for name in names)


@pytest.mark.asyncio
async def test_a_damaged_record_is_reported_and_the_line_falls_back(store_case: StoreCase) -> None:
    state = BatchState(store_case.store)
    await state.record(3, "pending", key="key-3")
    submitted = await state.record(3, "submitted", key="key-3", job_id="job-3")
    await store_case.store.write_bytes(submitted.name, b'{"line": 3, "seq": 2, "stat')  # torn
    liar = await state.record(4, "completed", files=[])
    await store_case.store.write_bytes(liar.name, b'{"line": 40, "seq": 1, "status": "completed"}')
    await store_case.store.write_bytes("state/notes/readme.txt", b"hello")
    await store_case.store.write_bytes("state/0000000006/000001.pending.zz.json", b"{}")

    view = await BatchState(store_case.reopen()).latest()
    assert view.records[3].status == "pending" and view.records[3].fields["key"] == "key-3"
    assert 4 not in view.records
    reasons = {item.name: item.reason for item in view.damaged}
    assert set(reasons) == {
        submitted.name,
        liar.name,
        "state/notes/readme.txt",
        "state/0000000006/000001.pending.zz.json",
    }
    assert "not JSON" in reasons[submitted.name]
    assert "does not match its name" in reasons[liar.name]
    assert reasons["state/notes/readme.txt"] == "not a state record name"


@pytest.mark.slow
@pytest.mark.asyncio
async def test_two_shards_never_write_the_same_object(store_case: StoreCase) -> None:
    shards = [Shard(1, 2), Shard(2, 2)]
    writers = [BatchState(store_case.reopen()) for _ in shards]
    await asyncio.gather(*(writer.scan() for writer in writers))

    async def run(shard: Shard, state: BatchState) -> list[str]:
        names = []
        for line in range(1, 41):
            if shard.owns(line):
                names.append((await state.record(line, "pending", key=f"k{line}")).name)
                names.append((await state.record(line, "completed", files=[f"{line}.png"])).name)
        return names

    first, second = await asyncio.gather(*(run(shard, state) for shard, state in zip(shards, writers, strict=True)))
    assert first and second and not set(first) & set(second)
    listed = {item.name for item in await store_case.store.objects("state")}
    assert listed == set(first) | set(second) and len(listed) == 80
    scan = await BatchState(store_case.reopen()).scan()
    assert sorted(scan.lines) == list(range(1, 41))
    assert all(entry is not None and entry.status == "completed" for entry in map(scan.latest, range(1, 41)))


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("line", "status", "fields", "field"),
    [
        (0, "pending", {}, "line"),
        (True, "pending", {}, "line"),
        (1, "Done!", {}, "status"),
        (1, "", {}, "status"),
        (1, "pending", {"files": {1, 2}}, "fields"),
        (1, "pending", {"ratio": float("nan")}, "fields"),
    ],
)
async def test_bad_records_are_refused_before_anything_is_written(
    store_case: StoreCase, line: int, status: str, fields: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        await BatchState(store_case.store).record(line, status, **fields)
    assert caught.value.field == field
    assert store_case.raw_names() == set()


@pytest.mark.asyncio
async def test_concurrent_records_of_one_line_get_distinct_seqs(tmp_path: Path) -> None:
    store = open_store(str(tmp_path))
    state = BatchState(store)
    written = await asyncio.gather(*(state.record(9, "pending", attempt=n) for n in range(6)))
    assert sorted(record.seq for record in written) == [1, 2, 3, 4, 5, 6]
    assert len(await store.objects("state")) == 6
