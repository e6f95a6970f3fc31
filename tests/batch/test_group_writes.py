"""A local folder's small writes go through one writer thread in groups: each still lands (or fails) alone."""

from __future__ import annotations

import asyncio
import os
import pickle
import re
import sys
from pathlib import Path

import pytest

from apiframe.batch import LocalStore, StorageError


@pytest.mark.asyncio
async def test_a_group_of_writes_lands_whole_and_a_bad_target_fails_alone(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "out")
    await store.write_bytes("seed", b"x")
    (tmp_path / "out" / "state").mkdir()
    (tmp_path / "out" / "state" / "taken").mkdir()  # a folder where an object is to go
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out" / "state" / "0000000007").symlink_to(tmp_path / "elsewhere")
    names = [f"state/{n:010d}/000001.submitted.json" for n in range(1, 41)]
    outcomes = await asyncio.gather(
        *(store.write_bytes(name, name.encode()) for name in names),
        store.write_bytes("state/taken", b"no"),
        return_exceptions=True,
    )
    failed = {names[at] if at < len(names) else "state/taken" for at, o in enumerate(outcomes) if o is not None}
    assert failed == {"state/0000000007/000001.submitted.json", "state/taken"}
    assert all(isinstance(o, StorageError) for o in outcomes if o is not None)
    for name in set(names) - failed:
        assert await store.read_bytes(name) == name.encode()
    assert list((tmp_path / "elsewhere").iterdir()) == []  # nothing written through the link
    listing = await store.listing("")
    assert listing.leftovers == []  # no temporary file is left by the failed ones


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")  # forking one is the point
def test_writes_work_from_a_second_event_loop_and_a_forked_child(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "out")
    asyncio.run(store.write_bytes("one", b"1"))
    asyncio.run(store.write_bytes("two", b"2"))  # another loop, the writer thread perhaps still up
    if sys.platform.startswith("linux"):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child reports through its exit code
            try:
                asyncio.run(asyncio.wait_for(store.write_bytes("child", b"3"), 10))
                os._exit(0)
            except BaseException:
                os._exit(1)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        assert (tmp_path / "out" / "child").read_bytes() == b"3"
    assert (tmp_path / "out" / "one").read_bytes() == b"1"
    assert (tmp_path / "out" / "two").read_bytes() == b"2"


@pytest.mark.asyncio
@pytest.mark.parametrize("syncfs", [True, False])
async def test_every_object_is_synced_before_it_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, syncfs: bool
) -> None:
    from apiframe.batch import _store

    events: list[str] = []
    real_rename, real_fsync = os.rename, os.fsync

    def rename(*args: object, **kwargs: object) -> None:
        events.append("rename")
        real_rename(*args, **kwargs)  # type: ignore[arg-type]

    def fsync(fd: int) -> None:
        events.append("fsync")
        real_fsync(fd)

    def sync_filesystem(fd: int) -> bool:
        events.append("syncfs")
        return syncfs

    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(_store, "_sync_filesystem", sync_filesystem)
    store = LocalStore(tmp_path / "out")
    await asyncio.gather(*(store.write_bytes(f"f{n}", b"x") for n in range(8)))
    assert events.count("rename") == 8
    # in each group: the syncs first, then the renames (a file shows under its name only once on disk)
    text = " ".join(events) + " "
    assert "rename rename" in text  # the writes were grouped
    assert re.fullmatch(r"((?:(?:fsync|syncfs) )+(?:rename )+)+", text), text
    for block in re.findall(r"((?:(?:fsync|syncfs) )+)((?:rename )+)", text):
        syncs, renames = block[0].split(), block[1].split()
        if syncfs and len(renames) > 1:
            assert syncs == ["syncfs"]  # one sync of the filesystem for the group
        else:
            assert syncs.count("fsync") == len(renames)  # one per file


@pytest.mark.asyncio
async def test_a_slow_filesystem_sync_turns_the_store_to_one_sync_per_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A syncfs that also waited on other programs' writes (a busy disk) is not tried again by that store."""
    from apiframe.batch import _store

    syncs: list[str] = []
    clock = [0.0]

    def slow_sync_filesystem(fd: int) -> bool:
        syncs.append("syncfs")
        clock[0] += _store.SLOW_SYNCFS + 1  # the sync "took" longer than the limit
        return True

    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        syncs.append("fsync")
        real_fsync(fd)

    monkeypatch.setattr(_store, "_sync_filesystem", slow_sync_filesystem)
    monkeypatch.setattr(_store, "_clock", lambda: clock[0])
    monkeypatch.setattr(os, "fsync", fsync)
    store = LocalStore(tmp_path / "out")
    await asyncio.gather(*(store.write_bytes(f"a{n}", b"x") for n in range(8)))
    assert syncs.count("syncfs") == 1
    syncs.clear()
    await asyncio.gather(*(store.write_bytes(f"b{n}", b"y") for n in range(8)))
    assert syncs == ["fsync"] * 8
    assert all((tmp_path / "out" / f"b{n}").read_bytes() == b"y" for n in range(8))
    assert pickle.loads(pickle.dumps(store))._sync_whole  # a copy elsewhere tries it again
