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
from ._messages import shell_words

__all__ = [
    "MANIFEST_NAME",
    "budget_lines",
    "dry_run",
    "open_out",
    "prepare",
    "status_rows",
    "summary_json",
    "use_budget",
]


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
        "creditsSpent": summary.credits_spent,
        "creditsSpentByModel": dict(summary.credits_spent_by_model),
        "shards": [
            {
                "shard": str(item.shard),
                "started": item.started,
                "lines": item.lines,
                "completed": item.done,
                "failed": item.failed,
                "running": item.running,
                "pending": item.pending,
                "creditsSpent": item.credits_spent,
            }
            for item in summary.shards
        ],
        "failures": [
            {"line": f.line, "shard": str(f.shard), "error": shell_words(f.error) if f.error else f.error}
            for f in summary.failures
        ],
        "damaged": [{"name": d.name, "reason": d.reason} for d in summary.damaged],
    }


def use_budget(settings: Any, run: BatchRun, max_credits: int) -> None:
    """``--max-credits N``: this shard starts lines only within N for all shards (catalog from the API)."""
    from .._credits import PriceList

    run.use_budget(max_credits, PriceList(settings.client().models.list()))


def budget_lines(run: BatchRun) -> dict[str, Any]:
    """The run's credits for its summary: spent (total, per model), reserved, and lines the budget held back."""
    ledger = run.credits
    return {
        "creditsSpent": ledger.spent,
        "creditsSpentByModel": ledger.spent_by_model,
        "creditsReserved": ledger.held - ledger.spent,
        "maxCredits": ledger.limit,
        "notStarted": ledger.refused,
    }


def dry_run(settings: Any, file: Path, shard: str | None) -> dict[str, Any]:
    """``batch FILE --dry-run``: the estimate of every line of ``file`` (of ``shard``), and the team's balance."""
    from .._credits import PriceList
    from ..batch._budget import estimate_batch, requests_of

    owner = Shard.parse(shard) if shard is not None else Shard(1, 1)
    requests = requests_of(read_batch(file, owns=owner.owns))
    client = settings.client()
    estimate = estimate_batch(requests, PriceList(client.models.list()))
    team = client.me().team
    return {
        "dryRun": True,
        "shard": str(owner),
        "lines": estimate.lines,
        "models": [
            {"model": m.model, "lines": m.lines, "creditsMin": m.minimum, "creditsMax": m.maximum}
            for m in estimate.models
        ],
        "creditsMin": estimate.minimum,
        "creditsMax": estimate.maximum,
        "creditsAvailable": team.credits if team is not None else None,
        "unpriced": [{"line": number, "error": why} for number, why in estimate.unpriced],
    }


def load_summary(store: Store, shards: int | None) -> BatchSummary:
    return asyncio.run(summarise(store, shards=shards))
