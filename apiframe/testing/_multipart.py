"""Parse ``multipart/form-data`` incrementally, streaming file parts to disk.

A request body is never held whole in memory: chunks from the ASGI stream are
fed to python-multipart's streaming parser, file parts are sniffed from their
first bytes and written straight to a file, and a part that is too large or of
an unsupported type is discarded as it arrives (the rest of the body is still
read so the client receives a proper response).
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from ._sniff import SNIFF_BYTES, Sniffed, sniff
from ._validation import json_text

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

__all__ = ["FilePart", "FilePolicy", "MultipartError", "MultipartForm", "parse_multipart"]

_MAX_FIELD_BYTES = 64 * 1024
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class MultipartError(ValueError):
    """The body is not well-formed multipart/form-data."""


@dataclass
class FilePart:
    """One file part of the form, stored under ``path`` unless rejected."""

    field: str
    filename: str
    size: int = 0
    sniffed: Sniffed | None = None
    path: Path | None = None
    error: str | None = None


@dataclass
class MultipartForm:
    """Text fields and file parts of a parsed form."""

    fields: dict[str, list[str]] = field(default_factory=dict)
    files: list[FilePart] = field(default_factory=list)
    error: str | None = None
    """A form-wide problem, e.g. the total size limit was exceeded."""

    def cleanup(self) -> None:
        """Delete every stored file part."""
        for part in self.files:
            if part.path is not None:
                part.path.unlink(missing_ok=True)
                part.path = None


@dataclass(frozen=True)
class FilePolicy:
    """Which files are accepted and how large they may be."""

    limit_for: Callable[[Sniffed], int]
    """Maximum bytes for a recognised file."""
    accept: Callable[[Sniffed | None], str | None]
    """Return an error message for a file that must be refused, else None."""
    total_limit: int | None = None


def safe_filename(name: str, fallback: str) -> str:
    """A filename safe to use in a URL path and on disk."""
    cleaned = _UNSAFE.sub("-", Path(name).name).strip("-.")
    return cleaned[:100] or fallback


class _FileSink:
    def __init__(self, part: FilePart, directory: Path, policy: FilePolicy) -> None:
        self.part = part
        self.directory = directory
        self.policy = policy
        self.head = bytearray()
        self.handle: IO[bytes] | None = None
        self.limit = 0
        self.discarding = False

    def write(self, chunk: bytes) -> None:
        if self.discarding or not chunk:
            self.part.size += len(chunk)
            return
        if self.handle is None:
            self.head.extend(chunk)
            self.part.size += len(chunk)
            if len(self.head) >= SNIFF_BYTES:
                self._open()
            return
        self.part.size += len(chunk)
        if self.part.size > self.limit:
            self._reject_size()
            return
        self.handle.write(chunk)

    def _open(self) -> None:
        sniffed = sniff(bytes(self.head[:SNIFF_BYTES]))
        self.part.sniffed = sniffed
        problem = self.policy.accept(sniffed)
        if problem is not None or sniffed is None:
            self.part.error = problem or "unsupported file type"
            self.discarding = True
            self.head.clear()
            return
        self.limit = self.policy.limit_for(sniffed)
        if self.part.size > self.limit:
            self._reject_size()
            return
        path = self.directory / f"{uuid.uuid4().hex}.part"
        self.handle = open(path, "wb")  # noqa: SIM115 - closed in finish()/_reject_size()
        self.part.path = path
        self.handle.write(bytes(self.head))
        self.head.clear()

    def _reject_size(self) -> None:
        kind = self.part.sniffed.kind if self.part.sniffed else "file"
        self.part.error = (
            f"file too large: a {kind} upload may be at most {self.limit} bytes ({self.limit / (1024 * 1024):g} MB)"
        )
        self._drop()

    def _drop(self) -> None:
        self.discarding = True
        self.head.clear()
        if self.handle is not None:
            self.handle.close()
            self.handle = None
        if self.part.path is not None:
            self.part.path.unlink(missing_ok=True)
            self.part.path = None

    def finish(self) -> None:
        if not self.discarding and self.handle is None:
            if not self.head:
                self.part.error = "the file is empty"
                self.discarding = True
                return
            self._open()
        if self.handle is not None:
            self.handle.close()
            self.handle = None

    def abort(self) -> None:
        self._drop()


class _FormBuilder:
    def __init__(self, directory: Path, policy: FilePolicy) -> None:
        self.directory = directory
        self.policy = policy
        self.form = MultipartForm()
        self.header_name = bytearray()
        self.header_value = bytearray()
        self.headers: dict[str, str] = {}
        self.field_name: str | None = None
        self.field_value = bytearray()
        self.sink: _FileSink | None = None
        self.file_bytes = 0

    def callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self.on_part_begin,
            "on_header_field": self.on_header_field,
            "on_header_value": self.on_header_value,
            "on_header_end": self.on_header_end,
            "on_headers_finished": self.on_headers_finished,
            "on_part_data": self.on_part_data,
            "on_part_end": self.on_part_end,
        }

    def on_part_begin(self) -> None:
        self.headers = {}
        self.field_name = None
        self.field_value = bytearray()
        self.sink = None

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self.header_name.extend(data[start:end])

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self.header_value.extend(data[start:end])

    def on_header_end(self) -> None:
        name = self.header_name.decode("latin-1").strip().lower()
        self.headers[name] = self.header_value.decode("latin-1").strip()
        self.header_name = bytearray()
        self.header_value = bytearray()

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self.headers.get("content-disposition", ""))
        name = _text(options.get(b"name", b""))
        filename = options.get(b"filename")
        if filename is None:
            self.field_name = name
            return
        part = FilePart(field=name, filename=_text(filename))
        self.form.files.append(part)
        self.sink = _FileSink(part, self.directory, self.policy)

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        if self.sink is not None:
            self.file_bytes += len(chunk)
            total = self.policy.total_limit
            if total is not None and self.file_bytes > total and self.form.error is None:
                self.form.error = f"the files add up to more than {total} bytes"
                for part in self.form.files:
                    if part.path is not None and part is not self.sink.part:
                        part.path.unlink(missing_ok=True)
                        part.path = None
                self.sink.abort()
            self.sink.write(chunk)
        elif self.field_name is not None:
            if len(self.field_value) + len(chunk) > _MAX_FIELD_BYTES:
                self.form.error = f"form field {json_text(self.field_name)} exceeds {_MAX_FIELD_BYTES} bytes"
                return
            self.field_value.extend(chunk)

    def on_part_end(self) -> None:
        if self.sink is not None:
            self.sink.finish()
            self.sink = None
        elif self.field_name is not None:
            value = self.field_value.decode("utf-8", errors="replace")
            self.form.fields.setdefault(self.field_name, []).append(value)
            self.field_name = None


def _text(raw: bytes) -> str:
    return raw.decode("latin-1").encode("latin-1").decode("utf-8", errors="replace")


async def parse_multipart(
    stream: AsyncIterator[bytes],
    content_type: str,
    *,
    directory: Path,
    policy: FilePolicy,
) -> MultipartForm:
    """Parse a multipart body chunk by chunk; file parts land in ``directory``."""
    kind, options = parse_options_header(content_type)
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise MultipartError(
            "send the body as multipart/form-data with a boundary "
            f"(got Content-Type {json_text(content_type) if content_type else 'none'})"
        )
    os.makedirs(directory, exist_ok=True)
    builder = _FormBuilder(directory, policy)
    parser = MultipartParser(boundary, builder.callbacks())
    try:
        async for chunk in stream:
            if chunk:
                parser.write(chunk)
        parser.finalize()
    except MultipartParseError as exc:
        if builder.sink is not None:
            builder.sink.abort()
        builder.form.cleanup()
        raise MultipartError(f"malformed multipart body: {exc}") from exc
    except BaseException:
        if builder.sink is not None:
            builder.sink.abort()
        builder.form.cleanup()
        raise
    if builder.sink is not None:
        # The body ended inside a part: treat it as truncated.
        builder.sink.abort()
        builder.form.cleanup()
        raise MultipartError("the multipart body ended before its closing boundary")
    return builder.form
