"""Saving a job's result files into a :class:`~apiframe.batch.Store` (a folder, S3, GCS...).

The store-side twin of ``client.jobs.download``, with the same names
(``<job_id>[-<n>].<ext>``), the same checks (failed, cancelled, unfinished or expired jobs
raise their typed errors) and the same request pipeline (the client's HTTP connection pool,
timeouts and retries). The API key is never sent: result URLs are public CDN links.

Run by :func:`apiframe._download.save_to_store` (the retry policy of ``jobs.download``): each
file is streamed from the CDN into the store with bounded memory and written atomically, its
length checked against ``Content-Length``; an HTML page is never saved; a file already in the
store is not fetched again. A transfer that breaks off is retried from the start, up to the
client's ``max_retries``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .._client import AsyncApiframe
from .._download import save_to_store
from ._store import Store

__all__ = ["SaveProgress", "save_outputs"]


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

    ``folder`` puts the files under that folder of the store. Files already there are kept
    (``overwrite=True`` fetches them again): a store shows only complete objects.
    """

    def progressed(job_id: str, name: str, received: int, total: int | None, index: int, count: int) -> None:
        if on_progress is not None:
            on_progress(SaveProgress(job_id, name, received, total, index, count))

    return await save_to_store(client, job, store, folder=folder, overwrite=overwrite, on_progress=progressed)
