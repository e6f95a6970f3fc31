"""Saving a job's result files: one engine, two sinks (a local folder, an object store).

The engine (:func:`download_flow`) is a flow, so both clients run it: it finds the job (an id,
a handle or a snapshot), checks that it COMPLETED with files that have not expired, names each
file ``<job_id>.<ext>`` (one output) or ``<job_id>-<n>.<ext>`` (the extension always one of the
SDK's own, chosen from the file's first bytes, else its content type or URL: :func:`extension_for`;
the id is the one the caller asked for, checked to be a plain file name, never one taken from the
server's answer), skips files already saved (unless ``overwrite``), and streams each one
from its host, never with the API key: redirects followed a bounded number of times, an HTML page
never saved as a file, the length checked against ``Content-Length``, a broken transfer restarted
under the one retry policy, every step within the download's deadline (``timeout=``, wall clock).

Where the bytes go is a :class:`Sink`: :class:`FolderSink` (``jobs.download(job, "dir")``) writes
each file to a hidden temporary file beside its destination and renames it into place, so a file
under its final name is always complete and nothing is written outside the folder; its disk I/O
runs on a worker thread under the async client. The batch's object stores adapt the same protocol
(``apiframe.batch``). :func:`open_flow` is the engine's lookup and transfer without a sink: the
caller reads the body (``jobs.with_streaming_response.download``).
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import threading
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Protocol, TypeVar
from urllib.parse import urlsplit

import httpx

from ._config import total_seconds
from ._deadline import Deadline
from ._errors import (
    APIResponseValidationError,
    APIStatusError,
    DownloadError,
    InvalidRequestError,
    JobCancelledError,
    JobFailedError,
    RequestTimeoutError,
    ResultExpiredError,
)
from ._files._sniff import (  # one table and one sniffer: uploads and downloads
    EXTENSIONS,
    SNIFF_BYTES,
    sniff_content_type,
)
from ._flow import Call, Close, Drain, Flow, Sleep, Stream
from ._job_flows import get_flow
from ._jobs import Job, Output
from ._options import NO_OPTIONS, CallOptions
from ._pipeline import short
from ._plural import counted
from ._retry import Retries, announce
from ._session import Session
from ._waiting import JobRef, job_id_of

__all__ = [
    "Body",
    "DownloadProgress",
    "FolderSink",
    "ProgressCallback",
    "Sink",
    "download_flow",
    "extension_for",
    "file_stem",
    "open_flow",
]

N = TypeVar("N", covariant=True)
_KNOWN_SUFFIXES = {extension: extension for extension in EXTENSIONS.values()} | {".jpeg": ".jpg", ".tif": ".tiff"}
"""A URL's suffix that names one of the SDK's extensions (its spelling of it)."""
_GONE = frozenset({403, 404, 410})
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FILE_DEADLINE = 3600.0
"""Seconds: without ``timeout=``, no single file transfer runs longer than this."""


@dataclass(frozen=True, slots=True)
class DownloadProgress:
    """Where a download stands: the file being written, bytes so far, and the total if known."""

    job_id: str
    path: Path
    received: int
    total: int | None
    index: int
    count: int


ProgressCallback = Callable[[DownloadProgress], object]


def extension_for(content_type: str | None, url: str, head: bytes = b"") -> str:
    """A result file's extension, always one of the SDK's own (:data:`EXTENSIONS`, else ``.bin``):
    from the file's first bytes when they tell, else from its content type, else from the URL's
    suffix when that is one of them. A server never chooses an extension the SDK does not know
    (``.exe``, ``.sh``, ``.hta``, ``.svg``, ``.html``)."""
    sniffed = sniff_content_type(head) if head else None
    if sniffed is not None and sniffed in EXTENSIONS:
        return EXTENSIONS[sniffed]
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind in EXTENSIONS:
        return EXTENSIONS[kind]
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    return _KNOWN_SUFFIXES.get(suffix, ".bin")


def file_stem(job_id: str, output: Output, count: int) -> str:
    """``<job_id>`` for a job's only file, ``<job_id>-<n>`` for each of several."""
    return job_id if count == 1 else f"{job_id}-{output.index}"


def checked_id(job_id: str) -> str:
    """A job id that can name a file: letters, digits, ``.``, ``_`` and ``-``, no ``..``."""
    if not isinstance(job_id, str) or not _SAFE_ID.fullmatch(job_id) or ".." in job_id:
        shown = repr(job_id[:60]) if isinstance(job_id, str) else type(job_id).__name__
        raise InvalidRequestError(
            f"job id {shown} cannot name a file: a job id is at most 200 letters, digits, '.', '_' or '-'; "
            "pass the id the API gave you",
            field="job",
        )
    return job_id


def _inside(directory: Path, path: Path) -> Path:
    """``path``, after checking that it resolves inside ``directory`` (no link or name leads out)."""
    if path.resolve().parent != directory.resolve():
        raise DownloadError(f"refusing to write {path.name}: it does not resolve inside {directory}")
    return path


def _existing(directory: Path, stem: str) -> Path | None:
    """The complete result file already saved for ``stem``, if any. Only a regular file counts: a
    link or anything else under that name is refused, never reported as the downloaded result."""
    for candidate in sorted(directory.glob(f"{glob.escape(stem)}.*")):
        if candidate.stem != stem:
            continue
        if candidate.is_symlink() or (candidate.exists() and not candidate.is_file()):
            raise DownloadError(
                f"refusing {candidate.name} in {directory}: it is a link or not a regular file; remove it "
                "and download again"
            )
        if candidate.is_file():
            return candidate
    return None


def _checked_outputs(job: Job) -> tuple[Output, ...]:
    status = str(job.status)
    if status == "FAILED":
        raise JobFailedError(f"job {job.id} failed, so it has no files to download: {job.error}", job=job)
    if status == "CANCELLED":
        raise JobCancelledError(f"job {job.id} was cancelled, so it has no files to download", job=job)
    if status != "COMPLETED":
        raise InvalidRequestError(
            f"job {job.id} is {status}, not COMPLETED yet: wait for it first (client.jobs.wait) and "
            "download the job it returns",
            field="job",
        )
    if job.expired is True:
        raise ResultExpiredError(
            f"the result files of job {job.id} have expired (the API keeps them 24 h by default); "
            "generate it again to get new files",
            job_id=str(job.id),
        )
    outputs = job.outputs
    if not outputs:
        raise InvalidRequestError(f"job {job.id} is COMPLETED but its result lists no file URL", field="job")
    return outputs


class _TempFile:
    """A hidden file beside ``directory/stem`` that becomes the final file only when complete.

    Its methods block (disk I/O): :class:`FolderSink` runs them through a ``Call`` effect (or a
    ``Drain``'s sink), which the async driver puts on a worker thread. Any failure of the disk (full, quota,
    file-size limit) while writing, syncing or renaming is a :class:`DownloadError`, and
    :meth:`discard` always removes the temporary file. A lock orders a write still running on a
    worker thread before a discard, so no write ever reaches a closed (or reused) descriptor.
    """

    def __init__(self, directory: Path, stem: str) -> None:
        self.directory = directory
        self.stem = stem
        self.path = _inside(directory, directory / f".{stem}.{uuid.uuid4().hex[:12]}.part")
        self.received = 0
        self._lock = threading.Lock()
        self._fd: int | None = None
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            self._fd = os.open(self.path, flags, 0o644)
        except OSError as error:
            raise DownloadError(f"cannot write into {directory}: {error.strerror or error}") from None

    def write(self, chunk: bytes) -> None:
        with self._lock:
            if self._fd is None:
                raise DownloadError(f"writing {self.path.name} failed: the file was already closed")
            view = memoryview(chunk)
            try:
                while view:
                    view = view[os.write(self._fd, view) :]
            except OSError as error:
                raise DownloadError(f"writing {self.path.name} failed: {error.strerror or error}") from None
            self.received += len(chunk)

    def finish(self, extension: str) -> Path:
        final = _inside(self.directory, self.directory / f"{self.stem}{extension}")
        with self._lock:
            try:
                if self._fd is None:
                    raise OSError("the file was already closed")
                os.fsync(self._fd)
                os.close(self._fd)
                self._fd = None
                os.replace(self.path, final)
            except OSError as error:
                raise DownloadError(f"saving {final} failed: {error.strerror or error}") from None
        return final

    def discard(self) -> None:
        with self._lock:
            if self._fd is not None:
                with contextlib.suppress(OSError):  # the disk already failed; the error raised says so
                    os.close(self._fd)
                self._fd = None
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)


def _expected_length(response: httpx.Response) -> int | None:
    if response.headers.get("content-encoding", "identity") != "identity":
        return None
    value = response.headers.get("content-length", "")
    return int(value) if value.isascii() and value.isdigit() else None


def _gone(error: APIStatusError, job_id: str, output: Output) -> APIStatusError | ResultExpiredError:
    """What a file host's refusal means: an expired result for 403/404/410, else the error itself."""
    if error.status_code in _GONE:
        return ResultExpiredError(
            f"result file {output.index} of job {job_id} is gone ({error.status_code}): result "
            "files expire 24 h after the job by default; generate it again",
            job_id=job_id,
        )
    return error


def _html_error(job_id: str, output: Output) -> DownloadError:
    return DownloadError(
        f"file {output.index} of job {job_id}: the file host answered an HTML page instead of the file "
        "(a login, error or redirect page); nothing was saved. Run the download again later"
    )


def _is_html(content_type: str | None, head: bytes) -> bool:
    kind = (content_type or "").split(";")[0].strip().lower()
    start = head.lstrip()[:15].lower()
    return kind in _HTML_TYPES or start.startswith((b"<!doctype html", b"<html"))


class Body:
    """One file's transfer, as the engine hands it to a sink: the streamed response from the file
    host, its expected length, and what has arrived (first chunk checked: never an HTML page).

    A sink reads it once, with :meth:`drain` (a blocking write per chunk) or :meth:`stream` (an
    asynchronous consumer of the whole stream, async client only).
    """

    def __init__(
        self,
        response: httpx.Response,
        *,
        job_id: str,
        output: Output,
        count: int,
        deadline: Deadline,
        shown: Path,
        on_progress: ProgressCallback | None,
    ) -> None:
        self.response = response
        self.size = _expected_length(response)
        """The length the host declared (None: unknown, or a compressed body)."""
        self.received = 0
        self.job_id = job_id
        self.output = output
        self.head = b""
        """The file's first bytes (up to :data:`SNIFF_BYTES`), once they arrived."""
        self._content_type = response.headers.get("content-type") or output.content_type
        self._count = count
        self._deadline = deadline
        self._shown = shown
        self._on_progress = on_progress

    @property
    def extension(self) -> str:
        """The file's extension (:func:`extension_for`): from its first bytes once they arrived."""
        return extension_for(self._content_type, self.output.url, self.head)

    def _check(self, chunk: bytes) -> None:
        if self.received == 0:
            check_first_chunk(self.job_id, self.output, chunk)
        if len(self.head) < SNIFF_BYTES:
            self.head += chunk[: SNIFF_BYTES - len(self.head)]

    def _seen(self, size: int) -> None:
        self.received += size
        if self._on_progress is not None:
            self._on_progress(
                DownloadProgress(self.job_id, self._shown, self.received, self.size, self.output.index, self._count)
            )

    def drain(self, write: Callable[[bytes], object]) -> Drain:
        """The effect that hands each chunk to ``write`` (blocking: on a worker thread under the async client)."""

        def sink(chunk: bytes) -> None:
            self._check(chunk)
            write(chunk)

        return Drain(self.response, sink, self._deadline, self._seen)

    def stream(self, into: Callable[[AsyncIterator[bytes]], Awaitable[object]]) -> Stream:
        """The effect that hands the whole body to ``into`` as an async iterator (async client only)."""

        async def checked(chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
            async for chunk in chunks:
                self._check(chunk)
                self._seen(len(chunk))
                yield chunk

        return Stream(self.response, lambda chunks: into(checked(chunks)), self._deadline)

    def stream_named(self, stem: str, into: Callable[[str, AsyncIterator[bytes]], Awaitable[object]]) -> Stream:
        """:meth:`stream` to a consumer that needs the file's name first: ``into(stem + extension,
        chunks)`` once the first bytes arrived (so the extension comes from them)."""

        async def named(chunks: AsyncIterator[bytes]) -> object:
            first = await anext(aiter(chunks), None)

            async def whole() -> AsyncIterator[bytes]:
                if first is not None:
                    yield first
                async for chunk in chunks:
                    yield chunk

            return await into(stem + self.extension, whole())

        return self.stream(named)

    @property
    def short(self) -> bool:
        """Whether fewer bytes arrived than the host declared."""
        return self.size is not None and self.received != self.size

    def check_complete(self) -> None:
        """Refuse a body that ended before its declared length (nothing is saved; run it again)."""
        if self.short:
            raise DownloadError(
                f"file {self.output.index} of job {self.job_id} ended after {self.received} of {self.size} bytes; "
                "run the download again"
            )

    def failed(self, reason: object) -> DownloadError:
        """The error for a sink that could not store this file."""
        return DownloadError(f"saving file {self.output.index} of job {self.job_id} failed: {reason}")


class Sink(Protocol[N]):
    """Where a download's files go. The engine names them, decides which to fetch and streams each
    one; a sink only checks its place, finds what it already holds, and stores a body atomically.

    Each method is a flow (so a folder's blocking disk I/O runs as ``Call`` effects, and an object
    store's asynchronous calls as ``Await``/``Stream`` effects). ``N`` is what a saved file is called
    (a ``Path`` in a folder, an object name in a store).
    """

    def check(self) -> Flow[None]:
        """Before anything is fetched: refuse a place that cannot hold files."""
        ...

    def prepare(self) -> Flow[None]:
        """Once the job has files to save: make the place ready (a folder is created)."""
        ...

    def find(self, stem: str, extension: str) -> Flow[N | None]:
        """The complete file already saved under ``stem`` (``extension`` is the expected one), or None."""
        ...

    def save(self, stem: str, extension: str, body: Body) -> Flow[N]:
        """Store ``body`` as ``stem + body.extension``: all of it, or nothing under that name.

        ``extension`` is what the file's headers say; ``body.extension`` is final once the first
        bytes arrived (:meth:`Body.stream_named` waits for them before naming an object)."""
        ...

    def shown(self, name: str) -> Path:
        """Where file ``name`` goes, as progress reports it."""
        ...


class FolderSink:
    """A local folder: atomic files (a hidden temporary file renamed into place), nothing outside it,
    never through a link planted under a result's name."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory).expanduser()

    def check(self) -> Flow[None]:
        yield Call(_check_target, (self.directory,))

    def prepare(self) -> Flow[None]:
        yield Call(_prepare, (self.directory,))

    def find(self, stem: str, extension: str) -> Flow[Path | None]:
        found: Path | None = yield Call(_existing, (self.directory, stem))  # any extension counts
        return found

    def save(self, stem: str, extension: str, body: Body) -> Flow[Path]:
        temp: _TempFile = yield Call(_TempFile, (self.directory, stem))
        try:
            yield body.drain(temp.write)
            body.check_complete()
            saved: Path = yield Call(temp.finish, (body.extension,))
            return saved
        except GeneratorExit:  # the flow is closed (a cancelled task): no effect can run any more
            temp.discard()
            raise
        except BaseException:
            yield Call(temp.discard)
            raise

    def shown(self, name: str) -> Path:
        return self.directory / name


def _check_target(target: Path) -> None:
    """Refuse a download folder that is a file, before any request (blocking: run through ``Call``)."""
    if target.exists() and not target.is_dir():
        raise InvalidRequestError(f"download directory {target} is a file; pass a directory", field="directory")


def _prepare(target: Path) -> None:
    """Create the download folder (blocking: run through ``Call``)."""
    _check_target(target)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DownloadError(f"cannot create the download directory {target}: {error.strerror or error}") from None


def _late(deadline: Deadline, job_id: str) -> DownloadError:
    return DownloadError(
        f"downloading job {job_id} did not finish within timeout={deadline.seconds:g} s; finished files are "
        "kept: run it again, or pass a longer timeout="
    )


def _deadline_of(options: CallOptions) -> Deadline:
    """``timeout=`` bounds the whole download, job lookup included, in wall-clock time."""
    return Deadline(None if options.timeout is None else total_seconds(options.timeout))


def _completed(session: Session, job: JobRef | Job, deadline: Deadline, options: CallOptions) -> Flow[tuple[str, Job]]:
    """The job's id and a COMPLETED snapshot of it (fetched unless ``job`` is one)."""
    if isinstance(job, Job) and str(job.status) == "COMPLETED":
        return checked_id(str(job.id)), job
    job_id = checked_id(job_id_of(job))
    lookup = options
    left = deadline.remaining()
    if left is not None:
        if left <= 0:
            raise _late(deadline, job_id)
        lookup = options.evolve(timeout=httpx.Timeout(left), max_retries=0)  # within the time left, once
    try:
        snapshot = yield from get_flow(session, job_id, lookup)
    except RequestTimeoutError:
        if deadline.passed():
            raise _late(deadline, job_id) from None
        raise
    if str(snapshot.id) != job_id:
        raise APIResponseValidationError(
            f"asked for job {job_id}, the API answered with another job; nothing was downloaded",
            status_code=200,
            request_id=None,
            body=None,
        )
    return job_id, snapshot


def _fetch(
    session: Session, job_id: str, output: Output, options: CallOptions, deadline: Deadline
) -> Flow[httpx.Response]:
    """Open one result file's body (no key; its host's redirects followed, an HTML page refused)."""
    try:
        response = yield from session.request(
            "GET", output.url, options=options, stream=True, authenticate=False, deadline=deadline
        )
    except RequestTimeoutError:
        if deadline.passed():
            raise _late(deadline, job_id) from None
        raise
    except APIStatusError as error:
        raise _gone(error, job_id, output) from None
    if _is_html(response.headers.get("content-type"), b""):
        yield Close(response)
        raise _html_error(job_id, output)
    return response


def download_flow(
    session: Session,
    job: JobRef | Job,
    sink: Sink[N],
    *,
    overwrite: bool = False,
    on_progress: ProgressCallback | None = None,
    options: CallOptions = NO_OPTIONS,
) -> Flow[list[N]]:
    """Save every result file of ``job`` (an id, handle or snapshot) into ``sink``; what it saved, in order.

    A file's transfer that breaks off starts again from its first byte, under the one retry policy
    (the pipeline retries each GET as well).
    """
    deadline = _deadline_of(options)
    yield from sink.check()
    job_id, snapshot = yield from _completed(session, job, deadline, options)
    outputs = _checked_outputs(snapshot)
    count = len(outputs)
    yield from sink.prepare()
    saved: list[N] = []
    for output in outputs:
        stem = file_stem(job_id, output, count)
        found = None if overwrite else (yield from sink.find(stem, extension_for(output.content_type, output.url)))
        retries = Retries(session.settings.max_retries)
        while found is None:
            response = yield from _fetch(session, job_id, output, options, deadline)
            extension = extension_for(response.headers.get("content-type") or output.content_type, output.url)
            body = Body(
                response,
                job_id=job_id,
                output=output,
                count=count,
                deadline=deadline.sooner(FILE_DEADLINE),
                shown=sink.shown(stem + extension),
                on_progress=on_progress,
            )
            try:
                found = yield from sink.save(stem, extension, body)
            except httpx.HTTPError as error:
                yield Sleep(deadline.clip(_restart(retries, deadline, body, error)))
        saved.append(found)
    return saved


def _restart(retries: Retries, deadline: Deadline, body: Body, error: httpx.HTTPError) -> float:
    """The pause before a broken transfer starts again, or the error that ends the download."""
    job_id, output = body.job_id, body.output
    if deadline.passed():
        raise _late(deadline, job_id) from None
    pause = retries.after_failure()
    if pause is None:
        raise DownloadError(
            f"downloading file {output.index} of job {job_id} broke off after {body.received} bytes "
            f"({type(error).__name__}); run the download again: finished files are kept"
        ) from None
    reason = f"the transfer broke off after {body.received} bytes ({type(error).__name__})"
    announce(f"GET {short(output.url)}", retries.notice(pause, reason))
    return pause


def open_flow(
    session: Session, job: JobRef | Job, index: int, options: CallOptions = NO_OPTIONS
) -> Flow[tuple[str, Output, httpx.Response]]:
    """Open result file ``index`` (1-based) of ``job`` for the caller to read: ``(job id, output, response)``."""
    deadline = _deadline_of(options)
    job_id, snapshot = yield from _completed(session, job, deadline, options)
    outputs = _checked_outputs(snapshot)
    if isinstance(index, bool) or not isinstance(index, int) or not 1 <= index <= len(outputs):
        raise InvalidRequestError(
            f"job {job_id} has {counted(len(outputs), 'result file')}: index must be 1 to {len(outputs)}, "
            f"got {index!r}",
            field="index",
        )
    output = outputs[index - 1]
    response = yield from _fetch(session, job_id, output, options, deadline)
    return job_id, output, response


def check_first_chunk(job_id: str, output: Output, chunk: bytes) -> None:
    """A streamed result file's first chunk: never an HTML page (a login, error or redirect page)."""
    if _is_html(None, chunk):
        raise _html_error(job_id, output)
