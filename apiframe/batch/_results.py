"""Saving a job's result files into a :class:`~apiframe.batch.Store` (a folder, S3, GCS...).

The store-side twin of ``client.jobs.download``, with the same names
(``<job_id>[-<n>].<ext>``), the same checks (failed, cancelled, unfinished or expired jobs
raise their typed errors) and the same request pipeline (the client's HTTP connection pool,
timeouts and retries). The API key is never sent: result URLs are public CDN links.

Each file is streamed from the CDN into the store with bounded memory and written
atomically, its length checked against ``Content-Length``. A file already in the store with
the expected size is not fetched again. A transfer that breaks off is retried from the start,
up to the client's ``max_retries``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from .._download import _checked_outputs, _expected_length, extension_for, file_stem
from .._errors import APIStatusError, DownloadError, ResultExpiredError
from .._outputs import Job, Output
from .._retry import backoff_delay
from ._store import StorageError, Store, check_name

if TYPE_CHECKING:
    from .._client import AsyncApiframe

__all__ = ["SaveProgress", "save_outputs"]

_GONE = frozenset({403, 404, 410})


@dataclass(frozen=True, slots=True)
class SaveProgress:
    """Where saving a result file stands: its object name, bytes so far, and the total if known."""

    job_id: str
    name: str
    received: int
    total: int | None
    index: int
    count: int


async def save_outputs(
    client: AsyncApiframe,
    job: Any,
    store: Store,
    *,
    folder: str = "",
    overwrite: bool = False,
    on_progress: Callable[[SaveProgress], object] | None = None,
) -> list[str]:
    """Save every result file of ``job`` (an id, handle or snapshot) into ``store``; return their names.

    ``folder`` puts the files under that folder of the store. Files already there with the
    size the CDN announces are kept (``overwrite=True`` fetches them again).
    """
    if folder:
        check_name(folder)
    if isinstance(job, Job) and str(job.status) == "COMPLETED":
        snapshot: Job = job
    else:
        from .._waiting import job_id_of

        snapshot = await client.jobs.get(job_id_of(job))
    outputs = _checked_outputs(snapshot)
    saved: list[str] = []
    for output in outputs:
        saved.append(
            await _save_one(client, str(snapshot.id), output, len(outputs), store, folder, overwrite, on_progress)
        )
    return saved


async def _save_one(
    client: AsyncApiframe,
    job_id: str,
    output: Output,
    count: int,
    store: Store,
    folder: str,
    overwrite: bool,
    on_progress: Callable[[SaveProgress], object] | None,
) -> str:
    stem = file_stem(job_id, output, count)
    attempt = 0
    while True:
        try:
            response: httpx.Response = await client._run(
                client._request("GET", output.url, stream=True, authenticate=False)
            )
        except APIStatusError as error:
            if error.status_code in _GONE:
                raise ResultExpiredError(
                    f"result file {output.index} of job {job_id} is gone ({error.status_code}): result files "
                    "expire 24 h after the job by default; generate it again",
                    job_id=job_id,
                ) from None
            raise
        transfer = _Transfer(response)
        try:
            total = _expected_length(response)
            extension = extension_for(response.headers.get("content-type") or output.content_type, output.url)
            name = f"{folder}/{stem}{extension}" if folder else f"{stem}{extension}"
            if not overwrite:
                present = await store.size(name)
                if present is not None and (total is None or present == total):
                    return name
            if on_progress is not None:
                transfer.on_chunk = _reporter(on_progress, job_id, name, total, output.index, count)
            try:
                await store.write(name, transfer.chunks(), size=total)
                return name
            except StorageError:
                if total is None or transfer.received == total:
                    raise  # the store failed, not the transfer
                problem = f"ended after {transfer.received} of {total} bytes"
            except httpx.TransportError as error:
                problem = f"broke off after {transfer.received} bytes ({type(error).__name__})"
        finally:
            await response.aclose()
        if attempt >= client.max_retries:
            raise DownloadError(
                f"saving file {output.index} of job {job_id} to {store.url} failed: the transfer {problem}; "
                "run it again: files already saved are kept"
            )
        attempt += 1
        await client._config.clock.async_sleep(backoff_delay(attempt - 1))


def _reporter(
    report: Callable[[SaveProgress], object], job_id: str, name: str, total: int | None, index: int, count: int
) -> Callable[[int], object]:
    def progressed(received: int) -> None:
        report(SaveProgress(job_id, name, received, total, index, count))

    return progressed


class _Transfer:
    """The body of one response as an async byte stream, counting what went through."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.received = 0
        self.on_chunk: Callable[[int], object] | None = None

    async def chunks(self) -> AsyncIterator[bytes]:
        async for chunk in self.response.aiter_bytes():
            self.received += len(chunk)
            if self.on_chunk is not None:
                self.on_chunk(self.received)
            yield chunk
