"""apiframe._files._folders.descend: the one walk below a folder that never follows a symbolic link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from apiframe._files._folders import FOLDER_FLAGS, descend, not_a_folder


def _open(path: Path) -> int:
    return os.open(path, FOLDER_FLAGS)


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_descend_opens_and_creates_real_folders(tmp_path: Path) -> None:
    before = _open_fds()
    fd = descend(_open(tmp_path), ["a", "b", "c"], create=True)
    try:
        os.close(os.open("marker", os.O_WRONLY | os.O_CREAT, 0o600, dir_fd=fd))
    finally:
        os.close(fd)
    assert (tmp_path / "a" / "b" / "c" / "marker").is_file()
    again = descend(_open(tmp_path), ["a", "b"])  # existing folders, nothing created
    os.close(again)
    root = _open(tmp_path)
    assert descend(root, []) == root  # no parts: the descriptor itself
    os.close(root)
    assert _open_fds() == before  # every intermediate descriptor closed


def test_descend_names_the_missing_step_without_creating_it(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    before = _open_fds()
    with pytest.raises(FileNotFoundError) as caught:
        descend(_open(tmp_path), ["a", "b", "c"])
    assert caught.value.filename == "a/b"
    assert not (tmp_path / "a" / "b").exists()
    assert _open_fds() == before


@pytest.mark.parametrize("create", [False, True])
def test_descend_refuses_a_link_or_a_file_on_the_way(tmp_path: Path, create: bool) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "root"
    (root / "a").mkdir(parents=True)
    (root / "a" / "link").symlink_to(outside, target_is_directory=True)
    (root / "a" / "file").write_bytes(b"x")
    before = _open_fds()
    for name in ("link", "file"):
        with pytest.raises(OSError) as caught:
            descend(_open(root), ["a", name, "deeper"], create=create)
        assert not_a_folder(caught.value), caught.value
        assert caught.value.filename == f"a/{name}"
    assert list(outside.iterdir()) == []  # nothing made through the link
    assert _open_fds() == before
    assert not not_a_folder(FileNotFoundError(2, "missing"))
