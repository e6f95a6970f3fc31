"""File inputs for uploads: anything a caller may pass as a file, as a validated :class:`FileSource`.

:func:`file_source` turns a path, bytes, a binary file object, an iterable of bytes, or an
httpx-style ``(filename, file[, content_type])`` tuple into a :class:`FileSource`, validating it
before any request is sent.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
from collections.abc import (
    AsyncIterable,
    AsyncIterator,
    Callable,
    Generator,
    Iterable,
    Iterator,
    Mapping,
)
from pathlib import Path
from typing import Any, BinaryIO, TypeAlias, TypeVar

from .._errors import InvalidRequestError
from .._plural import counted
from ._sniff import SNIFF_BYTES as _SNIFF_SIZE
from ._sniff import default_name as _default_name
from ._sniff import pick_type as _pick_type

__all__ = ["DEFAULT_CHUNK_SIZE", "FileContent", "FileInput", "FileSource", "file_source"]

DEFAULT_CHUNK_SIZE = 64 * 1024
"""Bytes read from a file per chunk while streaming (64 KiB)."""

_T = TypeVar("_T")

FileContent: TypeAlias = (
    str | os.PathLike[str] | bytes | bytearray | memoryview | BinaryIO | Iterable[bytes] | AsyncIterable[bytes]
)
"""The content of a file: a path, bytes, a binary file object or an (async) iterable of bytes."""

FileInput: TypeAlias = FileContent | tuple[str | None, FileContent] | tuple[str | None, FileContent, str | None]
"""A :data:`FileContent`, optionally as ``(filename, content)`` or
``(filename, content, content_type)`` like httpx accepts."""

_ACCEPTED = (
    "a path (str or pathlib.Path), bytes/bytearray/memoryview, a binary file object "
    "(open(path, 'rb'), io.BytesIO), an iterable of bytes (with filename=), "
    "or a (filename, file[, content_type]) tuple"
)


class FileSource:
    """A validated file ready to stream: ``filename``, ``content_type`` and ``size``.

    ``size`` is ``None`` when unknown (iterators, non-seekable streams). ``replayable`` is
    ``True`` when the content can be read again (paths, bytes, seekable file objects), which
    a retry needs; a one-shot source raises :class:`InvalidRequestError` if read twice.
    Build instances with :func:`file_source`.
    """

    filename: str
    content_type: str
    size: int | None
    replayable: bool
    _field: str
    _consumed: bool
    _blocking: bool

    def __init__(
        self,
        *,
        filename: str,
        content_type: str,
        size: int | None,
        replayable: bool,
        field: str,
        blocking: bool = True,
    ) -> None:
        self.filename = filename
        self.content_type = content_type
        self.size = size
        self.replayable = replayable
        self._field = field
        self._consumed = False
        self._blocking = blocking

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(filename={self.filename!r}, content_type={self.content_type!r}, size={self.size!r})"
        )

    def _claim(self) -> None:
        if not self.replayable:
            if self._consumed:
                raise InvalidRequestError(
                    f"{self._field}: {self.filename!r} is a one-shot stream that was already "
                    "read; pass a path, bytes or a seekable binary file to send it again "
                    "(retries need a replayable source).",
                    field=self._field,
                )
            self._consumed = True

    def iter_chunks(self, chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[bytes]:
        """Yield the content in chunks of at most ``chunk_size`` bytes (paths open lazily)."""
        _check_chunk_size(chunk_size)
        self._claim()
        return self._chunks(chunk_size)

    def aiter_chunks(self, chunk_size: int = DEFAULT_CHUNK_SIZE) -> AsyncIterator[bytes]:
        """Like :meth:`iter_chunks`, but blocking reads run in a worker thread."""
        _check_chunk_size(chunk_size)
        self._claim()
        return self._achunks(chunk_size)

    def _chunks(self, chunk_size: int) -> Generator[bytes, None, None]:
        raise NotImplementedError  # pragma: no cover

    async def _achunks(self, chunk_size: int) -> AsyncIterator[bytes]:
        chunks = self._chunks(chunk_size)
        if not self._blocking:
            for piece in chunks:
                yield piece
            return
        try:
            while True:
                chunk: bytes | None = await _to_thread(lambda: next(chunks, None))
                if chunk is None:
                    return
                yield chunk
        finally:
            # ValueError: a worker thread is still inside the generator (cancelled read).
            with contextlib.suppress(ValueError):
                chunks.close()


class _BytesSource(FileSource):
    def __init__(self, data: memoryview, **kwargs: Any) -> None:
        super().__init__(size=data.nbytes, replayable=True, blocking=False, **kwargs)
        self._data = data

    def _chunks(self, chunk_size: int) -> Generator[bytes, None, None]:
        data = self._data
        for start in range(0, data.nbytes, chunk_size):
            yield bytes(data[start : start + chunk_size])


class _ChunkListSource(FileSource):
    def __init__(self, chunks: list[bytes], **kwargs: Any) -> None:
        super().__init__(size=sum(len(c) for c in chunks), replayable=True, blocking=False, **kwargs)
        self._chunk_list = chunks

    def _chunks(self, chunk_size: int) -> Generator[bytes, None, None]:
        for chunk in self._chunk_list:
            for start in range(0, len(chunk), chunk_size):
                yield chunk[start : start + chunk_size]


class _PathSource(FileSource):
    def __init__(self, path: Path, size: int, **kwargs: Any) -> None:
        super().__init__(size=size, replayable=True, **kwargs)
        self._path = path

    def _chunks(self, chunk_size: int) -> Generator[bytes, None, None]:
        try:
            f = open(self._path, "rb")  # noqa: SIM115 - closed by the with block below
        except OSError as exc:
            raise InvalidRequestError(
                f"{self._field}: cannot open {str(self._path)!r} ({exc.strerror or exc}); "
                "keep the file in place and readable until the upload finishes.",
                field=self._field,
            ) from exc
        with f:
            yield from _read_exactly(f, self.size or 0, chunk_size, self._field, self.filename)


class _SeekableSource(FileSource):
    def __init__(self, fileobj: BinaryIO, start: int, size: int, **kwargs: Any) -> None:
        super().__init__(size=size, replayable=True, **kwargs)
        self._file = fileobj
        self._start = start

    def _chunks(self, chunk_size: int) -> Generator[bytes, None, None]:
        self._file.seek(self._start)
        yield from _read_exactly(self._file, self.size or 0, chunk_size, self._field, self.filename)


class _StreamSource(FileSource):
    def __init__(self, fileobj: BinaryIO, head: bytes, **kwargs: Any) -> None:
        super().__init__(size=None, replayable=False, **kwargs)
        self._file = fileobj
        self._head = head

    def _chunks(self, chunk_size: int) -> Generator[bytes, None, None]:
        head, self._head = self._head, b""
        if head:
            yield head
        while True:
            chunk: Any = self._file.read(chunk_size)
            if not chunk:
                return
            yield _as_bytes(chunk, self._field)


class _IterableSource(FileSource):
    def __init__(self, iterator: Iterator[Any], head: list[bytes], **kwargs: Any) -> None:
        super().__init__(size=None, replayable=False, **kwargs)
        self._iterator = iterator
        self._head = head

    def _chunks(self, chunk_size: int) -> Generator[bytes, None, None]:
        head, self._head = self._head, []
        yield from head
        for chunk in self._iterator:
            data = _as_bytes(chunk, self._field)
            if data:
                yield data


class _AsyncIterableSource(FileSource):
    def __init__(self, iterable: AsyncIterable[Any], **kwargs: Any) -> None:
        super().__init__(size=None, replayable=False, **kwargs)
        self._iterable = iterable

    def iter_chunks(self, chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[bytes]:
        raise InvalidRequestError(
            f"{self._field}: an async iterable can only be uploaded with the async client; "
            "pass a path, bytes, a file object or a sync iterable to the sync client.",
            field=self._field,
        )

    async def _achunks(self, chunk_size: int) -> AsyncIterator[bytes]:
        async for chunk in self._iterable:
            data = _as_bytes(chunk, self._field)
            if data:
                yield data


def _check_chunk_size(chunk_size: int) -> None:
    if not isinstance(chunk_size, int) or isinstance(chunk_size, bool) or chunk_size <= 0:
        raise ValueError(f"chunk_size must be a positive int, got {chunk_size!r}")


def _as_bytes(chunk: object, field: str) -> bytes:
    if isinstance(chunk, bytes):
        return chunk
    if isinstance(chunk, (bytearray, memoryview)):
        return bytes(chunk)
    if isinstance(chunk, str):
        raise InvalidRequestError(
            f"{field}: the file yielded text (str), not bytes; open it in binary mode 'rb' "
            "or encode the text (text.encode()).",
            field=field,
        )
    raise InvalidRequestError(f"{field}: the file yielded {type(chunk).__name__}, expected bytes chunks.", field=field)


def _read_exactly(
    fileobj: BinaryIO, size: int, chunk_size: int, field: str, filename: str
) -> Generator[bytes, None, None]:
    remaining = size
    while remaining > 0:
        chunk: Any = fileobj.read(min(chunk_size, remaining))
        if not chunk:
            raise InvalidRequestError(
                f"{field}: {filename!r} shrank while being uploaded ({size - remaining} of "
                f"{size} bytes read); do not modify a file while it is being sent.",
                field=field,
            )
        data = _as_bytes(chunk, field)
        remaining -= len(data)
        yield data


async def _to_thread(func: Callable[[], _T]) -> _T:
    try:
        from anyio import to_thread
    except ImportError:  # pragma: no cover - anyio ships with httpx
        import asyncio  # loaded with the first async upload, not with the SDK

        return await asyncio.to_thread(func)
    return await to_thread.run_sync(func)


def _short(value: str, limit: int = 120) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "...")


def _check_text(value: object, what: str, field: str, *, header: bool = False) -> str:
    if not isinstance(value, str) or not value:
        raise InvalidRequestError(f"{field}: {what} must be a non-empty str, got {value!r}.", field=field)
    # Filenames are percent-escaped when encoded; header values cannot be.
    if header and ("\r" in value or "\n" in value or "\x00" in value):
        raise InvalidRequestError(
            f"{field}: {what} {_short(value)} contains a line break or NUL; remove it.",
            field=field,
        )
    return value


def _object_name(fileobj: object) -> str | None:
    name: Any = getattr(fileobj, "name", None)
    if isinstance(name, bytes):
        name = os.fsdecode(name)
    if not isinstance(name, str) or not name or (name.startswith("<") and name.endswith(">")):
        return None
    return os.path.basename(name) or None


def file_source(
    file: FileInput | FileSource,
    *,
    filename: str | None = None,
    content_type: str | None = None,
    field: str = "file",
) -> FileSource:
    """Validate ``file`` now and describe how to stream it.

    ``filename`` defaults to the path's or file object's name (``"file.<ext>"`` for bytes
    whose type is recognised, else ``"upload.bin"``); ``content_type`` defaults to the type
    sniffed from the first bytes, then to a guess from the filename, then to
    ``application/octet-stream``. Raises :class:`InvalidRequestError` (naming ``field``) for a
    missing, directory or unreadable path, a text-mode file, an iterator without
    ``filename`` or an unsupported type.
    """
    if filename is not None:
        _check_text(filename, "filename", field)
    if content_type is not None:
        _check_text(content_type, "content_type", field, header=True)
        if "/" not in content_type:
            raise InvalidRequestError(
                f"{field}: content_type {content_type!r} is not a media type; "
                "use a 'type/subtype' value such as 'image/png'.",
                field=field,
            )

    content: object = file
    if isinstance(file, tuple):
        content, filename, content_type = _unpack_tuple(file, filename, content_type, field)

    if isinstance(content, FileSource):
        return content
    if isinstance(content, (str, os.PathLike)):
        return _path_source(content, filename, content_type, field)
    if isinstance(content, (bytes, bytearray, memoryview)):
        view = memoryview(content)
        if not view.contiguous:
            view = memoryview(view.tobytes())
        view = view.cast("B")
        ctype = _pick_type(content_type, bytes(view[:_SNIFF_SIZE]), filename)
        return _BytesSource(view, filename=filename or _default_name(ctype), content_type=ctype, field=field)
    mode: object = getattr(content, "mode", None)
    if isinstance(content, io.TextIOBase) or (isinstance(mode, str) and "b" not in mode and hasattr(content, "read")):
        raise InvalidRequestError(
            f"{field}: the file object is open in text mode; open the file in binary mode "
            "'rb' (open(path, 'rb')) or pass its path.",
            field=field,
        )
    if callable(getattr(content, "read", None)):
        return _fileobj_source(content, filename, content_type, field)
    if isinstance(content, Mapping):
        raise _type_error(content, field)
    if isinstance(content, (list, tuple)):
        chunks = [_as_bytes(chunk, field) for chunk in content]
        if filename is None:
            raise _needs_filename(field)
        head = b"".join(chunks)[:_SNIFF_SIZE] if content_type is None else None
        ctype = _pick_type(content_type, head, filename)
        return _ChunkListSource(chunks, filename=filename, content_type=ctype, field=field)
    if isinstance(content, Iterable):
        if filename is None:
            raise _needs_filename(field)
        iterator: Iterator[Any] = iter(content)
        peeked: list[bytes] = []
        if content_type is None:
            peeked = _peek_iterator(iterator, field)
        ctype = _pick_type(content_type, b"".join(peeked)[:_SNIFF_SIZE], filename)
        return _IterableSource(iterator, peeked, filename=filename, content_type=ctype, field=field)
    if isinstance(content, AsyncIterable):
        if filename is None:
            raise _needs_filename(field)
        ctype = _pick_type(content_type, None, filename)
        return _AsyncIterableSource(content, filename=filename, content_type=ctype, field=field)
    raise _type_error(content, field)


def _unpack_tuple(
    value: tuple[Any, ...], filename: str | None, content_type: str | None, field: str
) -> tuple[object, str | None, str | None]:
    if len(value) not in (2, 3) or not isinstance(value[0], (str, type(None))):
        raise InvalidRequestError(
            f"{field}: a tuple must be (filename, file) or (filename, file, content_type), "
            f"got a tuple of {counted(len(value), 'item')}.",
            field=field,
        )
    name: str | None = value[0]
    ctype: str | None = value[2] if len(value) == 3 else None
    if name is not None:
        _check_text(name, "filename", field)
    if ctype is not None:
        _check_text(ctype, "content_type", field, header=True)
    if isinstance(value[1], tuple):
        raise _type_error(value[1], field)
    return value[1], filename or name, content_type or ctype


def _type_error(content: object, field: str) -> InvalidRequestError:
    return InvalidRequestError(f"{field}: cannot upload a {type(content).__name__}; pass {_ACCEPTED}.", field=field)


def _needs_filename(field: str) -> InvalidRequestError:
    return InvalidRequestError(
        f"{field}: an iterator of bytes has no name; pass filename= (for example "
        "filename='clip.mp4') so the server can tell the file type.",
        field=field,
    )


def _peek_iterator(iterator: Iterator[Any], field: str) -> list[bytes]:
    peeked: list[bytes] = []
    total = 0
    while total < _SNIFF_SIZE:
        try:
            chunk = next(iterator)
        except StopIteration:
            break
        data = _as_bytes(chunk, field)
        if data:
            peeked.append(data)
            total += len(data)
    return peeked


def _path_source(raw: str | os.PathLike[Any], filename: str | None, content_type: str | None, field: str) -> FileSource:
    text = os.fsdecode(os.fspath(raw))
    path = Path(text).expanduser()
    shown = _short(text)
    hint = "pass the path of an existing file, or the file's content as bytes"
    try:
        info = path.stat()
    except FileNotFoundError:
        dangling = ""
        with contextlib.suppress(OSError, ValueError):
            dangling = " (a symbolic link whose target is missing)" if path.is_symlink() else ""
        raise InvalidRequestError(f"{field}: no such file: {shown}{dangling}; {hint}.", field=field) from None
    except (OSError, ValueError) as exc:
        raise InvalidRequestError(f"{field}: {shown} is not a usable path ({exc}); {hint}.", field=field) from None
    if stat.S_ISDIR(info.st_mode):
        raise InvalidRequestError(f"{field}: {shown} is a directory; pass the path of a file inside it.", field=field)
    if not stat.S_ISREG(info.st_mode):
        # Opening a FIFO blocks until a writer comes; a device may never end: neither can be streamed.
        raise InvalidRequestError(
            f"{field}: {shown} is not a regular file (a pipe, socket or device); pass a regular file, "
            "or read it yourself and pass bytes or an iterator of bytes with filename=.",
            field=field,
        )
    try:
        with open(path, "rb") as f:
            head = f.read(_SNIFF_SIZE)
    except PermissionError:
        raise InvalidRequestError(
            f"{field}: permission denied reading {shown}; make the file readable "
            "(chmod u+r) or pass its content as bytes.",
            field=field,
        ) from None
    except OSError as exc:
        raise InvalidRequestError(
            f"{field}: cannot read {shown} ({exc.strerror or exc}); {hint}.", field=field
        ) from None
    name = filename or path.name
    ctype = _pick_type(content_type, head, name)
    return _PathSource(path, info.st_size, filename=name, content_type=ctype, field=field)


def _fileobj_source(fileobj: Any, filename: str | None, content_type: str | None, field: str) -> FileSource:
    if getattr(fileobj, "closed", False) is True:
        raise InvalidRequestError(
            f"{field}: the file object is closed; pass it while still open, or pass its path.",
            field=field,
        )
    name = filename or _object_name(fileobj)
    start: int | None = None
    end = 0
    try:
        if fileobj.seekable():
            start = fileobj.tell()
            end = fileobj.seek(0, io.SEEK_END)
            fileobj.seek(start)
    except (AttributeError, OSError, ValueError):
        start = None
    if start is not None:
        head: Any = fileobj.read(_SNIFF_SIZE) if content_type is None or name is None else b""
        fileobj.seek(start)
        head = _as_bytes(head or b"", field)
        ctype = _pick_type(content_type, head, name)
        return _SeekableSource(
            fileobj,
            start,
            max(end - start, 0),
            filename=name or _default_name(ctype),
            content_type=ctype,
            field=field,
        )
    prefix = b""
    head = b""
    if content_type is None or name is None:
        peek = getattr(fileobj, "peek", None)
        if callable(peek):
            head = _as_bytes(peek(_SNIFF_SIZE), field)[:_SNIFF_SIZE]
        else:
            prefix = _as_bytes(fileobj.read(_SNIFF_SIZE) or b"", field)
            head = prefix
    ctype = _pick_type(content_type, head, name)
    return _StreamSource(fileobj, prefix, filename=name or _default_name(ctype), content_type=ctype, field=field)
