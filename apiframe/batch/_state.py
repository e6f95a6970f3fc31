"""A batch's state kept in its store: one immutable record per state change of a line.

Every change of a line (its status and whatever goes with it: idempotency key, job id,
files, error) is a new object, never an edit of an old one::

    state/<line:010d>/<seq:06d>.<status>.<writer>.json    one per change of a line
    shards/<N>/<K>.json                                    what shard K of N set out to run

The line key is the line number alone, whichever shard runs it, so a shard restarted on
another machine (or a summary of all shards) finds every record by listing ``state/``. Only
the shard that owns a line writes its records, and every writer (one :class:`BatchState`)
puts its own random id in the names, so two writers never write the same object. The latest
record of a line is the one with the highest ``seq``; the status is in the name, so counting
lines by status needs a listing only. A damaged record (unreadable, not JSON, not matching its
name) is reported by name and the line falls back to its previous record.
"""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from .._errors import InvalidRequestError
from .._pipeline import loads_bounded
from ._shard import Shard
from ._store import ObjectInfo, StorageError, Store

__all__ = ["BatchState", "DamagedRecord", "LineRecord", "RecordName", "ShardPlan", "StateScan", "StateView"]

STATE_PREFIX = "state"
PLANS_PREFIX = "shards"
STATE_FOLDER = STATE_PREFIX + "/"
_STATUS = re.compile(r"[a-z][a-z_]{0,31}")
_RECORD_NAME = re.compile(r"state/(\d{10})/(\d{6})\.([a-z][a-z_]{0,31})\.([0-9a-f]{16})\.json")
_PLAN_NAME = re.compile(r"shards/(\d{1,7})/(\d{1,7})\.json")
_MAX_LINE = 9_999_999_999
_MAX_SEQ = 999_999
_READ_CONCURRENCY = 16


@dataclass(frozen=True, slots=True, order=True)
class RecordName:
    """A record as its name describes it (sorting puts a line's records oldest first)."""

    line: int
    seq: int
    name: str
    status: str = field(compare=False)


@dataclass(frozen=True, slots=True)
class LineRecord:
    """The content of one record: ``fields`` holds what the writer recorded beside the status."""

    line: int
    seq: int
    status: str
    name: str
    fields: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class DamagedRecord:
    """An object of the batch's state that could not be used, and why."""

    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class ShardPlan:
    """What one shard set out to run: its shard, how many lines it owns, and the input's identity."""

    shard: Shard
    lines: int
    input: str | None
    name: str


@dataclass(slots=True)
class StateScan:
    """Every line's records as the listing shows them (no record read), and the unparseable names."""

    lines: dict[int, list[RecordName]]
    damaged: list[DamagedRecord]

    def latest(self, line: int) -> RecordName | None:
        """The newest record name of ``line``, if it has any."""
        records = self.lines.get(line)
        return records[-1] if records else None


@dataclass(slots=True)
class StateView:
    """The latest readable record of each line asked for, and the records found damaged on the way."""

    records: dict[int, LineRecord]
    damaged: list[DamagedRecord]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _parse_record(entry: RecordName, data: bytes) -> LineRecord:
    try:
        body = loads_bounded(data)
    except ValueError as error:  # not JSON, not UTF-8, or nested too deep to read
        raise ValueError(f"not JSON ({error})") from None
    if not isinstance(body, dict):
        raise ValueError("not a JSON object")
    if body.get("line") != entry.line or body.get("seq") != entry.seq or body.get("status") != entry.status:
        raise ValueError("its line, seq or status does not match its name")
    fields = {key: value for key, value in body.items() if key not in ("line", "seq", "status")}
    return LineRecord(entry.line, entry.seq, entry.status, entry.name, fields)


class BatchState:
    """Reads and writes the state records of one batch in ``store`` (see the module docstring).

    One instance is one writer: use one per running shard process.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.writer = uuid.uuid4().hex[:16]
        self._last_seq: dict[int, int] = {}
        self._scanned = False

    async def scan(self, objects: Iterable[ObjectInfo] | None = None) -> StateScan:
        """List every record of every shard (names only: one listing, no reads).

        ``objects`` is a listing of the store already made (of ``state/`` or of everything).
        """
        lines: dict[int, list[RecordName]] = {}
        damaged: list[DamagedRecord] = []
        listed = await self.store.objects(STATE_PREFIX) if objects is None else objects
        for item in listed:
            if not item.name.startswith(STATE_FOLDER):
                continue
            match = _RECORD_NAME.fullmatch(item.name)
            if match is None:
                damaged.append(DamagedRecord(item.name, "not a state record name"))
                continue
            entry = RecordName(int(match.group(1)), int(match.group(2)), item.name, match.group(3))
            lines.setdefault(entry.line, []).append(entry)
        for records in lines.values():
            records.sort()
        self._last_seq = {line: records[-1].seq for line, records in lines.items()}
        self._scanned = True
        return StateScan(lines, damaged)

    async def newest(self) -> AsyncIterator[RecordName | DamagedRecord]:
        """The newest record name of every line that has records, as the listing goes (no reads).

        Streams: memory stays bounded whatever the number of lines (a line's records are in one
        folder, which a store lists together). Names that are not record names come as
        :class:`DamagedRecord`.
        """
        line = seq = -1
        name = status = ""
        async for batch in self.store.walk(STATE_PREFIX):
            for item in batch:
                match = _RECORD_NAME.fullmatch(item.name)
                if match is None:
                    yield DamagedRecord(item.name, "not a state record name")
                    continue
                number, order = int(match.group(1)), int(match.group(2))
                if number != line:
                    if line >= 0:
                        yield RecordName(line, seq, name, status)
                    line, seq, name, status = number, order, item.name, match.group(3)
                elif (order, item.name) > (seq, name):
                    seq, name, status = order, item.name, match.group(3)
        if line >= 0:
            yield RecordName(line, seq, name, status)

    async def read(self, entry: RecordName) -> LineRecord:
        """The record ``entry`` names; ``ValueError`` (with the reason) when it is damaged."""
        try:
            data = await self.store.read_bytes(entry.name, limit=1 << 20)
        except StorageError as error:
            raise ValueError(str(error)) from None
        return _parse_record(entry, data)

    async def latest(
        self,
        lines: Iterable[int] | None = None,
        *,
        scan: StateScan | None = None,
        check: Callable[[LineRecord], str | None] | None = None,
    ) -> StateView:
        """The latest readable record of every line (of ``lines`` only, when given).

        A damaged record (unreadable, or one ``check`` finds a problem with) is reported in
        ``damaged`` and its line falls back to its previous record (no record at all if none
        is usable). Reads run a few at a time.
        """
        found = scan if scan is not None else await self.scan()
        wanted = sorted(found.lines) if lines is None else sorted(set(lines) & found.lines.keys())
        records: dict[int, LineRecord] = {}
        damaged: list[DamagedRecord] = list(found.damaged)

        async def newest(line: int) -> None:
            for entry in reversed(found.lines[line]):
                try:
                    record = await self.read(entry)
                except ValueError as error:
                    damaged.append(DamagedRecord(entry.name, str(error)))
                    continue
                problem = check(record) if check is not None else None
                if problem:
                    damaged.append(DamagedRecord(entry.name, problem))
                    continue
                records[line] = record
                return

        for start in range(0, len(wanted), _READ_CONCURRENCY):  # a few reads at a time, whatever the line count
            await asyncio.gather(*(newest(line) for line in wanted[start : start + _READ_CONCURRENCY]))
        damaged.sort(key=lambda item: item.name)
        return StateView(records, damaged)

    async def record(self, line: int, status: str, **fields: Any) -> LineRecord:
        """Write a new record for ``line``: its ``status`` and JSON-serialisable ``fields``."""
        if not isinstance(line, int) or isinstance(line, bool) or not 1 <= line <= _MAX_LINE:
            raise InvalidRequestError(f"line must be a line number from 1 to {_MAX_LINE}, got {line!r}", field="line")
        if not isinstance(status, str) or not _STATUS.fullmatch(status):
            raise InvalidRequestError(
                f"status must be a lowercase word (a-z and _, at most 32 characters), got {status!r}", field="status"
            )
        if line not in self._last_seq and not self._scanned:
            prefix = f"{STATE_PREFIX}/{line:010d}"
            seqs = [int(m.group(2)) for i in await self.store.objects(prefix) if (m := _RECORD_NAME.fullmatch(i.name))]
            self._last_seq[line] = max([self._last_seq.get(line, 0), *seqs])
        seq = self._last_seq.get(line, 0) + 1
        self._last_seq[line] = seq  # taken before any await: two records of a line never share a seq
        if seq > _MAX_SEQ:
            raise StorageError(f"line {line} has {_MAX_SEQ} records already: its state is stuck in a loop")
        body = {"line": line, "seq": seq, "status": status, "writer": self.writer, "time": _now(), **fields}
        try:
            data = json.dumps(body, ensure_ascii=False, allow_nan=False).encode()
        except (TypeError, ValueError) as error:
            raise InvalidRequestError(f"record fields of line {line} are not JSON: {error}", field="fields") from None
        name = f"{STATE_PREFIX}/{line:010d}/{seq:06d}.{status}.{self.writer}.json"
        await self.store.write_bytes(name, data)
        return LineRecord(
            line, seq, status, name, {k: v for k, v in body.items() if k not in ("line", "seq", "status")}
        )

    async def write_plan(self, shard: Shard, lines: int, *, input: str | None = None) -> ShardPlan:
        """Record that ``shard`` owns ``lines`` lines of the input identified by ``input`` (a digest)."""
        name = f"{PLANS_PREFIX}/{shard.count}/{shard.index}.json"
        body = {"shard": str(shard), "lines": lines, "input": input, "writer": self.writer, "time": _now()}
        await self.store.write_bytes(name, json.dumps(body).encode())
        return ShardPlan(shard, lines, input, name)

    async def plans(self) -> tuple[list[ShardPlan], list[DamagedRecord]]:
        """Every shard plan in the store (of any shard count), and those that could not be read."""
        plans: list[ShardPlan] = []
        damaged: list[DamagedRecord] = []
        for item in await self.store.objects(PLANS_PREFIX):
            match = _PLAN_NAME.fullmatch(item.name)
            if match is None:
                damaged.append(DamagedRecord(item.name, "not a shard plan name"))
                continue
            try:
                body = loads_bounded(await self.store.read_bytes(item.name, limit=1 << 16))
                shard = Shard(int(match.group(2)), int(match.group(1)))
                if not isinstance(body, dict) or body.get("shard") != str(shard):
                    raise ValueError("its shard does not match its name")
                count = body.get("lines")
                digest = body.get("input")
                if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                    raise ValueError("its line count is not a whole number")
                if digest is not None and not isinstance(digest, str):
                    raise ValueError("its input identity is not a string")
            except (ValueError, UnicodeDecodeError, StorageError, InvalidRequestError) as error:
                damaged.append(DamagedRecord(item.name, str(error)))
                continue
            plans.append(ShardPlan(shard, count, digest, item.name))
        return plans, damaged
