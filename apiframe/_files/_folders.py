"""Folders walked one component at a time from an open descriptor, never through a symbolic link.

The one place that opens a folder below another: a batch's local store and the MCP server's
allowed folders both go through :func:`descend`, so a symbolic link (or a file) planted
anywhere on the way, before or during the walk, cannot lead outside the folder they started from.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Sequence

__all__ = ["FOLDER_FLAGS", "descend", "not_a_folder"]

FOLDER_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
"""Flags that open a real folder only: a symbolic link or a file in its place is refused."""


def descend(fd: int, parts: Sequence[str], *, create: bool = False) -> int:
    """A descriptor of folder ``parts[0]/parts[1]/...`` below the open folder ``fd``.

    ``fd`` is taken over: it is closed, or returned as it is when ``parts`` is empty. Each
    component is opened from its parent's descriptor with :data:`FOLDER_FLAGS`; with ``create``,
    a missing one is made (mode 0o755) and then opened the same way, so a link raced in its place
    is refused too. Components are single names: the caller has checked them (no ``/``, no ``..``).

    Raises the :class:`OSError` of the step that failed, its ``filename`` set to the path of
    that component relative to ``fd`` (``FileNotFoundError`` for a missing one without
    ``create``; :func:`not_a_folder` tells a link or file in the way).
    """
    try:
        for index, part in enumerate(parts):
            try:
                try:
                    child = os.open(part, FOLDER_FLAGS, dir_fd=fd)
                except FileNotFoundError:
                    if not create:
                        raise
                    with contextlib.suppress(FileExistsError):  # made meanwhile: opened below like any other
                        os.mkdir(part, 0o755, dir_fd=fd)
                    child = os.open(part, FOLDER_FLAGS, dir_fd=fd)
            except OSError as error:
                error.filename = "/".join(parts[: index + 1])
                raise
            os.close(fd)
            fd = child
    except BaseException:
        os.close(fd)
        raise
    return fd


def not_a_folder(error: OSError) -> bool:
    """Whether ``error`` (from :func:`descend`) means a symbolic link or a file stands where a folder was expected."""
    return isinstance(error, NotADirectoryError) or error.errno == errno.ELOOP
