"""Stores behave alike on a local folder, memory:// and an S3 server: atomic, bounded, safe names."""

from __future__ import annotations

import pickle
import posixpath
import sys
import threading
import tracemalloc
from collections.abc import AsyncIterator
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apiframe import ConfigurationError, InvalidRequestError
from apiframe.batch import FsspecStore, LocalStore, StorageError, _store, check_name, open_store

from .conftest import S3Server, StoreCase

MiB = 2**20


class Broken(Exception):
    """The source stream failed midway (the download broke off)."""


async def stream(total: int, *, chunk: int = 256 * 1024, fail_after: int | None = None) -> AsyncIterator[bytes]:
    sent = 0
    block = bytes(range(256)) * (chunk // 256)
    while sent < total:
        if fail_after is not None and sent >= fail_after:
            raise Broken("connection reset")
        piece = bytes(memoryview(block)[: min(chunk, total - sent)])  # a new object each time, as off a socket
        sent += len(piece)
        yield piece


@pytest.mark.asyncio
async def test_write_then_find_and_read(store_case: StoreCase) -> None:
    store = store_case.store
    written = await store.write("outputs/job-1.bin", stream(3 * MiB + 17), size=3 * MiB + 17)
    assert written == 3 * MiB + 17
    await store.write_bytes("notes.json", b'{"a": 1}')
    assert await store.size("outputs/job-1.bin") == 3 * MiB + 17
    assert await store.exists("outputs/job-1.bin", size=3 * MiB + 17)
    assert not await store.exists("outputs/job-1.bin", size=3 * MiB)
    assert not await store.exists("outputs/job-2.bin")
    assert await store.size("outputs/job-2.bin") is None
    assert await store.read_bytes("notes.json") == b'{"a": 1}'
    assert [(item.name, item.size) for item in await store.objects()] == [
        ("notes.json", 8),
        ("outputs/job-1.bin", 3 * MiB + 17),
    ]
    assert [item.name for item in await store.objects("outputs")] == ["outputs/job-1.bin"]
    assert await store.objects("nothing-here") == []
    assert store_case.raw_names() == {"notes.json", "outputs/job-1.bin"}


@pytest.mark.asyncio
async def test_a_write_that_fails_midway_leaves_nothing(store_case: StoreCase) -> None:
    """12 MiB sent (past one part, so S3 has a multipart upload going), then the source breaks."""
    store = store_case.store
    with pytest.raises(Broken):
        await store.write("video.mp4", stream(40 * MiB, fail_after=12 * MiB))
    assert store_case.raw_names() == set()
    assert await store.objects() == []
    assert not await store.exists("video.mp4")
    if store_case.kind == "s3":
        assert store_case.open_uploads() == []


@pytest.mark.asyncio
async def test_a_short_stream_is_refused_and_leaves_nothing(store_case: StoreCase) -> None:
    with pytest.raises(StorageError, match="1000 bytes, 1001 were expected") as caught:
        await store_case.store.write("a.png", stream(1000), size=1001)
    assert caught.value.name == "a.png"
    assert store_case.raw_names() == set()


@pytest.mark.asyncio
async def test_a_failed_replacement_keeps_the_old_object(store_case: StoreCase) -> None:
    store = store_case.store
    await store.write_bytes("result.bin", b"first version")
    with pytest.raises(Broken):
        await store.write("result.bin", stream(9 * MiB, fail_after=6 * MiB))
    assert await store.read_bytes("result.bin") == b"first version"
    assert store_case.raw_names() == {"result.bin"}
    await store.write("result.bin", stream(100), size=100)
    assert await store.size("result.bin") == 100


UNSAFE_NAMES = [
    "",
    "../escape",
    "a/../../b",
    "/abs",
    ".hidden",
    "a/.part",
    "a//b",
    "a\\b",
    "a/",
    "nul\x00",
    "x" * 201,
    "é",
]


@pytest.mark.asyncio
async def test_unsafe_names_are_refused_before_anything_is_written(store_case: StoreCase) -> None:
    for name in UNSAFE_NAMES:
        with pytest.raises(InvalidRequestError) as caught:
            await store_case.store.write_bytes(name, b"x")
        assert caught.value.field == "name"
        with pytest.raises(InvalidRequestError):
            await store_case.store.size(name)
    assert store_case.raw_names() == set()


@pytest.mark.asyncio
async def test_reading_more_than_the_limit_is_refused(store_case: StoreCase) -> None:
    await store_case.store.write_bytes("big.json", b"x" * 5000)
    with pytest.raises(StorageError, match="5000 bytes"):
        await store_case.store.read_bytes("big.json", limit=4096)
    with pytest.raises(StorageError, match="does not exist"):
        await store_case.store.read_bytes("absent.json")


@pytest.mark.asyncio
async def test_memory_stays_bounded_for_a_large_stream(disk_or_s3: StoreCase) -> None:
    """64 MiB go through while the traced allocations stay within a few parts (S3) or buffers (disk)."""
    total = 64 * MiB
    store = disk_or_s3.store
    if isinstance(store, FsspecStore):
        store.part_size = 5 * MiB
    await store.write_bytes("warm-up.json", b"{}")  # the S3 client loads its service model once, here
    tracemalloc.start()
    try:
        await disk_or_s3.store.write("large.mp4", stream(total, chunk=64 * 1024), size=total)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert await disk_or_s3.store.size("large.mp4") == total
    limit = 8 * MiB if disk_or_s3.kind == "local" else 5 * 5 * MiB  # a few buffers / parts, never the stream
    assert peak < limit, f"peak traced allocation {peak / MiB:.1f} MiB"


@pytest.mark.asyncio
async def test_fsspec_calls_never_run_on_the_event_loop(tmp_path: Path) -> None:
    from fsspec.implementations.memory import MemoryFileSystem  # type: ignore[import-untyped]

    loop_thread = threading.get_ident()
    threads: list[tuple[str, int]] = []

    class Watched:
        def __init__(self, inner: Any) -> None:
            self._inner = inner

        def __getattr__(self, name: str) -> Any:
            value = getattr(self._inner, name)
            if callable(value):

                def call(*args: Any, **kwargs: Any) -> Any:
                    threads.append((name, threading.get_ident()))
                    return value(*args, **kwargs)

                return call
            return value

    root = f"/watched-{tmp_path.name}"
    store = FsspecStore(Watched(MemoryFileSystem()), root, url=f"memory:/{root}")
    try:
        await store.write("a/b.bin", stream(3 * MiB), size=3 * MiB)
        await store.write_bytes("c.json", b"{}")
        assert await store.read_bytes("c.json") == b"{}"
        assert await store.size("a/b.bin") == 3 * MiB
        assert [item.name for item in await store.objects()] == ["a/b.bin", "c.json"]
    finally:
        for path in [path for path in MemoryFileSystem.store if path.startswith(root)]:
            del MemoryFileSystem.store[path]
    assert {name for name, _ in threads} >= {"open", "mv", "cat_file", "info", "find"}
    assert [name for name, thread in threads if thread == loop_thread] == []


def test_open_store_picks_the_store_and_refuses_bad_urls(tmp_path: Path) -> None:
    assert isinstance(open_store(str(tmp_path / "plain")), LocalStore)
    assert isinstance(open_store(tmp_path / "pathlike"), LocalStore)
    local = open_store(f"file://{tmp_path}/viaurl")
    assert isinstance(local, LocalStore) and local.root == tmp_path / "viaurl"
    assert isinstance(open_store("memory://somewhere/x"), FsspecStore)
    for bad, words in [
        ("file://otherhost/x", "another host"),
        ("s3:///nobucket", "names no bucket"),
        ("nosuchprotocol://bucket/x", "not a storage URL"),
        ("", "folder path or a storage URL"),
    ]:
        with pytest.raises(InvalidRequestError, match=words) as caught:
            open_store(bad)
        assert caught.value.field == "out"


def test_missing_fsspec_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "fsspec", None)
    with pytest.raises(
        ConfigurationError, match=r"needs the s3 extra \(fsspec is not installed\); install it with: pip "
    ):
        open_store("s3://bucket/prefix")
    assert isinstance(open_store(str(tmp_path)), LocalStore)  # local folders never need it


def test_credentials_never_show(aws_env: S3Server) -> None:
    secret = "s3cr3t-DO-NOT-SHOW"
    with pytest.raises(InvalidRequestError) as refused:  # credentials in the URL: refused, not echoed
        open_store(f"s3://AKIAEXAMPLE:{secret}@bucket-x/prefix?token={secret}")
    assert secret not in str(refused.value) and "AKIAEXAMPLE" not in str(refused.value)
    assert "s3://bucket-x/prefix" in str(refused.value)
    store = open_store(
        "s3://bucket-x/prefix", key="testing", secret=secret, client_kwargs={"endpoint_url": aws_env.endpoint}
    )
    assert secret not in repr(store) and secret not in store.url
    assert store.url == "s3://bucket-x/prefix"
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(store)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab./\\\x00 -_.=+é", max_size=24))
def test_an_accepted_name_never_leaves_the_root(name: str) -> None:
    try:
        parts = check_name(name)
    except InvalidRequestError as error:
        assert error.field == "name"
        return
    assert "/".join(parts) == name
    assert all(part and not part.startswith(".") and part not in (".", "..") for part in parts)
    root = PurePosixPath("/root")
    assert posixpath.normpath(root / name).startswith("/root/")


@pytest.mark.asyncio
async def test_a_walk_lists_everything_a_bounded_batch_at_a_time(
    disk_or_s3: StoreCase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A local folder or S3 is walked page by page (a folder's objects together), never listed whole."""
    monkeypatch.setattr(_store, "_WALK_BATCH", 4)
    store = disk_or_s3.store
    for line in range(1, 8):
        for seq in (1, 2):
            await store.write_bytes(f"state/{line:010d}/{seq:06d}.done.json", b"{}")
    await store.write_bytes("job.png", b"png")
    batches = [batch async for batch in store.walk("state")]
    assert all(1 <= len(batch) <= 4 for batch in batches) and len(batches) >= 4
    walked = [item.name for batch in batches for item in batch]
    assert sorted(walked) == [item.name for item in await store.objects("state")] and len(walked) == 14
    folders = [name.split("/")[1] for name in walked]
    for folder in set(folders):  # one folder's objects come together
        at = [index for index, name in enumerate(folders) if name == folder]
        assert at == list(range(at[0], at[0] + len(at)))
    assert [batch async for batch in store.walk("nothing")] == []
