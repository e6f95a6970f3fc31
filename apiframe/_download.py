"""Saving a job's result files to disk, written once as a flow for both clients.

Each file is streamed (never held whole in memory) into a hidden temporary file beside its
destination, checked against ``Content-Length``, then renamed into place, so a file under its
final name is always complete: a download interrupted at any point (a broken transfer, a full
disk) leaves no partial file under a real name and no temporary file, and running it again skips
the files already there. Files are named ``<job_id>.<ext>`` (one output) or ``<job_id>-<n>.<ext>``,
the extension from the content type; the id is the one the caller asked for (checked to be a
plain file name), never one taken from the server's answer, and every path is checked to resolve
inside the folder. The API key is never sent with a download: result URLs are public CDN links;
their redirects are followed a bounded number of times, and an HTML page is never saved as a file.
With ``timeout=``, the whole download (job lookup included) ends by then, in wall-clock time.

One flow, two drivers: both clients' ``jobs.download`` run :func:`download_flow`. Its disk I/O
is effects (``Call``, a ``Drain``'s sink) that the sync driver runs in place and the async
driver on a worker thread, never on the event loop; progress is reported on the driver's own
thread. A broken transfer restarts under the one retry policy (:class:`apiframe._retry.Retries`).
A batch saving into any :class:`~apiframe.batch.Store` (S3, GCS...) runs :func:`save_to_store`,
which applies the same names, checks, refusals, retry policy and deadlines but hands every byte
to the store's own asynchronous ``write``.
"""

from __future__ import annotations

import contextlib
import glob
import mimetypes
import os
import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import httpx

from ._config import to_timeout, total_seconds
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
from ._files._sniff import EXTENSIONS  # one extension table: uploads and downloads
from ._flow import Call, Close, Drain, Flow, Sleep
from ._outputs import Job, Output
from ._retry import Retries

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from ._client import AsyncApiframe
    from ._config import RequestOptions
    from .batch._store import Store

__all__ = ["DownloadProgress", "ProgressCallback", "download_flow", "file_stem", "save_to_store"]

_GENERIC_TYPES = frozenset({"application/octet-stream", "binary/octet-stream"})
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


def extension_for(content_type: str | None, url: str) -> str:
    """The file extension for a content type, else the URL's own suffix, else ``.bin``."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind and kind not in _GENERIC_TYPES:
        known = EXTENSIONS.get(kind) or mimetypes.guess_extension(kind, strict=False)
        if known:
            return known
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    if 1 < len(suffix) <= 6 and suffix[1:].isascii() and suffix[1:].isalnum():
        return suffix
    return ".bin"


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


def _existing_in(directory: Path, stem: str) -> Path | None:
    """:func:`_existing`, None when ``directory`` is not there (yet)."""
    return _existing(directory, stem) if directory.is_dir() else None


def _checked_outputs(job: Any) -> tuple[Output, ...]:
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
    outputs: tuple[Output, ...] = job.outputs
    if not outputs:
        raise InvalidRequestError(f"job {job.id} is COMPLETED but its result lists no file URL", field="job")
    return outputs


class _TempFile:
    """A hidden file beside ``directory/stem`` that becomes the final file only when complete.

    Its methods block (disk I/O): flows run them through a ``Call`` effect (or a ``Drain``'s
    sink), which the async driver puts on a worker thread. Any failure of the disk (full, quota,
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

    def restart(self) -> None:
        with self._lock:
            try:
                if self._fd is not None:
                    os.lseek(self._fd, 0, os.SEEK_SET)
                    os.ftruncate(self._fd, 0)
            except OSError as error:
                raise DownloadError(f"writing {self.path.name} failed: {error.strerror or error}") from None
            self.received = 0

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


class _Deadline:
    """The download's wall-clock deadline (``timeout=``), else one per file transfer."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.at = None if seconds is None else time.monotonic() + seconds

    def options(self, options: RequestOptions, job_id: str) -> RequestOptions:
        """Options for the job lookup: its timeout clipped to the time left, retried by nobody."""
        if self.at is None:
            return options
        left = self.at - time.monotonic()
        if left <= 0:
            raise self.error(job_id)
        return {**options, "timeout": left, "max_retries": 0}

    def for_transfer(self) -> float:
        limit = time.monotonic() + FILE_DEADLINE
        return limit if self.at is None else min(limit, self.at)

    def clip(self, pause: float) -> float:
        return pause if self.at is None else max(0.0, min(pause, self.at - time.monotonic()))

    def passed(self) -> bool:
        return time.monotonic() >= (self.at if self.at is not None else float("inf"))

    def error(self, job_id: str) -> DownloadError:
        return DownloadError(
            f"downloading job {job_id} did not finish within timeout={self.seconds:g} s; finished files are "
            "kept: run it again, or pass a longer timeout="
        )


def _file_flow(
    client: Any,
    job_id: str,
    output: Output,
    count: int,
    directory: Path,
    on_progress: ProgressCallback | None,
    options: RequestOptions,
    deadline: _Deadline,
) -> Flow[Path]:
    stem = file_stem(job_id, output, count)
    temp: _TempFile = yield Call(_TempFile, (directory, stem))
    retries = Retries(client._config.max_retries)  # restarts of a broken body; the pipeline retries each GET
    try:
        while True:
            try:
                response: httpx.Response = yield from client._request(
                    "GET", output.url, options=options, stream=True, authenticate=False, deadline=deadline.at
                )
            except RequestTimeoutError:
                if deadline.passed():
                    raise deadline.error(job_id) from None
                raise
            except APIStatusError as error:
                raise _gone(error, job_id, output) from None
            total = _expected_length(response)
            content_type = response.headers.get("content-type")
            if _is_html(content_type, b""):
                yield Close(response)
                raise _html_error(job_id, output)
            extension = extension_for(content_type or output.content_type, output.url)
            final = directory / f"{stem}{extension}"

            def sink(chunk: bytes) -> None:  # blocking: the async driver runs it on a worker thread
                if temp.received == 0 and _is_html(None, chunk):
                    raise _html_error(job_id, output)
                temp.write(chunk)

            def seen(_: int, final: Path = final, total: int | None = total) -> None:
                if on_progress is not None:
                    on_progress(DownloadProgress(job_id, final, temp.received, total, output.index, count))

            failure: Exception | None = None
            pause: float | None = None
            try:
                yield Drain(response, sink, deadline.for_transfer(), seen)
            except httpx.HTTPError as error:
                if deadline.passed():
                    failure = deadline.error(job_id)
                elif (pause := retries.after_failure()) is None:
                    failure = DownloadError(
                        f"downloading file {output.index} of job {job_id} broke off after {temp.received} bytes "
                        f"({type(error).__name__}); run the download again: finished files are kept"
                    )
            else:
                if total is not None and temp.received != total:
                    raise DownloadError(
                        f"file {output.index} of job {job_id} ended after {temp.received} of {total} bytes; "
                        "run the download again"
                    )
                saved: Path = yield Call(temp.finish, (extension,))
                return saved
            if failure is not None or pause is None:
                raise failure or DownloadError(f"downloading file {output.index} of job {job_id} failed")
            yield Call(temp.restart)
            yield Sleep(deadline.clip(pause))
    except GeneratorExit:  # the flow is closed (a cancelled task): no effect can run any more
        temp.discard()
        raise
    except BaseException:
        yield Call(temp.discard)
        raise


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


def download_flow(
    client: Any,
    job: Any,
    directory: str | os.PathLike[str],
    *,
    get_job: Callable[[str, RequestOptions], Flow[Job]],
    overwrite: bool = False,
    on_progress: ProgressCallback | None = None,
    options: RequestOptions | None = None,
) -> Flow[list[Path]]:
    """Save every result file of ``job`` (an id, handle or snapshot) into ``directory``."""
    options = options or {}
    timeout = options.get("timeout")
    deadline = _Deadline(None if timeout is None else total_seconds(to_timeout(timeout)))
    target = Path(directory).expanduser()
    yield Call(_check_target, (target,))
    if isinstance(job, Job) and str(job.status) == "COMPLETED":
        job_id = checked_id(str(job.id))
        snapshot: Job = job
    else:
        from ._waiting import job_id_of

        job_id = checked_id(job_id_of(job))
        snapshot = yield from get_job(job_id, deadline.options(options, job_id))
        if str(snapshot.id) != job_id:
            raise APIResponseValidationError(
                f"asked for job {job_id}, the API answered with another job; nothing was downloaded",
                status_code=200,
                request_id=None,
                body=None,
            )
    outputs = _checked_outputs(snapshot)
    yield Call(_prepare, (target,))
    saved: list[Path] = []
    for output in outputs:
        stem = file_stem(job_id, output, len(outputs))
        present = None if overwrite else (yield Call(_existing, (target, stem)))
        if present is not None:
            saved.append(present)
            continue
        path = yield from _file_flow(client, job_id, output, len(outputs), target, on_progress, options, deadline)
        saved.append(path)
    return saved


# -- the async driver: into a store ---------------------------------------------------------------

StoreProgress = Callable[[str, str, int, "int | None", int, int], object]
"""``(job id, object name, bytes so far, total or None, file index, file count)``."""


async def _snapshot(client: AsyncApiframe, job: Any, deadline: _Deadline, options: RequestOptions) -> tuple[str, Job]:
    if isinstance(job, Job) and str(job.status) == "COMPLETED":
        return checked_id(str(job.id)), job
    from ._waiting import job_id_of
    from .resources.jobs import get_flow

    job_id = checked_id(job_id_of(job))
    try:
        snapshot: Job = await client._run(get_flow(client, job_id, deadline.options(options, job_id)))
    except RequestTimeoutError:
        if deadline.passed():
            raise deadline.error(job_id) from None
        raise
    if str(snapshot.id) != job_id:
        raise APIResponseValidationError(
            f"asked for job {job_id}, the API answered with another job; nothing was downloaded",
            status_code=200,
            request_id=None,
            body=None,
        )
    return job_id, snapshot


async def save_to_store(
    client: AsyncApiframe,
    job: Any,
    store: Store,
    *,
    folder: str = "",
    overwrite: bool = False,
    on_progress: StoreProgress | None = None,
    options: RequestOptions | None = None,
) -> list[str]:
    """Save every result file of ``job`` (an id, handle or snapshot) into ``store``; their object names.

    A file already there (any object ``<stem>.<ext>``: stores show only complete objects) is
    kept unless ``overwrite``. ``options["timeout"]`` bounds the whole save in wall-clock time.
    """
    from .batch._store import check_name

    options = options or {}
    timeout = options.get("timeout")
    deadline = _Deadline(None if timeout is None else total_seconds(to_timeout(timeout)))
    if folder:
        check_name(folder)
    job_id, snapshot = await _snapshot(client, job, deadline, options)
    outputs = _checked_outputs(snapshot)
    saved: list[str] = []
    for output in outputs:
        stem = file_stem(job_id, output, len(outputs))
        kept = None if overwrite else await _kept(store, folder, stem, output)
        if kept is not None:
            saved.append(kept)
            continue
        saved.append(
            await _save_file(client, job_id, output, len(outputs), store, folder, on_progress, options, deadline)
        )
    return saved


async def _kept(store: Store, folder: str, stem: str, output: Output) -> str | None:
    """The object already saved for ``stem``, if any (a store shows only complete objects)."""
    import asyncio

    from .batch._store import LocalStore

    if isinstance(store, LocalStore):  # any extension, as the sync download does
        directory = store.root / folder if folder else store.root
        found = await asyncio.to_thread(_existing_in, directory, stem)
        return None if found is None else (f"{folder}/{found.name}" if folder else found.name)
    name = f"{folder}/{stem}" if folder else stem
    name += extension_for(output.content_type, output.url)
    return name if await store.size(name) is not None else None


async def _save_file(
    client: AsyncApiframe,
    job_id: str,
    output: Output,
    count: int,
    store: Store,
    folder: str,
    on_progress: StoreProgress | None,
    options: RequestOptions,
    deadline: _Deadline,
) -> str:
    import asyncio

    from .batch._store import StorageError

    stem = file_stem(job_id, output, count)
    retries = Retries(client._config.max_retries)  # restarts of a broken body; the pipeline retries each GET
    while True:
        try:
            response: httpx.Response = await client._run(
                client._request(
                    "GET", output.url, options=options, stream=True, authenticate=False, deadline=deadline.at
                )
            )
        except RequestTimeoutError:
            if deadline.passed():
                raise deadline.error(job_id) from None
            raise
        except APIStatusError as error:
            raise _gone(error, job_id, output) from None
        total = _expected_length(response)
        content_type = response.headers.get("content-type")
        extension = extension_for(content_type or output.content_type, output.url)
        name = f"{folder}/{stem}{extension}" if folder else f"{stem}{extension}"
        received = 0

        async def body(
            response: httpx.Response = response, name: str = name, total: int | None = total
        ) -> AsyncIterator[bytes]:
            nonlocal received
            async for chunk in response.aiter_bytes():
                if received == 0 and _is_html(None, chunk):
                    raise _html_error(job_id, output)
                received += len(chunk)
                if on_progress is not None:
                    on_progress(job_id, name, received, total, output.index, count)
                yield chunk

        problem: str
        try:
            if _is_html(content_type, b""):
                raise _html_error(job_id, output)
            left = None if deadline.at is None else max(0.0, deadline.for_transfer() - time.monotonic())
            if deadline.at is None:
                left = FILE_DEADLINE
            async with asyncio.timeout(left):
                await store.write(name, body(), size=total)
            return name
        except TimeoutError:
            if deadline.passed():
                raise deadline.error(job_id) from None
            problem = f"ran past its {FILE_DEADLINE:g} s limit after {received} bytes"
        except StorageError as error:
            if total is None or received == total:
                raise DownloadError(f"saving file {output.index} of job {job_id} failed: {error}") from None
            problem = f"ended after {received} of {total} bytes"
        except httpx.HTTPError as error:
            problem = f"broke off after {received} bytes ({type(error).__name__})"
        finally:
            await response.aclose()
        pause = retries.after_failure()
        if pause is None:
            raise DownloadError(
                f"downloading file {output.index} of job {job_id} {problem}; run it again: finished files are kept"
            )
        await client._config.clock.async_sleep(deadline.clip(pause))
