"""``client.jobs.download`` and ``client.jobs.with_streaming_response.download``: a completed job's
result files, saved or streamed (the engine is ``apiframe._download``, loaded with the first download)."""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, Unpack, overload

from .._options import CallOptions, RequestOptions
from .._response import AsyncStreamedFile, StreamedFile
from .._session import AsyncSession, Session
from ._base import AsyncResource, SyncResource

if TYPE_CHECKING:
    from .._download import ProgressCallback, Sink
    from .._flow import Flow
    from .._waiting import JobRef

__all__ = ["AsyncDownloads", "AsyncJobsWithStreamingResponse", "Downloads", "JobsWithStreamingResponse"]

N = TypeVar("N")


def _download(
    session: Session,
    job: JobRef,
    into: str | os.PathLike[str] | Sink[Any],
    overwrite: bool,
    on_progress: ProgressCallback | None,
    options: RequestOptions,
) -> Flow[list[Any]]:
    from .._download import FolderSink, download_flow  # the engine loads with the first download

    sink = FolderSink(into) if isinstance(into, str | os.PathLike) else into
    return download_flow(
        session, job, sink, overwrite=overwrite, on_progress=on_progress, options=CallOptions.of(options)
    )


class Downloads(SyncResource):
    """The download half of ``client.jobs``."""

    @property
    def with_streaming_response(self) -> JobsWithStreamingResponse:
        """``download`` handing a result file's body to you as it arrives, instead of saving it."""
        return JobsWithStreamingResponse(self)

    @overload
    def download(
        self,
        job: JobRef,
        directory: str | os.PathLike[str] = ".",
        /,
        *,
        overwrite: bool = False,
        on_progress: ProgressCallback | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[Path]: ...
    @overload
    def download(
        self,
        job: JobRef,
        directory: Sink[N],
        /,
        *,
        overwrite: bool = False,
        on_progress: ProgressCallback | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[N]: ...
    def download(
        self,
        job: JobRef,
        directory: str | os.PathLike[str] | Sink[Any] = ".",
        /,
        *,
        overwrite: bool = False,
        on_progress: ProgressCallback | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[Any]:
        """Stream every result file of a COMPLETED job into ``directory``; return the paths.

        Files are named ``<job_id>[-<n>].<ext>`` and written atomically inside ``directory``; files
        already there are skipped unless ``overwrite=True``. ``timeout=`` bounds the whole download
        in wall-clock time. ``on_progress`` receives a
        :class:`~apiframe.DownloadProgress` per chunk. A job whose files have been purged raises
        :class:`~apiframe.ResultExpiredError`; a job not COMPLETED raises before any download.
        ``directory`` may also be any ``apiframe._download.Sink`` (the batch's object stores are).
        """
        saved: list[Any] = self._session.run(_download(self._session, job, directory, overwrite, on_progress, options))
        return saved


class AsyncDownloads(AsyncResource):
    """The download half of ``client.jobs`` (async)."""

    @property
    def with_streaming_response(self) -> AsyncJobsWithStreamingResponse:
        """``download`` handing a result file's body to you as it arrives, instead of saving it."""
        return AsyncJobsWithStreamingResponse(self)

    @overload
    async def download(
        self,
        job: JobRef,
        directory: str | os.PathLike[str] = ".",
        /,
        *,
        overwrite: bool = False,
        on_progress: ProgressCallback | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[Path]: ...
    @overload
    async def download(
        self,
        job: JobRef,
        directory: Sink[N],
        /,
        *,
        overwrite: bool = False,
        on_progress: ProgressCallback | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[N]: ...
    async def download(
        self,
        job: JobRef,
        directory: str | os.PathLike[str] | Sink[Any] = ".",
        /,
        *,
        overwrite: bool = False,
        on_progress: ProgressCallback | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[Any]:
        """Stream every result file of a COMPLETED job into ``directory``; see :meth:`Downloads.download`.

        The same download flow as the sync client's; its disk I/O (writes, fsync, renames) runs on a
        worker thread, never on the event loop. ``on_progress`` is called on the event loop.
        """
        flow = _download(self._session, job, directory, overwrite, on_progress, options)
        saved: list[Any] = await self._session.run(flow)
        return saved


class JobsWithStreamingResponse:
    """``client.jobs.with_streaming_response``: ``with ....download(job) as file: file.iter_bytes()``."""

    def __init__(self, jobs: Downloads) -> None:
        self._session = jobs._session

    def download(self, job: JobRef, /, *, index: int = 1, **options: Unpack[RequestOptions]) -> StreamedFile:
        """Open result file ``index`` (1-based) of a COMPLETED job: its body as it arrives, never the API
        key to its host, never an HTML page. Close it (``with``) when done."""
        from .._download import check_first_chunk, open_flow

        job_id, output, response = self._session.run(open_flow(self._session, job, index, CallOptions.of(options)))
        return StreamedFile(job_id, output, response, lambda chunk: check_first_chunk(job_id, output, chunk))


class AsyncJobsWithStreamingResponse:
    """``client.jobs.with_streaming_response`` (async): ``async with ....download(job) as file``."""

    def __init__(self, jobs: AsyncDownloads) -> None:
        self._session = jobs._session

    def download(self, job: JobRef, /, *, index: int = 1, **options: Unpack[RequestOptions]) -> _Opening:
        """Open result file ``index`` (1-based) of a COMPLETED job; see :meth:`JobsWithStreamingResponse.download`."""
        return _Opening(self._session, job, index, CallOptions.of(options))


class _Opening:
    """``async with`` it: the file is opened on entry and closed on exit."""

    def __init__(self, session: AsyncSession, job: JobRef, index: int, options: CallOptions) -> None:
        self._session = session
        self._job = job
        self._index = index
        self._options = options
        self._file: AsyncStreamedFile | None = None

    async def __aenter__(self) -> AsyncStreamedFile:
        from .._download import check_first_chunk, open_flow

        flow = open_flow(self._session, self._job, self._index, self._options)
        job_id, output, response = await self._session.run(flow)
        self._file = AsyncStreamedFile(job_id, output, response, lambda chunk: check_first_chunk(job_id, output, chunk))
        return self._file

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._file is not None:
            await self._file.aclose()
