"""The local store writes nothing outside its folder, never through a symbolic link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from apiframe.batch import LocalStore, StorageError


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    target = tmp_path / "outside"
    target.mkdir()
    (target / "precious.txt").write_bytes(b"keep me")
    return target


def _untouched(outside: Path) -> bool:
    return (
        sorted(path.name for path in outside.iterdir()) == ["precious.txt"]
        and (outside / "precious.txt").read_bytes() == b"keep me"
    )


@pytest.mark.asyncio
async def test_a_symlinked_folder_inside_is_refused(tmp_path: Path, outside: Path) -> None:
    root = tmp_path / "out"
    root.mkdir()
    (root / "outputs").symlink_to(outside, target_is_directory=True)
    store = LocalStore(root)
    with pytest.raises(StorageError, match="not a plain folder") as caught:
        await store.write_bytes("outputs/job.png", b"data")
    assert caught.value.name == "outputs"
    with pytest.raises(StorageError):
        await store.write_bytes("outputs/precious.txt", b"overwritten")
    assert _untouched(outside)
    assert await store.objects() == []  # the link is not followed when listing either


@pytest.mark.asyncio
async def test_a_symlink_under_the_final_name_is_refused(tmp_path: Path, outside: Path) -> None:
    root = tmp_path / "out"
    root.mkdir()
    (root / "job.png").symlink_to(outside / "precious.txt")
    store = LocalStore(root)
    with pytest.raises(StorageError, match="not a regular file"):
        await store.write_bytes("job.png", b"data")
    with pytest.raises(StorageError, match="not a regular file"):
        await store.size("job.png")
    with pytest.raises(StorageError):
        await store.read_bytes("job.png")
    assert _untouched(outside)
    assert [path.name for path in root.iterdir()] == ["job.png"]  # no temporary file left behind


@pytest.mark.asyncio
async def test_a_folder_under_the_final_name_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "out"
    (root / "job.png").mkdir(parents=True)
    store = LocalStore(root)
    with pytest.raises(StorageError, match="not a regular file"):
        await store.write_bytes("job.png", b"data")
    assert (root / "job.png").is_dir()


@pytest.mark.asyncio
async def test_a_fifo_is_never_opened(tmp_path: Path) -> None:
    """Reading a FIFO would block forever: it is refused before it is opened for reading."""
    root = tmp_path / "out"
    (root / "state").mkdir(parents=True)
    os.mkfifo(root / "state" / "pipe.json")
    store = LocalStore(root)
    with pytest.raises(StorageError, match="not a regular file"):
        await store.size("state/pipe.json")
    with pytest.raises(StorageError, match="not a regular file"):
        await store.read_bytes("state/pipe.json")
    assert await store.objects() == []


@pytest.mark.asyncio
async def test_a_killed_write_leaves_only_a_hidden_temporary_file(tmp_path: Path) -> None:
    """What a SIGKILL leaves (a ``.part`` file) is never listed nor taken for the object."""
    root = tmp_path / "out"
    root.mkdir()
    (root / ".job.png.0123456789ab.part").write_bytes(b"half")
    store = LocalStore(root)
    assert await store.objects() == []
    assert not await store.exists("job.png")
    await store.write_bytes("job.png", b"whole")
    assert [item.name for item in await store.objects()] == ["job.png"]


@pytest.mark.asyncio
async def test_files_are_created_without_group_or_world_write(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "out")
    await store.write_bytes("a/b.json", b"{}")
    mode = (tmp_path / "out" / "a" / "b.json").stat().st_mode
    assert mode & 0o022 == 0
