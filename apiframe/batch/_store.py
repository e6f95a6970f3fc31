"""Where a batch keeps its results and its state: a local folder or any fsspec filesystem.

A :class:`Store` holds objects under validated relative names (``"state/0000000042/..."``,
``"<job_id>.mp4"``). Every write is atomic: an object is visible under its final name only
once it is complete, whatever happens midway (an error, a crash, a ``SIGKILL``):

- :class:`LocalStore` writes a hidden temporary file beside the target (created with
  ``O_EXCL | O_NOFOLLOW``), syncs it and renames it into place (an object under its final name
  is never partial, even after a power loss; the newest renames may then be missing); every
  folder on the way is opened without following symbolic links, so nothing is ever written
  outside the root. Small objects are written by one thread per store in groups (one sync of
  the disk for a group: see :class:`_Committer`).
- :class:`FsspecStore` on an object store (``s3://``, ``gs://``, ``az://``) streams straight to
  the final name, which the store shows only once the upload completes (one PUT, or a
  completed multipart upload; a failed multipart upload is aborted). On other filesystems
  (``memory://`` ...) it writes a hidden temporary object and moves it into place.

Memory stays bounded by the part size whatever the size of the stream. Blocking calls run on
a worker thread, never on the event loop. :func:`open_store` picks the store for a path or URL.
"""

from __future__ import annotations

import abc
import asyncio
import contextlib
import functools
import mimetypes
import os
import re
import stat
import sys
import threading
import time
import uuid
from collections.abc import AsyncIterable, AsyncIterator, Callable, Generator, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

from .._errors import ApiframeError, ConfigurationError, InvalidRequestError
from .._files._folders import FOLDER_FLAGS, descend, not_a_folder

__all__ = [
    "DEFAULT_PART_SIZE",
    "FsspecStore",
    "Listing",
    "LocalStore",
    "ObjectInfo",
    "StorageError",
    "Store",
    "check_name",
    "open_store",
]

DEFAULT_PART_SIZE = 8 * 2**20
"""Bytes buffered before a part is sent (object stores need at least 5 MiB per part)."""
_MIN_PART_SIZE = 5 * 2**20
_LOCAL_BUFFER = 2**20
MAX_SMALL_OBJECT = 16 * 2**20
"""Largest object :meth:`Store.read_bytes` reads (records and shard plans are far smaller)."""

_DIRECT_PROTOCOLS = frozenset({"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss"})
"""Object stores that show an object only once its upload completes: written straight to the final name."""
_SEGMENT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.=+-]{0,199}")
_TEMPORARY = re.compile(r"\.([A-Za-z0-9_][A-Za-z0-9_.=+-]{0,79})\.[0-9a-f]{12}\.part")
"""A local write's temporary file: ``.<first 80 characters of the object's name>.<12 hex>.part``."""

T = TypeVar("T")


class StorageError(ApiframeError):
    """The batch's store refused or failed an operation (a write, read or listing).

    ``name`` is the object concerned, relative to the store's root, when there is one.
    """

    name: str | None

    def __init__(self, message: str, *, name: str | None = None) -> None:
        super().__init__(message)
        self.name = name


@dataclass(frozen=True, slots=True)
class ObjectInfo:
    """An object in a store: its name relative to the root and its size in bytes."""

    name: str
    size: int


@dataclass(frozen=True, slots=True)
class Listing:
    """Everything under a folder of a store: its complete objects, and what killed writes left.

    ``leftovers`` are the relative names of temporary objects of writes that never finished
    (a local folder's hidden ``.part`` files); :meth:`Store.discard` removes one.
    ``irregular`` names what someone else put there and the store will not use.
    """

    objects: list[ObjectInfo]
    leftovers: list[str]
    irregular: list[str] = field(default_factory=list)
    """Names that are neither a plain file nor a plain folder (a symbolic link, a FIFO): never followed."""


def check_name(name: str) -> tuple[str, ...]:
    """The segments of an object name, or :class:`~apiframe.InvalidRequestError` if it is unsafe.

    Names are relative, ``/``-separated, and every segment starts with a letter, digit or
    ``_`` and holds only ``A-Z a-z 0-9 _ . = + -``: no ``..``, no hidden names (those are the
    stores' own temporary files), no absolute paths, no backslashes, no control characters.
    """
    if not isinstance(name, str) or not name:
        raise InvalidRequestError(f"object name must be a non-empty string, got {name!r}", field="name")
    parts = tuple(name.split("/"))
    if len(name) > 900 or len(parts) > 16 or not all(_SEGMENT.fullmatch(part) for part in parts):
        shown = name if len(name) <= 80 else name[:80] + "..."
        raise InvalidRequestError(
            f"object name {shown!r} is not a safe relative name: use '/'-separated segments of letters, digits "
            "and _ . = + - that do not start with '.' (at most 16 segments of 200 characters)",
            field="name",
        )
    return parts


def temporary_name(leaf: str) -> str:
    """The hidden name a local write of object ``leaf`` (one segment) uses until it is complete."""
    return f".{leaf[:80]}.{uuid.uuid4().hex[:12]}.part"


def temporary_target(leftover: str) -> str:
    """The (first 80 characters of the) object name that the temporary ``leftover`` was for."""
    match = _TEMPORARY.fullmatch(leftover.rpartition("/")[2])
    return match.group(1) if match else ""


def _prefix_parts(prefix: str) -> tuple[str, ...]:
    stripped = prefix.strip("/")
    return check_name(stripped) if stripped else ()


class Store(abc.ABC):
    """Atomic, bounded-memory object storage for a batch (see the module docstring)."""

    url: str
    """Where the store is, for messages (never with credentials)."""

    @abc.abstractmethod
    async def write(self, name: str, chunks: AsyncIterable[bytes], *, size: int | None = None) -> int:
        """Stream ``chunks`` into object ``name`` atomically and return the bytes written.

        With ``size``, a stream of any other length is refused and nothing is written. An
        existing object of that name is replaced (atomically) once the new one is complete.
        """

    @abc.abstractmethod
    async def write_bytes(self, name: str, data: bytes) -> None:
        """Write a small object atomically (replacing any object of that name)."""

    @abc.abstractmethod
    async def read_bytes(self, name: str, *, limit: int = MAX_SMALL_OBJECT) -> bytes:
        """The content of a small object; :class:`StorageError` if absent or larger than ``limit``."""

    @abc.abstractmethod
    async def size(self, name: str) -> int | None:
        """The size of object ``name``, or None when there is none."""

    @abc.abstractmethod
    async def objects(self, prefix: str = "") -> list[ObjectInfo]:
        """Every complete object under folder ``prefix`` (all of them for ``""``), sorted by name.

        Temporary objects of unfinished writes are never listed.
        """

    async def walk(self, prefix: str = "") -> AsyncIterator[list[ObjectInfo]]:
        """Every complete object under folder ``prefix``, a batch at a time, in bounded memory.

        The objects of one folder come together (in one batch or consecutive ones); beyond
        that the order is the store's. :meth:`objects` is the same, sorted and all at once.
        """
        yield await self.objects(prefix)

    async def listing(self, prefix: str = "") -> Listing:
        """:meth:`objects` and the leftovers of killed writes under ``prefix``, in one listing.

        A store that writes no temporary objects (an object store) has no leftovers.
        """
        return Listing(await self.objects(prefix), [])

    async def discard(self, leftover: str) -> None:
        """Remove a leftover of a killed write that :meth:`listing` reported (nothing else)."""
        raise StorageError(f"{self.url} keeps no temporary objects: {leftover!r} is not one", name=leftover)

    async def exists(self, name: str, *, size: int | None = None) -> bool:
        """Whether object ``name`` exists (and, given ``size``, has exactly that many bytes)."""
        found = await self.size(name)
        return found is not None and (size is None or found == size)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.url!r})"


async def _in_thread(function: Callable[..., T], *args: Any) -> T:
    return await asyncio.to_thread(function, *args)


def _size_mismatch(name: str, written: int, size: int) -> StorageError:
    return StorageError(
        f"{name}: the stream gave {written} bytes, {size} were expected; nothing was written", name=name
    )


# --- local folder ----------------------------------------------------------------------------

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO put under a name must not block the read


class LocalStore(Store):
    """A folder on a local disk; nothing is ever read or written outside it, through symlinks or otherwise."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root).expanduser()
        self.url = str(self.root)
        self._writes: _Committer | None = None
        self._sync_whole = True
        """One ``syncfs`` per group of small writes, until one is slow (see :meth:`_sync_group`)."""

    def __getstate__(self) -> dict[str, Any]:
        # a copy elsewhere starts its own writer (and tries one sync per group again)
        return {"root": self.root, "url": self.url, "_writes": None, "_sync_whole": True}

    def _root_fd(self, create: bool) -> int:
        try:
            return os.open(self.root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _CLOEXEC)
        except FileNotFoundError:
            if not create:
                raise
        except OSError as error:
            raise StorageError(f"cannot open the folder {self.root}: {error.strerror or error}") from None
        try:  # the first write creates the root
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(f"cannot create the folder {self.root}: {error.strerror or error}") from None
        return self._root_fd(False)

    def _open_folder(self, parts: tuple[str, ...], create: bool) -> int:
        """A descriptor of folder ``root/parts...``, each step opened without following symlinks."""
        try:
            return descend(self._root_fd(create), parts, create=create)
        except OSError as error:
            if isinstance(error, FileNotFoundError) and not create:
                raise
            raise self._folder_error(str(error.filename), error) from None

    def _folder_error(self, where: str, error: OSError) -> StorageError:
        """Why folder ``where`` could not be opened or made, for the user."""
        reason = error.strerror or error
        if not_a_folder(error):
            return StorageError(
                f"{where} in {self.root} is not a plain folder (a symbolic link or a file?): "
                f"refusing to write through it ({reason})",
                name=where,
            )
        return StorageError(f"cannot create or open {where} in {self.root}: {reason}", name=where)

    @contextlib.contextmanager
    def _folder(self, parts: tuple[str, ...], *, create: bool) -> Iterator[int]:
        fd = self._open_folder(parts, create)
        try:
            yield fd
        finally:
            os.close(fd)

    def _check_target(self, fd: int, leaf: str, name: str) -> None:
        try:
            info = os.stat(leaf, dir_fd=fd, follow_symlinks=False)
        except FileNotFoundError:
            return
        if not stat.S_ISREG(info.st_mode):
            raise StorageError(
                f"{name} in {self.root} exists and is not a regular file (a symbolic link or folder?): "
                "refusing to replace it; remove it first",
                name=name,
            )

    async def write(self, name: str, chunks: AsyncIterable[bytes], *, size: int | None = None) -> int:
        parts = check_name(name)
        pending: list[bytes] = []
        buffered = written = 0
        opened: _Temporary | None = None  # a temporary file exists only once a part is flushed
        try:
            async for chunk in chunks:  # the source's own errors go to the caller as they are
                pending.append(bytes(chunk))
                buffered += len(chunk)
                if buffered >= _LOCAL_BUFFER:
                    if opened is None:
                        opened = await self._call(name, self._open_temp, parts)
                    await self._call(name, _write_all, opened.fd, pending)
                    written += buffered
                    pending, buffered = [], 0
            written += buffered
            if size is not None and written != size:
                raise _size_mismatch(name, written, size)
            if opened is None:  # a small object: written with the others of its moment (see _Committer)
                await self._committer().write(parts, name, pending)
            else:
                finishing, opened = opened, None  # _finish cleans up after itself, whatever happens
                await self._call(name, self._finish, finishing, pending, parts[-1], name)
        finally:
            if opened is not None:
                opened.abandon()
        return written

    def _open_temp(self, parts: tuple[str, ...]) -> _Temporary:
        folder = self._open_folder(parts[:-1], True)
        temp = temporary_name(parts[-1])
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o644, dir_fd=folder)
        except BaseException:
            os.close(folder)
            raise
        return _Temporary(folder, fd, temp)

    async def _call(self, name: str, function: Callable[..., T], *args: Any) -> T:
        try:
            return await asyncio.to_thread(function, *args)
        except OSError as error:
            reason = error.strerror or error
            raise StorageError(f"writing {name} into {self.root} failed: {reason}", name=name) from None

    def _finish(self, temporary: _Temporary, pieces: list[bytes], leaf: str, name: str) -> None:
        """Write the last ``pieces``, sync, and rename into place; the temporary is gone either way."""
        renamed = False
        try:
            _write_all(temporary.fd, pieces)
            os.fsync(temporary.fd)
            self._check_target(temporary.folder, leaf, name)
            os.rename(temporary.name, leaf, src_dir_fd=temporary.folder, dst_dir_fd=temporary.folder)
            renamed = True
            # No fsync of the folder: the rename is atomic whatever happens to the process, and the
            # batch never relies on a rename surviving a power loss (a line's folder is new, so its
            # entry would need a sync of its parent too): a lost rename shows the line's previous,
            # complete state, which a resume continues with the same idempotency key.
        finally:
            if renamed:
                temporary.close()
            else:
                temporary.abandon()

    async def write_bytes(self, name: str, data: bytes) -> None:
        # A state record or ledger: written with the others of its moment (see _Committer).
        await self._committer().write(check_name(name), name, [bytes(data)])

    def _committer(self) -> _Committer:
        committer = self._writes
        if committer is None or committer.pid != os.getpid():  # a forked child starts its own
            committer = self._writes = _Committer(self)
        return committer

    def _write_group(self, group: list[tuple[tuple[str, ...], str, list[bytes]]]) -> list[BaseException | None]:
        """Write small objects: every temporary file written, all of them synced, then each renamed.

        Each object is on disk before it shows under its name, as with one write at a time; the
        folders on the way are opened once for the group (each without following links), and one
        sync of the filesystem replaces a sync per file where the system has one (Linux ``syncfs``).
        Returns each object's error, or None.
        """
        folders: dict[tuple[str, ...], int] = {}
        outcomes: list[BaseException | None] = [None] * len(group)
        written: list[tuple[int, int, int, str]] = []  # (index, folder, fd, temporary name)
        try:
            for index, (parts, name, pieces) in enumerate(group):
                try:
                    folder = self._group_folder(parts[:-1], folders)
                    temp = temporary_name(parts[-1])
                    fd = os.open(
                        temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o644, dir_fd=folder
                    )
                except (OSError, StorageError) as error:
                    outcomes[index] = self._failed(name, error)
                    continue
                written.append((index, folder, fd, temp))
                try:
                    _write_all(fd, pieces)
                except OSError as error:
                    outcomes[index] = self._failed(name, error)
            if not self._sync_group(written):
                for index, _, fd, _ in written:
                    if outcomes[index] is None:
                        try:
                            os.fsync(fd)
                        except OSError as error:
                            outcomes[index] = self._failed(group[index][1], error)
            for index, folder, _fd, temp in written:
                parts, name, _ = group[index]
                if outcomes[index] is None:
                    try:
                        self._check_target(folder, parts[-1], name)
                        os.rename(temp, parts[-1], src_dir_fd=folder, dst_dir_fd=folder)
                        # No fsync of the folder: the rename is atomic whatever happens to the process,
                        # and the batch never relies on a rename surviving a power loss (a line's folder
                        # is new, so its entry would need a sync of its parent too): a lost rename shows
                        # the line's previous, complete state, which a resume continues with the same key.
                    except (OSError, StorageError) as error:
                        outcomes[index] = self._failed(name, error)
                if outcomes[index] is not None:
                    with contextlib.suppress(OSError):
                        os.unlink(temp, dir_fd=folder)
        finally:
            for _, _, fd, _ in written:
                with contextlib.suppress(OSError):
                    os.close(fd)
            for fd in folders.values():
                os.close(fd)
        return outcomes

    def _sync_group(self, written: list[tuple[int, int, int, str]]) -> bool:
        """Sync a group's files with one ``syncfs`` of their filesystem; False: sync each file instead.

        ``syncfs`` also flushes what other programs wrote to that filesystem: when one takes longer
        than :data:`SLOW_SYNCFS` (a busy disk), this store syncs file by file from then on, so the
        batch never waits on other programs' writes again.
        """
        if len(written) < 2 or not self._sync_whole:
            return False
        started = _clock()
        synced = _sync_filesystem(written[0][1])
        if _clock() - started > SLOW_SYNCFS:
            self._sync_whole = False
        return synced

    def _failed(self, name: str, error: OSError | StorageError) -> StorageError:
        if isinstance(error, StorageError):
            return error
        return StorageError(f"writing {name} into {self.root} failed: {error.strerror or error}", name=name)

    def _group_folder(self, parts: tuple[str, ...], folders: dict[tuple[str, ...], int]) -> int:
        """Folder ``parts`` (made if missing), opened from its parent already open in ``folders``."""
        found = folders.get(parts)
        if found is not None:
            return found
        if not parts:
            opened = self._open_folder((), True)
        else:
            parent = self._group_folder(parts[:-1], folders)
            try:
                opened = descend(os.dup(parent), parts[-1:], create=True)
            except OSError as error:
                raise self._folder_error("/".join(parts), error) from None
        folders[parts] = opened
        return opened

    async def read_bytes(self, name: str, *, limit: int = MAX_SMALL_OBJECT) -> bytes:
        parts = check_name(name)
        return await _in_thread(self._read, parts, name, limit)

    def _read(self, parts: tuple[str, ...], name: str, limit: int) -> bytes:
        try:
            with self._folder(parts[:-1], create=False) as folder:
                fd = os.open(parts[-1], os.O_RDONLY | _NOFOLLOW | _CLOEXEC | _NONBLOCK, dir_fd=folder)
                try:
                    info = os.fstat(fd)
                    if not stat.S_ISREG(info.st_mode):
                        raise StorageError(f"{name} in {self.root} is not a regular file", name=name)
                    if info.st_size > limit:
                        raise StorageError(
                            f"{name} in {self.root} holds {info.st_size} bytes, more than the {limit} expected",
                            name=name,
                        )
                    data = os.read(fd, limit + 1)
                finally:
                    os.close(fd)
        except FileNotFoundError:
            raise StorageError(f"{name} does not exist in {self.root}", name=name) from None
        except OSError as error:
            raise StorageError(f"reading {name} in {self.root} failed: {error.strerror or error}", name=name) from None
        if len(data) > limit:
            raise StorageError(f"{name} in {self.root} grew past {limit} bytes while read", name=name)
        return data

    async def size(self, name: str) -> int | None:
        parts = check_name(name)
        return await _in_thread(self._size, parts, name)

    def _size(self, parts: tuple[str, ...], name: str) -> int | None:
        try:
            with self._folder(parts[:-1], create=False) as folder:
                info = os.stat(parts[-1], dir_fd=folder, follow_symlinks=False)
        except FileNotFoundError:
            return None
        if not stat.S_ISREG(info.st_mode):
            raise StorageError(f"{name} in {self.root} is not a regular file (a symbolic link or folder?)", name=name)
        return info.st_size

    async def objects(self, prefix: str = "") -> list[ObjectInfo]:
        return (await self.listing(prefix)).objects

    async def listing(self, prefix: str = "") -> Listing:
        parts = _prefix_parts(prefix)
        return await _in_thread(self._list, parts)

    def _list(self, parts: tuple[str, ...]) -> Listing:
        found = Listing([], [])
        try:
            with self._folder(parts, create=False) as folder:
                for kind, name, size in _entries(folder, "/".join(parts)):
                    if kind is _FILE:
                        found.objects.append(ObjectInfo(name, size))
                    elif kind is _LEFTOVER:
                        found.leftovers.append(name)
                    else:
                        found.irregular.append(name)
        except FileNotFoundError:
            return found
        found.objects.sort(key=lambda item: item.name)
        found.leftovers.sort()
        found.irregular.sort()
        return found

    async def walk(self, prefix: str = "") -> AsyncIterator[list[ObjectInfo]]:
        parts = _prefix_parts(prefix)
        try:
            folder = await _in_thread(self._open_folder, parts, False)
        except FileNotFoundError:
            return
        entries = _entries(folder, "/".join(parts))
        try:
            while batch := await _in_thread(_objects_of, entries, _WALK_BATCH):
                yield batch
        finally:
            entries.close()
            os.close(folder)

    async def discard(self, leftover: str) -> None:
        folder, _, leaf = leftover.rpartition("/")
        if not _TEMPORARY.fullmatch(leaf):
            raise StorageError(f"{leftover!r} is not a temporary file of {self.root}", name=leftover)
        await _in_thread(self._discard, _prefix_parts(folder), leaf)

    def _discard(self, parts: tuple[str, ...], leaf: str) -> None:
        try:
            with self._folder(parts, create=False) as folder:
                os.unlink(leaf, dir_fd=folder)
        except FileNotFoundError:
            return
        except OSError as error:
            name = "/".join((*parts, leaf))
            raise StorageError(f"removing {name} in {self.root} failed: {error.strerror or error}", name=name) from None


_FILE, _LEFTOVER, _IRREGULAR = "file", "leftover", "irregular"
_WALK_BATCH = 4096


def _entries(fd: int, base: str) -> Generator[tuple[str, str, int], None, None]:
    """``(kind, name, size)`` of everything below folder ``fd``, one folder's entries together.

    Folders are opened without following symbolic links; hidden and foreign names are not
    objects (a write's temporary file is a leftover; a link or FIFO is irregular).
    """
    with os.scandir(fd) as entries:  # one open folder per level (at most 16): memory stays bounded
        for entry in entries:
            name = f"{base}/{entry.name}" if base else entry.name
            if not _SEGMENT.fullmatch(entry.name):
                if _TEMPORARY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                    yield _LEFTOVER, name, 0  # a write that never finished (killed midway)
                continue  # names the store never writes are not listed
            if entry.is_dir(follow_symlinks=False):
                try:
                    child = os.open(entry.name, FOLDER_FLAGS, dir_fd=fd)
                except OSError:
                    continue
                try:
                    yield from _entries(child, name)
                finally:
                    os.close(child)
            elif entry.is_file(follow_symlinks=False):
                yield _FILE, name, entry.stat(follow_symlinks=False).st_size
            else:
                yield _IRREGULAR, name, 0


def _objects_of(entries: Iterator[tuple[str, str, int]], count: int) -> list[ObjectInfo]:
    """The next ``count`` objects of ``entries`` (fewer at its end)."""
    batch: list[ObjectInfo] = []
    for kind, name, size in entries:
        if kind is _FILE:
            batch.append(ObjectInfo(name, size))
            if len(batch) >= count:
                break
    return batch


async def _take(listing: AsyncIterator[Mapping[str, Any]], count: int) -> list[Mapping[str, Any]]:
    """The next ``count`` entries of an async listing (fewer at its end)."""
    found: list[Mapping[str, Any]] = []
    async for info in listing:
        found.append(info)
        if len(found) >= count:
            break
    return found


@dataclass(slots=True)
class _Temporary:
    """A local write under way: its folder, its open temporary file and that file's name."""

    folder: int
    fd: int
    name: str

    def close(self) -> None:
        for fd in (self.fd, self.folder):
            with contextlib.suppress(OSError):
                os.close(fd)

    def abandon(self) -> None:
        """Close and remove the temporary file: nothing of the write is left."""
        with contextlib.suppress(OSError):
            os.unlink(self.name, dir_fd=self.folder)
        self.close()


_Queued = tuple[tuple[str, ...], str, list[bytes], asyncio.AbstractEventLoop, "asyncio.Future[None]"]
"""A small write waiting for the writer thread: the object's name (as parts and as text), its bytes, who waits."""


class _Committer:
    """The small writes of a local store, made by one thread in groups (a group commit).

    Every small object (a state record, a ledger, a small result file) is queued here; one
    thread takes everything queued so far, writes it (each file synced, then renamed into
    place, as before), and wakes the waiting writers once per group. A writer resumes only
    once its own object is on disk under its name, so a record is still durable before the
    step it guards proceeds; what changes is the cost: one thread hop and one walk of the
    folders per group, not per object. The thread ends after a second without work.
    """

    _IDLE = 1.0

    def __init__(self, store: LocalStore) -> None:
        self.store = store
        self.pid = os.getpid()
        self._lock = threading.Lock()
        self._work = threading.Condition(self._lock)
        self._queue: list[_Queued] = []
        self._running = False

    async def write(self, parts: tuple[str, ...], name: str, pieces: list[bytes]) -> None:
        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()
        with self._lock:
            self._queue.append((parts, name, pieces, loop, done))
            if self._running:
                self._work.notify()
            else:
                self._running = True
                threading.Thread(target=self._serve, name="apiframe-batch-writes", daemon=True).start()
        await done

    def _serve(self) -> None:
        while True:
            with self._lock:
                if not self._queue:
                    self._work.wait(self._IDLE)
                    if not self._queue:
                        self._running = False
                        return
                group, self._queue = self._queue, []
            try:
                outcomes = self.store._write_group([(parts, name, pieces) for parts, name, pieces, _, _ in group])
            except Exception as error:  # not an OSError of one object (those come back one by one): all failed
                outcomes = [error] * len(group)
            by_loop: dict[asyncio.AbstractEventLoop, list[tuple[asyncio.Future[None], BaseException | None]]] = {}
            for (_, _, _, loop, done), outcome in zip(group, outcomes, strict=True):
                by_loop.setdefault(loop, []).append((done, outcome))
            for loop, settled in by_loop.items():
                with contextlib.suppress(RuntimeError):  # its loop closed meanwhile: nobody waits
                    loop.call_soon_threadsafe(_settle, settled)


def _settle(settled: list[tuple[asyncio.Future[None], BaseException | None]]) -> None:
    for done, outcome in settled:
        if done.done():  # its writer was cancelled
            continue
        if outcome is None:
            done.set_result(None)
        else:
            done.set_exception(outcome)


SLOW_SYNCFS = 0.25
"""Seconds: a store whose ``syncfs`` took longer syncs its small writes file by file from then on."""
_clock = time.monotonic


@functools.cache
def _load_syncfs() -> Callable[[int], int] | None:
    """Linux's ``syncfs``, from 5.8 on (before, it did not report a failed write-back: a per-file
    fsync does); loaded when a store first syncs a group, not when the module is imported."""
    if not sys.platform.startswith("linux") or _kernel() < (5, 8):
        return None
    try:
        import ctypes

        function: Callable[[int], int] = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):  # pragma: no cover - a libc without it
        return None
    return function


def _kernel() -> tuple[int, ...]:
    numbers = re.match(r"(\d+)\.(\d+)", os.uname().release)
    return tuple(int(n) for n in numbers.groups()) if numbers else (0,)


def _sync_filesystem(fd: int) -> bool:
    """Sync the whole filesystem holding open folder ``fd`` (Linux ``syncfs``); False where that is not possible."""
    syncfs = _load_syncfs()
    return syncfs is not None and syncfs(fd) == 0


def _write_all(fd: int, pieces: list[bytes]) -> None:
    for piece in pieces:
        view = memoryview(piece)
        while view:
            done = os.write(fd, view)
            view = view[done:]


# --- fsspec ----------------------------------------------------------------------------------


class FsspecStore(Store):
    """Any fsspec filesystem (S3, GCS, Azure, memory...) under a root path.

    Build one with :func:`open_store`. It cannot be pickled (its filesystem may hold
    credentials): ship the URL to a worker and open the store there.
    """

    def __init__(self, fs: Any, root: str, *, url: str, part_size: int = DEFAULT_PART_SIZE) -> None:
        if part_size < _MIN_PART_SIZE:
            raise InvalidRequestError(
                f"part_size must be at least {_MIN_PART_SIZE} bytes (5 MiB), got {part_size}", field="part_size"
            )
        self._fs = fs
        self._root = root.rstrip("/")
        self.url = url
        self.part_size = part_size
        protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
        self._direct = protocol in _DIRECT_PROTOCOLS
        self._typed = protocol in ("s3", "s3a")  # s3fs takes ContentType: a page or picture opens in a browser

    def __reduce__(self) -> Any:
        raise TypeError(f"{self!r} cannot be pickled (it may hold credentials); pass its URL and call open_store")

    def _path(self, name: str) -> str:
        return f"{self._root}/{name}" if self._root else name

    async def write(self, name: str, chunks: AsyncIterable[bytes], *, size: int | None = None) -> int:
        check_name(name)
        final = self._path(name)
        if self._direct:
            target = final
        else:
            head, _, leaf = final.rpartition("/")
            target = f"{head}/.{leaf[:80]}.{uuid.uuid4().hex[:12]}.part" if head else f".{leaf}.part"
        stream = chunks.__aiter__()
        pending: list[bytes] = []
        buffered = 0
        async for chunk in stream:  # the source's own errors go to the caller as they are
            pending.append(bytes(chunk))
            buffered += len(chunk)
            if buffered >= _LOCAL_BUFFER:
                break
        else:  # a small object, whole in memory: one request (and one trip to a worker thread)
            if size is not None and buffered != size:
                raise _size_mismatch(name, buffered, size)
            await self._call(f"writing {name}", name, self._put_whole, target, final, b"".join(pending))
            return buffered
        handle: Any = None
        moved = False
        written = 0
        try:
            handle = await self._call(f"writing {name}", name, self._open_for_write, target)
            await self._call(f"writing {name}", name, _write_pieces, handle, pending)
            written, pending, buffered = buffered, [], 0
            async for chunk in stream:
                pending.append(bytes(chunk))
                buffered += len(chunk)
                if buffered >= _LOCAL_BUFFER:
                    await self._call(f"writing {name}", name, _write_pieces, handle, pending)
                    written += buffered
                    pending, buffered = [], 0
            if pending:
                await self._call(f"writing {name}", name, _write_pieces, handle, pending)
                written += buffered
            if size is not None and written != size:
                raise _size_mismatch(name, written, size)
            await self._call(f"writing {name}", name, handle.close)  # completes the upload: the object appears now
            handle = None
            if target != final:
                await self._call(f"writing {name}", name, self._fs.mv, target, final)
            moved = True
        finally:
            if handle is not None:
                await _in_thread(_discard, handle)
            if target != final and not moved:
                with contextlib.suppress(Exception):
                    await _in_thread(self._remove_if_present, target)
        return written

    async def _call(self, doing: str, name: str | None, function: Callable[..., T], *args: Any) -> T:
        """Run a blocking filesystem call on a thread; its failures become :class:`StorageError`."""
        try:
            return await asyncio.to_thread(function, *args)
        except ApiframeError:
            raise
        except Exception as error:
            raise StorageError(f"{doing} in {self.url} failed: {_describe(error)}", name=name) from None

    def _put_whole(self, target: str, final: str, data: bytes) -> None:
        """Write a small object in one request: straight to its name, or to ``target`` then moved."""
        if target == final:
            self._fs.pipe_file(final, data, **self._content_type(final))  # shown once the PUT completes
            return
        head = target.rpartition("/")[0]
        if head:
            self._fs.makedirs(head, exist_ok=True)
        try:
            self._fs.pipe_file(target, data)
            self._fs.mv(target, final)
        except BaseException:
            with contextlib.suppress(Exception):
                self._remove_if_present(target)
            raise

    def _open_for_write(self, path: str) -> Any:
        head = path.rpartition("/")[0]
        if head and not self._direct:
            self._fs.makedirs(head, exist_ok=True)
        return self._fs.open(path, "wb", block_size=self.part_size, **self._content_type(path))

    def _content_type(self, path: str) -> dict[str, str]:
        """The object's ``ContentType`` where the store takes one (S3): a page or picture opens in a browser."""
        kind = mimetypes.guess_type(path)[0] if self._typed else None
        return {"ContentType": kind} if kind else {}

    def _remove_if_present(self, path: str) -> None:
        if self._fs.exists(path):
            self._fs.rm_file(path)

    async def write_bytes(self, name: str, data: bytes) -> None:
        async def one() -> AsyncIterable[bytes]:
            yield data

        await self.write(name, one(), size=len(data))

    async def read_bytes(self, name: str, *, limit: int = MAX_SMALL_OBJECT) -> bytes:
        check_name(name)
        found = await self.size(name)
        if found is None:
            raise StorageError(f"{name} does not exist in {self.url}", name=name)
        if found > limit:
            raise StorageError(f"{name} in {self.url} holds {found} bytes, more than the {limit} expected", name=name)
        if found == 0:
            return b""
        try:
            data: bytes = await asyncio.to_thread(self._fs.cat_file, self._path(name))
        except FileNotFoundError:
            raise StorageError(f"{name} does not exist in {self.url}", name=name) from None
        except Exception as error:
            raise StorageError(f"reading {name} in {self.url} failed: {_describe(error)}", name=name) from None
        if len(data) > limit:
            raise StorageError(f"{name} in {self.url} grew past {limit} bytes while read", name=name)
        return data

    async def size(self, name: str) -> int | None:
        check_name(name)
        return await _in_thread(self._size, name)

    def _size(self, name: str) -> int | None:
        path = self._path(name)
        try:
            self._fs.invalidate_cache(path)
            info: Mapping[str, Any] = self._fs.info(path)
        except FileNotFoundError:
            return None
        except Exception as error:
            raise StorageError(f"checking {name} in {self.url} failed: {_describe(error)}", name=name) from None
        if info.get("type") != "file":
            raise StorageError(f"{name} in {self.url} is a folder, not an object", name=name)
        return int(info.get("size") or 0)

    async def objects(self, prefix: str = "") -> list[ObjectInfo]:
        parts = _prefix_parts(prefix)
        return await _in_thread(self._list, "/".join(parts))

    async def walk(self, prefix: str = "") -> AsyncIterator[list[ObjectInfo]]:
        pages = getattr(self._fs, "_iterdir", None)
        loop = getattr(self._fs, "loop", None)
        if pages is None or loop is None or getattr(self._fs, "version_aware", False):
            async for batch in super().walk(prefix):  # no paged listing: all at once
                yield batch
            return
        parts = _prefix_parts(prefix)
        base = self._path("/".join(parts)) if parts else self._root
        bucket, _, key = base.partition("/")
        # s3fs lists page by page on its own event loop (keys in order, so a folder's objects
        # come together); a few thousand are fetched at a time, never the whole listing.
        listing = pages(bucket, delimiter="", prefix=f"{key}/" if key else "")
        try:
            while True:
                try:
                    found = await asyncio.wrap_future(
                        asyncio.run_coroutine_threadsafe(_take(listing, _WALK_BATCH), loop)
                    )
                except FileNotFoundError:
                    return
                except Exception as error:
                    raise StorageError(
                        f"listing {prefix or 'the objects'} in {self.url} failed: {_describe(error)}"
                    ) from None
                batch = [item for item in map(self._object, found) if item is not None]
                if batch:
                    yield batch
                if len(found) < _WALK_BATCH:
                    return
        finally:
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(listing.aclose(), loop)

    def _object(self, info: Mapping[str, Any]) -> ObjectInfo | None:
        """An entry of a listing as an object of this store, or None (not under the root, not ours)."""
        path = str(info.get("name", ""))
        if self._root:
            if not path.startswith(self._root + "/"):
                return None
            name = path[len(self._root) + 1 :]
        else:
            name = path.lstrip("/")
        if info.get("type") != "file" or not all(_SEGMENT.fullmatch(part) for part in name.split("/")):
            return None  # temporary objects of unfinished writes, and names the store never writes
        return ObjectInfo(name, int(info.get("size") or 0))

    def _list(self, prefix: str) -> list[ObjectInfo]:
        base = self._path(prefix) if prefix else self._root
        try:
            self._fs.invalidate_cache(base)
            found: Mapping[str, Mapping[str, Any]] = self._fs.find(base, detail=True)
        except FileNotFoundError:
            return []
        except Exception as error:
            raise StorageError(f"listing {prefix or 'the objects'} in {self.url} failed: {_describe(error)}") from None
        listed = [item for path, info in found.items() if (item := self._object({**info, "name": path}))]
        listed.sort(key=lambda item: item.name)
        return listed


def _write_pieces(handle: Any, pieces: list[bytes]) -> None:
    for piece in pieces:
        handle.write(piece)


def _discard(handle: Any) -> None:
    """Drop an unfinished upload: abort it (a multipart upload) and make sure closing never completes it."""
    with contextlib.suppress(Exception):
        discard = getattr(handle, "discard", None)
        if callable(discard):
            discard()
    with contextlib.suppress(Exception):
        handle.closed = True  # fsspec files complete the upload on close, even from __del__


def _describe(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) <= 300 else text[:300] + "..."


# --- choosing a store ------------------------------------------------------------------------


def open_store(out: str | os.PathLike[str], *, part_size: int = DEFAULT_PART_SIZE, **storage_options: Any) -> Store:
    """The store for ``out``: a local folder (a path or ``file://`` URL) or any fsspec URL.

    ``s3://bucket/prefix``, ``gs://``, ``az://``, ``memory://`` ... need the ``s3`` extra
    (fsspec and s3fs) or the fsspec package for that
    protocol; ``storage_options`` go to the filesystem (for example
    ``client_kwargs={"endpoint_url": ...}`` for an S3-compatible server).
    """
    if isinstance(out, os.PathLike):
        return LocalStore(out)
    if not isinstance(out, str) or not out.strip():
        raise InvalidRequestError(f"out must be a folder path or a storage URL, got {out!r}", field="out")
    if "://" not in out:
        return LocalStore(out)
    try:
        parts = urlsplit(out)
        shown = _display_url(out)
    except ValueError as error:  # such as an unclosed '[': the URL is not echoed
        raise InvalidRequestError(f"out is not a storage URL: {error}", field="out") from None
    protocol = parts.scheme.lower()
    if protocol == "file":
        if parts.netloc not in ("", "localhost"):
            raise InvalidRequestError(
                f"out {shown} names another host; file:// URLs are local (file:///path/to/folder)", field="out"
            )
        if not parts.path:
            raise InvalidRequestError("out file:// URL names no folder (file:///path/to/folder)", field="out")
        return LocalStore(unquote(parts.path))
    if "@" in parts.netloc:
        raise InvalidRequestError(
            f"out {shown} carries a user or password in its URL, which is never read from there: give the "
            "storage's credentials through its usual environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, "
            "~/.aws, an instance role) or storage_options",
            field="out",
        )
    if parts.query or parts.fragment or out.rstrip().endswith(("?", "#")):
        raise InvalidRequestError(
            f"out {shown} has a query or fragment ('?...' or '#...'): a storage location is "
            f"{protocol}://bucket/prefix; give options (credentials included) through storage_options",
            field="out",
        )
    if not parts.netloc and protocol != "memory":
        raise InvalidRequestError(f"out {shown} names no bucket or container ({protocol}://bucket/prefix)", field="out")
    try:
        import fsspec  # type: ignore[import-untyped]
    except ImportError as error:
        from .._extras import missing_extra

        raise ConfigurationError(missing_extra("s3", error, f"out {shown}")) from None
    try:
        fs, root = fsspec.core.url_to_fs(out, skip_instance_cache=True, **storage_options)
    except ImportError as error:
        from .._extras import install_hint

        extra = f" (the s3 extra: {install_hint('s3')})" if protocol in ("s3", "s3a") else ""
        raise ConfigurationError(
            f"out {shown} needs the fsspec package for {protocol}://{extra}: {_describe(error)}"
        ) from None
    except ValueError as error:
        raise InvalidRequestError(
            f"out {shown} is not a storage URL fsspec knows: {_describe(error)}", field="out"
        ) from None
    return FsspecStore(fs, str(root).rstrip("/"), url=shown, part_size=part_size)


def _display_url(url: str) -> str:
    """The URL without any user, password or query (which may carry credentials)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    with contextlib.suppress(ValueError):  # a port that is no number is left out, never echoed
        if parts.port is not None:
            host = f"{host}:{parts.port}"
    return f"{parts.scheme}://{host}{parts.path}"
