"""``apiframe batch``: a JSONL file of generations, run with a manifest that makes it resumable.

The manifest (``manifest.jsonl`` in the output directory) is an append-only log: one JSON
record per state change of a line (its idempotency key, job id, status, files), flushed and
fsynced before the next step. The last record of a line wins, and a torn final record (the
process was killed while writing it) is ignored. So a batch killed at any point and started
again submits nothing twice (a line's key is on disk before its request is sent, and a replay
with the same key returns the same job), redoes nothing finished and loses nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .._errors import InvalidRequestError
from ._requests import request_from_line
from ._runner import Task

__all__ = ["MANIFEST_NAME", "BatchLine", "Manifest", "plan_tasks", "read_batch"]

MANIFEST_NAME = "manifest.jsonl"


@dataclass(frozen=True, slots=True)
class BatchLine:
    """A request line of the input: its 1-based line number, text hash and parsed JSON."""

    number: int
    digest: str
    data: Any


def read_batch(path: Path) -> list[BatchLine]:
    """The request lines of a JSONL file (blank lines and ``#`` comments skipped)."""
    if not path.is_file():
        raise InvalidRequestError(f"batch file {path} does not exist or is not a file", field="file")
    lines: list[BatchLine] = []
    problems: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            text = raw.strip()
            if not text or text.startswith("#"):
                continue
            try:
                data = json.loads(text)
            except json.JSONDecodeError as error:
                problems.append(f"line {number}: not JSON ({error.msg} at column {error.colno})")
                continue
            digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]
            lines.append(BatchLine(number, digest, data))
    if problems:
        raise InvalidRequestError(f"{path}: " + "; ".join(problems[:10]), field="file")
    if not lines:
        raise InvalidRequestError(f"{path} has no request lines", field="file")
    return lines


class Manifest:
    """The append-only record of a batch's progress."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.records: dict[int, dict[str, Any]] = {}
        if path.exists():
            self._load()
        self._handle: IO[str] | None = None
        self._lock: IO[str] | None = None

    def lock(self) -> None:
        """Claim the output directory for this run, and clear what a killed run left half-written.

        A second batch writing into the same directory at the same time is refused.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = (self.path.parent / ".manifest.lock").open("w")
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: no advisory locks, no check
            fcntl = None  # type: ignore[assignment]
        if fcntl is not None:
            try:
                fcntl.flock(self._lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:
                self._lock.close()
                self._lock = None
                raise InvalidRequestError(
                    f"another apiframe batch is writing into {self.path.parent}; wait for it or use another --out",
                    field="out",
                ) from error
        for stale in self.path.parent.glob(".*.part"):
            stale.unlink(missing_ok=True)

    def _load(self) -> None:
        with self.path.open(encoding="utf-8") as handle:
            rows = handle.read().split("\n")
        for row in rows:
            try:
                record = json.loads(row) if row.strip() else None
            except ValueError:
                continue  # a record torn by a kill while it was written: that step is simply redone
            if isinstance(record, dict) and isinstance(record.get("line"), int):
                self.records[record["line"]] = record

    def write(self, tasks: Iterable[Task], digests: Mapping[int, str]) -> None:
        """Append the current state of ``tasks``, durably, before anything else happens."""
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            torn = self.path.exists() and self.path.stat().st_size > 0 and not self._ends_with_newline()
            self._handle = self.path.open("a", encoding="utf-8")
            if torn:
                self._handle.write("\n")  # keep a torn last record off the next one
        for task in tasks:
            record = {
                "line": task.line,
                "input": digests[task.line],
                "key": task.key,
                "model": task.request.model,
                "job_id": task.job_id,
                "status": task.status,
                "files": task.files,
                "error": task.error,
            }
            self.records[task.line] = record
            self._handle.write(json.dumps(record) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def _ends_with_newline(self) -> bool:
        with self.path.open("rb") as handle:
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) == b"\n"

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        if self._lock is not None:
            self._lock.close()
            self._lock = None


def plan_tasks(lines: list[BatchLine], manifest: Manifest) -> tuple[list[Task], list[Task]]:
    """Check every line before anything is sent; return (all tasks, tasks new to the manifest).

    A line the manifest knows keeps its key, job and status; a line whose content changed
    since is refused (its results would not match it any more).
    """
    problems: list[str] = []
    tasks: list[Task] = []
    fresh: list[Task] = []
    for line in lines:
        try:
            request = request_from_line(line.data)
        except InvalidRequestError as error:
            problems.append(f"line {line.number}: {error}")
            continue
        record = manifest.records.get(line.number)
        if record is None:
            task = Task(line.number, request, key=str(uuid.uuid4()))
            fresh.append(task)
        elif record.get("input") != line.digest:
            problems.append(
                f"line {line.number} changed since {manifest.path} recorded it; use another --out directory "
                "for the edited file"
            )
            continue
        else:
            task = Task(
                line.number,
                request,
                key=str(record["key"]),
                job_id=record.get("job_id"),
                status=str(record.get("status") or "pending"),
                files=list(record.get("files") or []),
                error=record.get("error"),
            )
        tasks.append(task)
    if problems:
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        raise InvalidRequestError("nothing was submitted: " + "; ".join(problems[:10]) + more, field="file")
    return tasks, fresh
