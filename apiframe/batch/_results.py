"""Saving a job's result files into a :class:`~apiframe.batch.Store` (a folder, S3, GCS...).

``client.jobs.download`` itself, into the store: :class:`StoreSink` adapts a store to the download
engine's sink, so a batch gets the same names (``<job_id>[-<n>].<ext>``), the same checks (failed,
cancelled, unfinished or expired jobs raise their typed errors), the same request pipeline and
retry policy, the same deadlines. The API key is never sent: result URLs are public CDN links.
Each file is streamed from the CDN into the store with bounded memory and written atomically, its
length checked against ``Content-Length``; an HTML page is never saved; a file already in the
store is not fetched again. A transfer that breaks off is retried from the start, up to the
client's ``max_retries``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._client import AsyncApiframe
from .._download import Body, DownloadProgress, FolderSink
from .._flow import Await, Flow
from ._store import LocalStore, StorageError, Store, check_name

__all__ = ["SaveProgress", "StoreSink", "save_outputs"]


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

    def progressed(step: DownloadProgress) -> None:
        if on_progress is not None:
            name = step.path.as_posix()
            on_progress(SaveProgress(step.job_id, name, step.received, step.total, step.index, step.count))

    return await client.jobs.download(job, StoreSink(store, folder), overwrite=overwrite, on_progress=progressed)


class StoreSink:
    """A store as a download destination (``apiframe._download.Sink``): objects under ``folder``.

    A store shows only complete objects, so a file found is a file saved. For a local folder any
    extension counts, as for ``jobs.download``; elsewhere the expected one.
    """

    def __init__(self, store: Store, folder: str = "") -> None:
        if folder:
            check_name(folder)
        self.store = store
        self.folder = folder

    def _name(self, leaf: str) -> str:
        return f"{self.folder}/{leaf}" if self.folder else leaf

    def check(self) -> Flow[None]:
        yield from ()

    def prepare(self) -> Flow[None]:
        yield from ()

    def find(self, stem: str, extension: str) -> Flow[str | None]:
        if isinstance(self.store, LocalStore):
            root = self.store.root / self.folder if self.folder else self.store.root
            found = yield from FolderSink(root).find(stem, extension)
            return None if found is None else self._name(found.name)
        name = self._name(stem + extension)
        size: int | None = yield Await(self.store.size, (name,))
        return None if size is None else name

    def save(self, stem: str, extension: str, body: Body) -> Flow[str]:
        # the object's name waits for the file's first bytes: they choose its extension
        try:
            yield body.stream_named(
                stem, lambda leaf, chunks: self.store.write(self._name(leaf), chunks, size=body.size)
            )
        except StorageError as error:
            if body.short:
                body.check_complete()
            raise body.failed(error) from None
        return self._name(stem + body.extension)

    def shown(self, name: str) -> Path:
        return Path(self._name(name))
