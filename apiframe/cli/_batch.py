"""``apiframe batch``: the shell's side of the batch engine in :mod:`apiframe.batch`.

The engine plans and runs one shard of a batch, keeping its state beside the results in the
``--out`` store (a folder or an fsspec URL); this module turns flags into its arguments, its
findings into messages, and a store's state into the ``batch status`` table.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from .._errors import InvalidRequestError
from ..batch import BatchSummary, Shard, Store, open_store, read_batch, summarise
from ..batch._legacy import MANIFEST_NAME, LegacyManifest
from ..batch._lines import legacy_identity
from ..batch._run import BatchRun
from ..batch._store import LocalStore

__all__ = ["MANIFEST_NAME", "open_out", "prepare", "status_rows", "summary_json"]


def open_out(out: str) -> Store:
    """The store ``--out`` names: a folder (a path or ``file://``) or an fsspec URL."""
    store = open_store(out)
    if isinstance(store, LocalStore) and store.root.exists() and not store.root.is_dir():
        raise InvalidRequestError(f"--out {out} is a file; pass a folder or a storage URL", field="out")
    return store


def prepare(file: Path, store: Store, shard: str | None, *, retry_failed: bool) -> BatchRun:
    """Read ``file`` and plan this shard of it against the store's state; nothing is sent.

    A local folder holding an earlier version's ``manifest.jsonl`` keeps that batch's keys.
    """
    owner = Shard.parse(shard) if shard is not None else Shard(1, 1)
    lines = read_batch(file, owns=owner.owns)  # only this shard's lines are parsed and kept
    identity = None
    legacy = None
    if isinstance(store, LocalStore):
        legacy = LegacyManifest(store.root / MANIFEST_NAME)
        if legacy.present:
            identity = legacy_identity(file, store.root)
    batch = BatchRun(store, lines, owner, identity=identity, legacy=legacy)
    batch.lock()
    try:
        asyncio.run(batch.plan(retry_failed=retry_failed))
    except BaseException:
        batch.close()
        raise
    return batch


def file_location(store: Store, name: str) -> str:
    """Where a result object is, as the user can open it."""
    if isinstance(store, LocalStore):
        return str(store.root / name)
    return f"{store.url.rstrip('/')}/{name}"


def status_rows(summary: BatchSummary) -> list[list[str]]:
    """One row per shard: shard, lines, done, failed, running, pending."""

    def shown(value: int | None) -> str:
        return "?" if value is None else str(value)

    rows = [
        [str(item.shard), shown(item.lines), str(item.done), str(item.failed), str(item.running), shown(item.pending)]
        for item in summary.shards
    ]
    rows.append(
        [
            "all",
            shown(summary.lines),
            str(summary.done),
            str(summary.failed),
            str(summary.running),
            shown(summary.pending),
        ]
    )
    return rows


def summary_json(summary: BatchSummary, store: Store) -> dict[str, Any]:
    """``batch status --json``: the totals, every shard, the failed lines and the damaged objects."""
    return {
        "out": store.url,
        "lines": summary.lines,
        "completed": summary.done,
        "failed": summary.failed,
        "running": summary.running,
        "pending": summary.pending,
        "complete": summary.complete,
        "shards": [
            {
                "shard": str(item.shard),
                "started": item.started,
                "lines": item.lines,
                "completed": item.done,
                "failed": item.failed,
                "running": item.running,
                "pending": item.pending,
            }
            for item in summary.shards
        ],
        "failures": [{"line": f.line, "shard": str(f.shard), "error": f.error} for f in summary.failures],
        "damaged": [{"name": d.name, "reason": d.reason} for d in summary.damaged],
    }


def load_summary(store: Store, shards: int | None) -> BatchSummary:
    return asyncio.run(summarise(store, shards=shards))
