"""One summary of every shard of a batch, from its store alone (as data; the CLI draws the table).

Counting needs one listing of ``state/`` (a record's status is in its name) and the shard
plans; only the latest records of failed lines are read, for their errors.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .._errors import InvalidRequestError
from ._budget import read_ledgers
from ._shard import Shard, shard_number
from ._state import BatchState, DamagedRecord, ShardPlan
from ._store import Store

__all__ = ["DONE", "FAILED", "BatchSummary", "FailedLine", "ShardSummary", "summarise"]

DONE = "completed"
"""The status of a line whose results are all in the store."""
FAILED = "failed"
"""The status of a line that will not succeed as written (the API refused it, or its job failed)."""


@dataclass(frozen=True, slots=True)
class FailedLine:
    """A failed line: its number, shard, the error recorded with it and the record it comes from."""

    line: int
    shard: Shard
    error: str | None
    record: str


@dataclass(frozen=True, slots=True)
class ShardSummary:
    """Where one shard stands.

    ``lines`` is how many input lines the shard owns (None when it is unknown: the shard has
    not started and no input was given); ``pending`` is what is neither done nor failed
    (None when ``lines`` is unknown); ``running`` counts lines with a record that is neither.
    """

    shard: Shard
    started: bool
    lines: int | None
    done: int
    failed: int
    running: int
    pending: int | None
    credits_spent: int = 0
    """Credits the shard's finished lines cost, as its credits ledger (``credits/N/K.json``) last recorded."""


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """Every shard of a batch, their totals, the failed lines and any damaged state objects."""

    shards: tuple[ShardSummary, ...]
    lines: int | None
    done: int
    failed: int
    running: int
    pending: int | None
    failures: tuple[FailedLine, ...]
    """The failed lines, first ones first (at most ``max_failures`` of them; ``failed`` counts all)."""
    damaged: tuple[DamagedRecord, ...]
    credits_spent: int = 0
    """Credits spent by every shard (of any N) that wrote a credits ledger in the store."""
    credits_spent_by_model: Mapping[str, int] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        """Whether every line of every shard is done or failed."""
        return self.pending == 0


async def summarise(
    store: Store,
    *,
    shards: int | None = None,
    lines: Iterable[int] | None = None,
    max_failures: int = 1000,
) -> BatchSummary:
    """Summarise the batch kept in ``store``, all its shards at once.

    ``shards`` is the N of ``K/N`` (by default the one the shards recorded); ``lines``, the
    input's request line numbers, makes the counts of shards that have not started known too.
    """
    state = BatchState(store)
    scan, (plans, damaged_plans), (ledgers, damaged_ledgers) = await asyncio.gather(
        state.scan(), state.plans(), read_ledgers(store)
    )
    count = _shard_count(shards, plans, store)
    totals: dict[int, int] = {}
    wanted: set[int] | None = None
    if lines is not None:
        wanted = set(lines)
        totals = dict.fromkeys(range(1, count + 1), 0)
        for line in wanted:
            index = shard_number(line, count)
            totals[index] = totals.get(index, 0) + 1
    started = {plan.shard.index for plan in plans if plan.shard.count == count}
    if lines is None:
        totals = {plan.shard.index: plan.lines for plan in plans if plan.shard.count == count}

    done = dict.fromkeys(range(1, count + 1), 0)
    failed = dict.fromkeys(range(1, count + 1), 0)
    running = dict.fromkeys(range(1, count + 1), 0)
    failed_lines: list[int] = []
    for line in sorted(scan.lines):
        if wanted is not None and line not in wanted:
            continue
        latest = scan.latest(line)
        if latest is None:
            continue
        index = shard_number(line, count)
        if latest.status == DONE:
            done[index] += 1
        elif latest.status == FAILED:
            failed[index] += 1
            failed_lines.append(line)
        else:
            running[index] += 1

    shown = failed_lines[: max(0, max_failures)]
    view = await state.latest(shown, scan=scan)
    failures: list[FailedLine] = []
    for line in shown:
        record = view.records.get(line)
        error = _error_of(record.fields.get("error")) if record is not None else None
        name = record.name if record is not None else scan.lines[line][-1].name
        failures.append(FailedLine(line, Shard(shard_number(line, count), count), error, name))

    summaries: list[ShardSummary] = []
    for index in range(1, count + 1):
        total = totals.get(index)
        finished = done[index] + failed[index]
        summaries.append(
            ShardSummary(
                shard=Shard(index, count),
                started=index in started,
                lines=total,
                done=done[index],
                failed=failed[index],
                running=running[index],
                pending=None if total is None else max(0, total - finished),
                credits_spent=sum(item.spent for item in ledgers if item.shard == Shard(index, count)),
            )
        )
    known = all(item.lines is not None for item in summaries)
    by_model: dict[str, int] = {}
    for ledger in ledgers:
        for model, spent in ledger.spent_by_model.items():
            by_model[model] = by_model.get(model, 0) + spent
    damaged_credits = [DamagedRecord(name, reason) for name, reason in damaged_ledgers]
    damaged = sorted({*view.damaged, *damaged_plans, *damaged_credits}, key=lambda item: item.name)
    return BatchSummary(
        shards=tuple(summaries),
        lines=sum(item.lines or 0 for item in summaries) if known else None,
        done=sum(done.values()),
        failed=sum(failed.values()),
        running=sum(running.values()),
        pending=sum(item.pending or 0 for item in summaries) if known else None,
        failures=tuple(failures),
        damaged=tuple(damaged),
        credits_spent=sum(item.spent for item in ledgers),
        credits_spent_by_model=dict(sorted(by_model.items())),
    )


def _shard_count(shards: int | None, plans: Iterable[ShardPlan], store: Store) -> int:
    if shards is not None:
        return Shard(1, shards).count
    counts = sorted({plan.shard.count for plan in plans})
    if len(counts) > 1:
        listed = ", ".join(str(count) for count in counts)
        raise InvalidRequestError(
            f"{store.url} holds shards of {listed}-way splits of a batch; "
            "say which to summarise (shards=N, or --shards N)",
            field="shards",
        )
    return counts[0] if counts else 1


def _error_of(value: object) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text if len(text) <= 2000 else text[:2000] + "..."
