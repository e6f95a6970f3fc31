"""The folders the server may read uploads from and write downloads into, and nothing else.

A path in a tool call is relative to the first folder, or absolute inside one of them. It is
walked one component at a time from an open descriptor of the folder, every component opened
with ``O_NOFOLLOW``: ``..``, an absolute path elsewhere, or a symbolic link anywhere on the way
(planted before or during the call) cannot lead outside, whatever the path says.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from .._files._folders import FOLDER_FLAGS, descend, not_a_folder
from ._errors import ToolRefused

__all__ = ["Folders"]

_FILE = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
MAX_PATH = 1024


class Folders:
    """The folders named at start-up (``--folder``); the first one is where relative paths start."""

    def __init__(self, folders: Sequence[str | os.PathLike[str]]) -> None:
        roots: list[Path] = []
        for folder in folders:
            path = Path(folder).expanduser().absolute()
            if not path.is_dir():
                raise ValueError(f"--folder {folder}: not a folder")
            roots.append(path)
        self.roots = tuple(roots)
        self._real = tuple(Path(os.path.realpath(root)) for root in roots)

    def __bool__(self) -> bool:
        return bool(self.roots)

    def describe(self) -> str:
        return ", ".join(str(root) for root in self.roots) or "none"

    def _split(self, given: str, argument: str) -> tuple[int, list[str]]:
        """(index of the folder, the components below it), or a refusal naming ``argument``."""
        if not self.roots:
            raise ToolRefused(f"{argument}: this server was started without --folder, so it reads and writes no files")
        if not isinstance(given, str) or "\x00" in given or len(given) > MAX_PATH:
            raise ToolRefused(f"{argument} must be a path of at most {MAX_PATH} characters")
        path = PurePosixPath(given)
        index = 0
        if path.is_absolute():
            for number, (root, real) in enumerate(zip(self.roots, self._real, strict=True)):
                for base in (root, real):
                    if path.is_relative_to(base):
                        index, path = number, path.relative_to(base)
                        break
                else:
                    continue
                break
            else:
                raise ToolRefused(f"{argument} {given!r} is outside the allowed folders ({self.describe()})")
        parts = [part for part in path.parts if part not in ("", ".")]
        if ".." in parts:
            raise ToolRefused(f"{argument} {given!r} contains '..'; give a path inside {self.describe()}")
        return index, parts

    def _walk(self, index: int, parts: Sequence[str], given: str, argument: str, *, create: bool) -> int:
        """An open descriptor of the folder ``parts`` names under root ``index`` (created if asked)."""
        fd = os.open(self._real[index], FOLDER_FLAGS)  # the folder as named at start-up, links resolved then
        try:
            return descend(fd, parts, create=create)
        except OSError as error:
            raise self._refusal(error, given, argument) from None

    @staticmethod
    def _refusal(error: OSError, given: str, argument: str) -> ToolRefused:
        if isinstance(error, FileNotFoundError):
            return ToolRefused(f"{argument} {given!r} does not exist")
        if not_a_folder(error):
            return ToolRefused(
                f"{argument} {given!r} goes through a symbolic link or a file; only real folders inside the allowed"
                " folders are followed"
            )
        return ToolRefused(f"{argument} {given!r} cannot be opened: {error.strerror or type(error).__name__}")

    def open_file(self, given: str, argument: str = "path") -> tuple[int, str]:
        """An open descriptor of a regular file inside the folders, and its name."""
        index, parts = self._split(given, argument)
        if not parts:
            raise ToolRefused(f"{argument} {given!r} is a folder; name a file inside it")
        folder = self._walk(index, parts[:-1], given, argument, create=False)
        try:
            fd = os.open(parts[-1], _FILE, dir_fd=folder)
        except OSError as error:
            raise self._refusal(error, given, argument) from None
        finally:
            os.close(folder)
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise ToolRefused(f"{argument} {given!r} is not a regular file")
        os.set_blocking(fd, True)
        return fd, parts[-1]

    def directory(self, given: str | None, argument: str = "folder") -> Path:
        """The folder ``given`` names inside the allowed ones (the first folder when None), created if missing."""
        index, parts = self._split(given or ".", argument)
        os.close(self._walk(index, parts, given or ".", argument, create=True))
        return self.roots[index].joinpath(*parts)
