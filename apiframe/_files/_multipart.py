"""A streaming ``multipart/form-data`` encoder (RFC 7578): files are read chunk by chunk."""

from __future__ import annotations

import secrets
from collections.abc import (
    AsyncIterator,
    Iterator,
    Sequence,
)

from ._sources import DEFAULT_CHUNK_SIZE, FileSource, _check_chunk_size

__all__ = ["MultipartBody"]


def _quote(value: str) -> bytes:
    escaped = value.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
    return escaped.encode("utf-8")


_BOUNDARY_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=?")


class MultipartBody:
    """A ``multipart/form-data`` body (RFC 7578) streamed from its file sources.

    ``fields`` are ``(name, value)`` text parts; ``files`` are ``(name, FileSource)`` parts,
    written in that order after the fields. ``content_length`` is exact when every file size is
    known, else ``None``; ``replayable`` tells whether the body can be sent again (retries).
    """

    def __init__(
        self,
        fields: Sequence[tuple[str, str]],
        files: Sequence[tuple[str, FileSource]],
        boundary: str | None = None,
    ) -> None:
        if boundary is None:
            boundary = secrets.token_hex(16)
        if not 1 <= len(boundary) <= 70 or not set(boundary) <= _BOUNDARY_CHARS:
            raise ValueError(f"boundary must be 1-70 characters from [A-Za-z0-9'()+_,-./:=?], got {boundary!r}")
        self._boundary = boundary
        delimiter = b"--" + boundary.encode("ascii") + b"\r\n"
        self._parts: list[tuple[bytes, FileSource | None]] = []
        for name, value in fields:
            if not isinstance(name, str) or not isinstance(value, str):
                raise TypeError(f"form fields must be (str, str) pairs, got ({name!r}, {value!r})")
            part = (
                delimiter
                + b'Content-Disposition: form-data; name="'
                + _quote(name)
                + b'"\r\n\r\n'
                + value.encode("utf-8")
                + b"\r\n"
            )
            self._parts.append((part, None))
        for name, source in files:
            if not isinstance(source, FileSource):
                raise TypeError(f"files must be (str, FileSource) pairs; use file_source({name!r})")
            head = (
                delimiter
                + b'Content-Disposition: form-data; name="'
                + _quote(name)
                + b'"; filename="'
                + _quote(source.filename)
                + b'"\r\nContent-Type: '
                + source.content_type.encode("latin-1", "replace")
                + b"\r\n\r\n"
            )
            self._parts.append((head, source))
        self._closing = b"--" + boundary.encode("ascii") + b"--\r\n"

    @property
    def boundary(self) -> str:
        """The part delimiter (random unless given)."""
        return self._boundary

    @property
    def content_type(self) -> str:
        """The ``Content-Type`` header value, with the boundary."""
        return f"multipart/form-data; boundary={self._boundary}"

    @property
    def content_length(self) -> int | None:
        """The exact encoded size in bytes, or ``None`` when a file's size is unknown."""
        total = len(self._closing)
        for head, source in self._parts:
            total += len(head)
            if source is not None:
                if source.size is None:
                    return None
                total += source.size + 2
        return total

    @property
    def replayable(self) -> bool:
        """Whether every file can be read again, so the body can be re-sent."""
        return all(source.replayable for _, source in self._parts if source is not None)

    @property
    def headers(self) -> dict[str, str]:
        """``Content-Type`` and, when known, ``Content-Length`` headers for this body."""
        out = {"Content-Type": self.content_type}
        length = self.content_length
        if length is not None:
            out["Content-Length"] = str(length)
        return out

    def iter_bytes(self, chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[bytes]:
        """Yield the encoded body piece by piece; files are read lazily, chunk by chunk."""
        _check_chunk_size(chunk_size)
        pending = b""
        for head, source in self._parts:
            pending += head
            if source is None:
                continue
            chunks = source.iter_chunks(chunk_size)
            yield pending
            pending = b"\r\n"
            yield from chunks
        yield pending + self._closing

    async def aiter_bytes(self, chunk_size: int = DEFAULT_CHUNK_SIZE) -> AsyncIterator[bytes]:
        """Async :meth:`iter_bytes`: file reads and blocking iterators run in worker threads."""
        _check_chunk_size(chunk_size)
        pending = b""
        for head, source in self._parts:
            pending += head
            if source is None:
                continue
            chunks = source.aiter_chunks(chunk_size)
            yield pending
            pending = b"\r\n"
            async for chunk in chunks:
                yield chunk
        yield pending + self._closing
