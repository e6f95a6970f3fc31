"""Saving a job's result files to disk, written once as a flow for both clients.

Each file is streamed (never held whole in memory) into a hidden temporary file beside its
destination, checked against ``Content-Length``, then renamed into place, so a file under its
final name is always complete: a download interrupted at any point leaves no partial file
under a real name, and running it again skips the files already there. Files are named
``<job_id>.<ext>`` (one output) or ``<job_id>-<n>.<ext>``, the extension from the content type.
The API key is never sent with a download: result URLs are public CDN links.
"""

from __future__ import annotations

import glob
import mimetypes
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import httpx

from ._errors import (
    APIStatusError,
    DownloadError,
    InvalidRequestError,
    JobCancelledError,
    JobFailedError,
    ResultExpiredError,
)
from ._flow import Drain, Flow, Sleep
from ._outputs import Job, Output
from ._retry import backoff_delay

if TYPE_CHECKING:
    from ._config import RequestOptions

__all__ = ["DownloadProgress", "ProgressCallback", "download_flow", "file_stem"]

_PREFERRED_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "image/gif": ".gif",
    "audio/mpeg": ".mp3",
    "audio/wav": ".wav",
    "audio/x-wav": ".wav",
    "audio/wave": ".wav",
    "audio/mp4": ".m4a",
    "video/mp4": ".mp4",
    "video/webm": ".webm",
    "video/quicktime": ".mov",
    "video/x-msvideo": ".avi",
}
_GENERIC_TYPES = frozenset({"application/octet-stream", "binary/octet-stream"})
_GONE = frozenset({403, 404, 410})


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
        known = _PREFERRED_EXTENSIONS.get(kind) or mimetypes.guess_extension(kind, strict=False)
        if known:
            return known
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    if 1 < len(suffix) <= 6 and suffix[1:].isalnum():
        return suffix
    return ".bin"


def file_stem(job_id: str, output: Output, count: int) -> str:
    """``<job_id>`` for a job's only file, ``<job_id>-<n>`` for each of several."""
    return job_id if count == 1 else f"{job_id}-{output.index}"


def _existing(directory: Path, stem: str) -> Path | None:
    for candidate in sorted(directory.glob(f"{glob.escape(stem)}.*")):
        if candidate.is_file() and candidate.stem == stem:
            return candidate
    return None


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
    """A hidden file beside ``directory/stem`` that becomes the final file only when complete."""

    def __init__(self, directory: Path, stem: str) -> None:
        self.directory = directory
        self.stem = stem
        self.path = directory / f".{stem}.{uuid.uuid4().hex[:12]}.part"
        self.received = 0
        try:
            self._file = open(self.path, "wb")  # noqa: SIM115 - closed in finish/discard
        except OSError as error:
            raise DownloadError(f"cannot write into {directory}: {error.strerror or error}") from error

    def write(self, chunk: bytes) -> None:
        try:
            self._file.write(chunk)
        except OSError as error:
            raise DownloadError(f"writing {self.path.name} failed: {error.strerror or error}") from error
        self.received += len(chunk)

    def restart(self) -> None:
        self._file.seek(0)
        self._file.truncate()
        self.received = 0

    def finish(self, extension: str) -> Path:
        final = self.directory / f"{self.stem}{extension}"
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            os.replace(self.path, final)
        except OSError as error:
            raise DownloadError(f"saving {final} failed: {error.strerror or error}") from error
        return final

    def discard(self) -> None:
        self._file.close()
        self.path.unlink(missing_ok=True)


def _expected_length(response: httpx.Response) -> int | None:
    if response.headers.get("content-encoding", "identity") != "identity":
        return None
    value = response.headers.get("content-length", "")
    return int(value) if value.isdigit() else None


def _file_flow(
    client: Any,
    job_id: str,
    output: Output,
    count: int,
    directory: Path,
    on_progress: ProgressCallback | None,
    options: RequestOptions,
) -> Flow[Path]:
    stem = file_stem(job_id, output, count)
    temp = _TempFile(directory, stem)
    retries = client._config.max_retries
    attempt = 0
    try:
        while True:
            try:
                response: httpx.Response = yield from client._request(
                    "GET", output.url, options=options, stream=True, authenticate=False
                )
            except APIStatusError as error:
                if error.status_code in _GONE:
                    raise ResultExpiredError(
                        f"result file {output.index} of job {job_id} is gone ({error.status_code}): result "
                        "files expire 24 h after the job by default; generate it again",
                        job_id=job_id,
                    ) from error
                raise
            total = _expected_length(response)
            extension = extension_for(response.headers.get("content-type") or output.content_type, output.url)
            final = directory / f"{stem}{extension}"

            def sink(chunk: bytes, final: Path = final, total: int | None = total) -> None:
                temp.write(chunk)
                if on_progress is not None:
                    on_progress(DownloadProgress(job_id, final, temp.received, total, output.index, count))

            try:
                yield Drain(response, sink)
            except httpx.TransportError as error:
                if attempt >= retries:
                    raise DownloadError(
                        f"downloading file {output.index} of job {job_id} broke off after {temp.received} bytes "
                        f"({type(error).__name__}); run the download again: finished files are kept"
                    ) from error
                attempt += 1
                temp.restart()
                yield Sleep(backoff_delay(attempt - 1))
                continue
            if total is not None and temp.received != total:
                raise DownloadError(
                    f"file {output.index} of job {job_id} ended after {temp.received} of {total} bytes; "
                    "run the download again"
                )
            return temp.finish(extension)
    finally:
        temp.discard()


def download_flow(
    client: Any,
    job: Any,
    directory: str | os.PathLike[str],
    *,
    get_job: Callable[[str], Flow[Job]],
    overwrite: bool = False,
    on_progress: ProgressCallback | None = None,
    options: RequestOptions | None = None,
) -> Flow[list[Path]]:
    """Save every result file of ``job`` (an id, handle or snapshot) into ``directory``."""
    target = Path(directory).expanduser()
    if target.exists() and not target.is_dir():
        raise InvalidRequestError(f"download directory {target} is a file; pass a directory", field="directory")
    if isinstance(job, Job) and str(job.status) == "COMPLETED":
        snapshot: Job = job
    else:
        from ._waiting import job_id_of

        snapshot = yield from get_job(job_id_of(job))
    outputs = _checked_outputs(snapshot)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DownloadError(f"cannot create the download directory {target}: {error.strerror or error}") from error
    saved: list[Path] = []
    for output in outputs:
        stem = file_stem(str(snapshot.id), output, len(outputs))
        present = None if overwrite else _existing(target, stem)
        if present is not None:
            saved.append(present)
            continue
        path = yield from _file_flow(client, str(snapshot.id), output, len(outputs), target, on_progress, options or {})
        saved.append(path)
    return saved
