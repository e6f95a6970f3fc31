"""A batch's credits: what each shard spent, and a budget (``max_credits``) shared by every shard.

Each shard keeps one ledger object in the store, rewritten as its lines start and end::

    credits/<N>/<K>.json   {"claim", "spent", "spentByModel", "reserved", "inFlight", "limit", ...}

``spent`` is the ``creditCost`` of the shard's finished lines (also recorded with each line,
so a resumed shard recomputes it); ``reserved`` is the worst case (the catalog's estimate) of
its lines that may be running; ``claim`` is the share of the budget the shard holds, at
least ``spent + reserved``. With a budget of N credits, a line starts only once its shard's
claim covers ``spent + reserved + the line's worst case``. Raising a claim is done so that
two shards never both overrun N, with nothing but the store's atomic writes and listings:
the shard writes its raised claim first, then reads every other shard's claim; if the total
passes N it writes its previous claim back and tries again a little later. Of two shards
raising at once, at least one sees the other's raise (the second to read), so the total of
granted claims never passes N. Before a line is submitted, the ledger records it in
``inFlight``: a shard killed at any point leaves a claim covering every job it may have
started, which every other shard keeps counting until the killed shard is run again (it
then rebuilds its ledger from its lines' records and the lines its old ledger had in flight,
and releases the rest). Its jobs' costs are covered whatever happened to them.

Limits: the budget holds as long as no job costs more than the catalog's ``costMax`` for it
allows; it covers the runs that were given ``max_credits`` (a run without one records what it
spends, but reserves nothing); one process per shard, as for the rest of the batch's state.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .._errors import ApiframeError, InvalidRequestError
from .._pipeline import loads_bounded
from .._retry import JITTER
from ._lines import nothing_sent
from ._shard import Shard
from ._store import StorageError, Store

if TYPE_CHECKING:
    from .._credits import PriceList
    from .._job_requests import GenerationRequest
    from ._lines import BatchLine
    from ._runner import Task

__all__ = [
    "LEDGER_PREFIX",
    "BatchEstimate",
    "CreditLedger",
    "ModelEstimate",
    "OverBudget",
    "ShardCredits",
    "budget_worst",
    "estimate_batch",
    "read_ledgers",
    "requests_of",
]

LEDGER_PREFIX = "credits"
_LEDGER_NAME = re.compile(r"credits/(\d{1,7})/(\d{1,7})\.json")
_WRITE_EVERY = 1.0
"""Seconds between two ledger writes that only record what was spent (a budget's raises are written at once)."""
_CONFLICT_TRIES = 6


class OverBudget(ApiframeError):
    """A line was not started: its worst case does not fit in what is left of the credit budget."""


@dataclass(frozen=True, slots=True)
class ShardCredits:
    """One shard's ledger as the store has it."""

    shard: Shard
    claim: int
    spent: int
    reserved: int
    spent_by_model: Mapping[str, int]
    limit: int | None
    in_flight: Mapping[int, int]
    name: str


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{value!r:.40} is not a whole number of credits")
    return value


def _parse_ledger(name: str, shard: Shard, data: bytes) -> ShardCredits:
    try:
        body = loads_bounded(data)
    except ValueError as error:  # not JSON, not UTF-8, or nested too deep to read
        raise ValueError(f"not JSON ({error})") from None
    if not isinstance(body, dict) or body.get("shard") != str(shard):
        raise ValueError("its shard does not match its name")
    models = body.get("spentByModel") or {}
    flight = body.get("inFlight") or {}
    limit = body.get("limit")
    if not isinstance(models, dict) or not isinstance(flight, dict):
        raise ValueError("spentByModel and inFlight must be objects")
    return ShardCredits(
        shard=shard,
        claim=_count(body.get("claim")),
        spent=_count(body.get("spent")),
        reserved=_count(body.get("reserved")),
        spent_by_model={str(k)[:200]: _count(v) for k, v in list(models.items())[:10_000]},
        limit=None if limit is None else _count(limit),
        in_flight={int(k): _count(v) for k, v in list(flight.items())[:10_000]},
        name=name,
    )


async def read_ledgers(store: Store) -> tuple[list[ShardCredits], list[tuple[str, str]]]:
    """Every shard's ledger in ``store``, and the (name, reason) of those that could not be read."""
    found: list[ShardCredits] = []
    damaged: list[tuple[str, str]] = []
    for item in await store.objects(LEDGER_PREFIX):
        match = _LEDGER_NAME.fullmatch(item.name)
        if match is None:
            damaged.append((item.name, "not a credits ledger name"))
            continue
        try:
            shard = Shard(int(match.group(2)), int(match.group(1)))
            found.append(_parse_ledger(item.name, shard, await store.read_bytes(item.name, limit=1 << 20)))
        except (ValueError, InvalidRequestError, StorageError) as error:
            damaged.append((item.name, str(error)))
    return found, damaged


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _job_cost(task: Task) -> int | None:
    cost = getattr(task.job, "credit_cost", None) if task.job is not None else None
    if not isinstance(cost, int) or isinstance(cost, bool):
        cost = task.credit_cost
    return cost if isinstance(cost, int) and not isinstance(cost, bool) and cost >= 0 else None


@dataclass(slots=True)
class CreditLedger:
    """One shard's credits while it runs: its ledger in the store and, with ``limit``, the budget gate.

    ``worst`` maps each line to its worst case in credits (needed with a ``limit`` only).
    Used by the batch runner as each task's gate (:meth:`hold`).
    """

    store: Store
    shard: Shard
    limit: int | None = None
    worst: Mapping[int, int] = field(default_factory=dict)
    spent_lines: dict[int, int] = field(default_factory=dict)
    models: dict[int, str] = field(default_factory=dict)
    reserved: dict[int, int] = field(default_factory=dict)
    """Lines that may have a job whose cost is not known yet -> their worst case."""
    claim: int = 0
    refused: int = 0
    """Lines this run did not start because of the budget."""
    _running: int = 0
    _spent: int = 0
    _by_model: dict[str, int] = field(default_factory=dict)
    _reserved: int = 0
    _others_claim: int = 0
    _written: float = 0.0
    _dirty: bool = False
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    _settled: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def name(self) -> str:
        return f"{LEDGER_PREFIX}/{self.shard.count}/{self.shard.index}.json"

    @property
    def spent(self) -> int:
        return self._spent

    @property
    def spent_by_model(self) -> dict[str, int]:
        return dict(sorted(self._by_model.items()))

    @property
    def held(self) -> int:
        """Spent plus reserved: what this shard's lines may have cost."""
        return self._spent + self._reserved

    # The totals are kept as lines change (O(1) per line, whatever the shard's size).

    def _spend(self, line: int, cost: int, model: str) -> None:
        self._release(line)
        old = self.spent_lines.get(line)
        if old is not None:
            self._spent -= old
            self._by_model[self.models.get(line, "-")] -= old
        self.spent_lines[line] = cost
        self.models[line] = model
        self._spent += cost
        self._by_model[model] = self._by_model.get(model, 0) + cost

    def _reserve(self, line: int, worst: int) -> None:
        self._reserved += worst - self.reserved.get(line, 0)
        self.reserved[line] = worst

    def _release(self, line: int) -> None:
        self._reserved -= self.reserved.pop(line, 0)

    async def open(self, tasks: Sequence[Task]) -> None:
        """Rebuild the ledger from the shard's tasks (and its previous ledger); write it."""
        previous: ShardCredits | None = None
        with contextlib.suppress(ValueError, StorageError):
            if await self.store.exists(self.name):
                previous = _parse_ledger(self.name, self.shard, await self.store.read_bytes(self.name, limit=1 << 20))
        flight = previous.in_flight if previous is not None else {}
        for task in tasks:
            if task.done:
                cost = _job_cost(task)
                if cost is None:
                    cost = 0 if task.status == "failed" else self.worst.get(task.line, 0)
                self._spend(task.line, cost, task.model)
            elif task.status == "submitted" or task.line in flight:
                self._reserve(task.line, max(self.worst.get(task.line, 0), flight.get(task.line, 0)))
        async with self._lock:
            need = self.held
            if self.limit is not None and (previous is None or need > previous.claim):
                await self._raise(need)  # a shard that overran its claim keeps what it holds: the jobs exist
            self.claim = need
            await self._write()

    # -- the gate -------------------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def hold(self, task: Task) -> AsyncIterator[None]:
        """Around one task's run: reserve its worst case before a new submission, settle it after."""
        if task.done:
            yield
            return
        if self.limit is not None and task.status == "pending" and task.line not in self.reserved:
            await self._acquire(task)
        self._running += 1
        try:
            yield
        finally:
            self._running -= 1
            if task.done:
                await self._settle(task)
            self._settled.set()

    async def _acquire(self, task: Task) -> None:
        assert self.limit is not None
        worst = self.worst.get(task.line, 0)
        while True:
            async with self._lock:
                need = self.held + worst
                if need <= self.claim or (need <= self.limit and await self._raise(need)):
                    self._reserve(task.line, worst)
                    self.claim = max(self.claim, need)
                    await self._write()  # the line is on record as in flight before it is submitted
                    return
                if self._running == 0:
                    self.refused += 1
                    raise OverBudget(
                        f"not started: its worst case ({worst} credits) does not fit in the budget of {self.limit} "
                        f"(this shard spent {self.spent} and holds {self.held - self.spent} for unfinished lines; "
                        f"other shards hold {self._others_claim}); run again to resume"
                    )
                self._settled.clear()
            await self._settled.wait()  # a running line ends: its unused worst case comes back

    async def _raise(self, target: int) -> bool:
        """Raise this shard's claim to ``target`` if every shard's claims stay within the limit."""
        assert self.limit is not None
        previous = self.claim
        for attempt in range(_CONFLICT_TRIES):
            others = await self._others()
            if target + others > self.limit:
                return False
            self.claim = target
            await self._write()
            others = await self._others()
            if target + others <= self.limit:
                return True
            self.claim = previous  # another shard raised at the same time: back off, both retry
            await self._write()
            await asyncio.sleep(JITTER.uniform(0.02, 0.1) * (attempt + 1))
        return False

    async def _others(self) -> int:
        """What every other shard claims (a damaged ledger of another shard stops new lines: it may hold any)."""
        ledgers, damaged = await read_ledgers(self.store)
        for name, reason in damaged:
            if name != self.name:
                raise OverBudget(f"cannot tell what other shards hold: {name} is damaged ({reason}); fix or remove it")
        self._others_claim = sum(item.claim for item in ledgers if item.name != self.name)
        return self._others_claim

    async def _settle(self, task: Task) -> None:
        cost = _job_cost(task)
        if cost is None:
            cost = 0 if task.status == "failed" else self.reserved.get(task.line, self.worst.get(task.line, 0))
        task.credit_cost = cost
        self._spend(task.line, cost, task.model)
        self._dirty = True
        if self._running == 0 or time.monotonic() - self._written >= _WRITE_EVERY:
            await self.flush()

    async def flush(self) -> None:
        """Write the ledger if something changed since it was last written."""
        if not self._dirty:
            return
        async with self._lock:
            if self.limit is None or self._running == 0:
                self.claim = self.held  # nothing running: give back what the finished lines did not use
            await self._write()

    async def _write(self) -> None:
        body = {
            "shard": str(self.shard),
            "claim": max(self.claim, self.held),
            "spent": self.spent,
            "reserved": self._reserved,
            "spentByModel": self.spent_by_model,
            "inFlight": {str(line): cost for line, cost in sorted(self.reserved.items())},
            "limit": self.limit,
            "time": _now(),
        }
        await self.store.write_bytes(self.name, json.dumps(body).encode())
        self._written = time.monotonic()
        self._dirty = False


# -- estimates of a whole batch (--dry-run) --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ModelEstimate:
    """The lines of one model (catalog entry) and their estimated credits (``maximum`` None: unbounded)."""

    model: str
    lines: int
    minimum: int
    maximum: int | None


@dataclass(frozen=True, slots=True)
class BatchEstimate:
    """What a batch's lines will cost: per model, in total, and the lines that cannot be priced."""

    models: tuple[ModelEstimate, ...]
    lines: int
    minimum: int
    maximum: int | None
    unpriced: tuple[tuple[int, str], ...]
    """(line number, why) for lines the catalog cannot price."""
    worst: Mapping[int, int | None] = field(default_factory=dict, repr=False)
    """Line number -> its worst case (None: unbounded)."""


def requests_of(lines: Iterable[BatchLine]) -> list[tuple[int, GenerationRequest]]:
    """Every line checked into a request; ``InvalidRequestError`` naming each bad line (nothing is sent)."""
    from .._job_requests import request_from_line

    requests: list[tuple[int, GenerationRequest]] = []
    problems: list[str] = []
    for line in lines:
        try:
            requests.append((line.number, request_from_line(line.data)))
        except InvalidRequestError as error:
            problems.append(f"line {line.number}: {error}")
    if problems:
        raise nothing_sent(problems)
    return requests


def estimate_batch(requests: Iterable[tuple[int, GenerationRequest]], prices: PriceList) -> BatchEstimate:
    """Estimate every (line number, request) from the catalog's ``prices``; nothing is sent."""
    lines = 0
    unpriced: list[tuple[int, str]] = []
    worst: dict[int, int | None] = {}
    per_model: dict[str, list[int]] = {}
    unbounded: set[str] = set()
    for number, request in requests:
        lines += 1
        try:
            estimate = prices.estimate(request)
        except InvalidRequestError as error:
            unpriced.append((number, error.message))
            continue
        worst[number] = estimate.maximum
        totals = per_model.setdefault(estimate.model, [0, 0, 0])
        totals[0] += 1
        totals[1] += estimate.minimum
        if estimate.maximum is None:
            unbounded.add(estimate.model)
        else:
            totals[2] += estimate.maximum
    models = tuple(
        ModelEstimate(model, count, low, None if model in unbounded else high)
        for model, (count, low, high) in sorted(per_model.items())
    )
    bounded = not unpriced and not unbounded
    return BatchEstimate(
        models=models,
        lines=lines,
        minimum=sum(item.minimum for item in models),
        maximum=sum(item.maximum or 0 for item in models) if bounded else None,
        unpriced=tuple(unpriced),
        worst=worst,
    )


def budget_worst(estimate: BatchEstimate, limit: int) -> dict[int, int]:
    """Each line's worst case for a budget of ``limit``; ``InvalidRequestError`` for a line it cannot bound."""
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise InvalidRequestError(
            f"max_credits must be a whole number of credits >= 0, got {limit!r}", field="max_credits"
        )
    problems = [f"line {number}: {why}" for number, why in estimate.unpriced]
    problems += [
        f"line {number}: its cost has no upper bound in the catalog (set its duration or output count)"
        for number, worst in estimate.worst.items()
        if worst is None
    ]
    if problems:
        raise nothing_sent(problems)
    return {number: int(worst or 0) for number, worst in estimate.worst.items()}
