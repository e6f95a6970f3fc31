"""``client.jobs.download``: save a completed job's result files (logic in ``apiframe._download``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Unpack

from ._base import AsyncResource, SyncResource

if TYPE_CHECKING:
    from .._config import RequestOptions
    from .._download import ProgressCallback
    from .._flow import Flow
    from .._outputs import Job

__all__ = ["AsyncDownloads", "Downloads"]


def _flow(
    client: Any,
    job: Any,
    directory: str | os.PathLike[str],
    overwrite: bool,
    on_progress: ProgressCallback | None,
    options: RequestOptions,
) -> Flow[list[Path]]:
    from .._download import download_flow
    from .jobs import get_flow

    return download_flow(
        client,
        job,
        directory,
        get_job=lambda job_id, job_options: get_flow(client, job_id, job_options),
        overwrite=overwrite,
        on_progress=on_progress,
        options=options,
    )


class Downloads(SyncResource):
    """The download half of ``client.jobs``."""

    def download(
        self,
        job: Job | str | Any,
        directory: str | os.PathLike[str] = ".",
        /,
        *,
        overwrite: bool = False,
        on_progress: ProgressCallback | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[Path]:
        """Stream every result file of a COMPLETED job into ``directory``; return the paths.

        Files are named ``<job_id>[-<n>].<ext>`` and written atomically inside ``directory``; files
        already there are skipped unless ``overwrite=True``. ``timeout=`` bounds the whole download
        in wall-clock time. ``on_progress`` receives a
        :class:`~apiframe.DownloadProgress` per chunk. A job whose files have been purged raises
        :class:`~apiframe.ResultExpiredError`; a job not COMPLETED raises before any download.
        """
        flow = _flow(self._client, job, directory, overwrite, on_progress, options)
        paths: list[Path] = self._client._run(flow)
        return paths


class AsyncDownloads(AsyncResource):
    """The download half of ``client.jobs`` (async)."""

    async def download(
        self,
        job: Job | str | Any,
        directory: str | os.PathLike[str] = ".",
        /,
        *,
        overwrite: bool = False,
        on_progress: ProgressCallback | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[Path]:
        """Stream every result file of a COMPLETED job into ``directory``; see :meth:`Downloads.download`.

        The same download flow as the sync client's; its disk I/O (writes, fsync, renames) runs on a
        worker thread, never on the event loop. ``on_progress`` is called on the event loop.
        """
        flow = _flow(self._client, job, directory, overwrite, on_progress, options)
        paths: list[Path] = await self._client._run(flow)
        return paths
