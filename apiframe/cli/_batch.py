"""``apiframe batch``: a JSONL file of generations, run with a manifest that makes it resumable.

The manifest (``manifest.jsonl`` in the output directory) is an append-only log: one JSON
record per state change of a line (its idempotency key, job id, status, files), flushed and
fsynced before the next step. The last record of a line wins, and a torn final record (the
process was killed while writing it) is ignored. So a batch killed at any point and started
again submits nothing twice (a line's key is on disk before its request is sent, and a replay
with the same key returns the same job), redoes nothing finished and loses nothing.

A line's idempotency key is not random: it is derived from the batch's identity (the input
file's and the output folder's absolute paths), the line's number, its canonical content and its
attempt (``--retry-failed`` counts up). So even a manifest that lost records recomputes the same
keys, and the API replays the same jobs instead of charging twice. The manifest and its lock are
opened without following symbolic links and must be regular files.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .._errors import InvalidRequestError
from ._requests import request_from_line
from ._runner import Task

__all__ = ["MANIFEST_NAME", "BatchLine", "Manifest", "batch_identity", "line_key", "plan_tasks", "read_batch"]

MANIFEST_NAME = "manifest.jsonl"


@dataclass(frozen=True, slots=True)
class BatchLine:
    """A request line of the input: its 1-based line number, text hash and parsed JSON."""

    number: int
    digest: str
    data: Any
    canonical: str = ""
    """The line's JSON with sorted keys: what its idempotency key is derived from."""


def batch_identity(file: Path, out: Path) -> str:
    """What identifies a batch across runs, even when its manifest is lost: both absolute paths."""
    text = f"{file.resolve()}\n{out.resolve()}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def line_key(identity: str, line: BatchLine, attempt: int = 0) -> str:
    """The idempotency key of a line's ``attempt``: the same in every run of the same batch."""
    message = f"{line.number}\n{line.canonical}\n{attempt}".encode()
    return "batch-" + hmac.new(identity.encode("ascii"), message, hashlib.sha256).hexdigest()[:48]


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
            canonical = json.dumps(data, sort_keys=True, separators=(",", ":"))
            digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]
            lines.append(BatchLine(number, digest, data, canonical))
    if problems:
        raise InvalidRequestError(f"{path}: " + "; ".join(problems[:10]), field="file")
    if not lines:
        raise InvalidRequestError(f"{path} has no request lines", field="file")
    return lines


def _open_regular(path: Path, flags: int) -> int:
    """Open ``path`` without following a symbolic link; refuse anything but a regular file."""
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    try:
        # O_NONBLOCK: opening a FIFO planted in its place must not hang before the check below
        fd = os.open(path, flags | nofollow | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0), 0o644)
    except OSError as error:
        if path.is_symlink():
            raise InvalidRequestError(
                f"{path} is a symbolic link; the batch writes only its own files: remove it or use another --out",
                field="out",
            ) from None
        raise InvalidRequestError(f"cannot open {path}: {error.strerror}; check --out", field="out") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise InvalidRequestError(f"{path} is not a regular file; remove it or use another --out", field="out")
    os.set_blocking(fd, True)
    return fd


class Manifest:
    """The append-only record of a batch's progress."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.records: dict[int, dict[str, Any]] = {}
        self.damaged: list[str] = []
        """Records that could not be used, as ``row N: why`` (their lines are planned afresh)."""
        if path.exists() or path.is_symlink():
            self._load()
        self._handle: IO[str] | None = None
        self._lock: IO[str] | None = None

    def lock(self) -> None:
        """Claim the output directory for this run, and clear what a killed run left half-written.

        A second batch writing into the same directory at the same time is refused.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = os.fdopen(_open_regular(self.path.parent / ".manifest.lock", os.O_RDWR | os.O_CREAT), "r+")
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
            if stale.is_file() and not stale.is_symlink():
                stale.unlink(missing_ok=True)

    def _load(self) -> None:
        with os.fdopen(_open_regular(self.path, os.O_RDONLY), encoding="utf-8", errors="replace") as handle:
            rows = handle.read().split("\n")
        for number, row in enumerate(rows, 1):
            if not row.strip():
                continue
            try:
                record = json.loads(row)
            except ValueError:
                if number < len(rows):  # the torn last record of a kill is expected; others are damage
                    self.damaged.append(f"row {number}: not JSON")
                continue
            problem = _record_problem(record)
            if problem:
                self.damaged.append(f"row {number}: {problem}")
                continue
            self.records[record["line"]] = record

    def write(self, tasks: Iterable[Task], digests: Mapping[int, str]) -> None:
        """Append the current state of ``tasks``, durably, before anything else happens."""
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = _open_regular(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
            torn = os.fstat(fd).st_size > 0 and not self._ends_with_newline()
            self._handle = os.fdopen(fd, "a", encoding="utf-8")
            if torn:
                self._handle.write("\n")  # keep a torn last record off the next one
        for task in tasks:
            record = {
                "line": task.line,
                "input": digests[task.line],
                "key": task.key,
                "attempt": task.attempt,
                "model": task.model,
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
        with os.fdopen(_open_regular(self.path, os.O_RDONLY), "rb") as handle:
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) == b"\n"

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        if self._lock is not None:
            self._lock.close()
            self._lock = None


_STATUSES = ("pending", "submitted", "completed", "failed")


def _record_problem(record: Any) -> str | None:
    """Why a manifest record cannot be trusted, or None."""
    if not isinstance(record, dict):
        return "not a JSON object"
    if not isinstance(record.get("line"), int) or isinstance(record.get("line"), bool):
        return 'no "line" number'
    for name in ("key", "input"):
        if not isinstance(record.get(name), str) or not record[name]:
            return f'line {record["line"]}: no "{name}"'
    if record.get("status") not in _STATUSES:
        return f"line {record['line']}: unknown status {record.get('status')!r}"
    if record.get("job_id") is not None and not isinstance(record["job_id"], str):
        return f'line {record["line"]}: "job_id" is not a string'
    files = record.get("files") or []
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return f'line {record["line"]}: "files" is not a list of names'
    attempt = record.get("attempt", 0)
    if not isinstance(attempt, int) or isinstance(attempt, bool) or attempt < 0:
        return f'line {record["line"]}: bad "attempt"'
    return None


def plan_tasks(
    lines: list[BatchLine], manifest: Manifest, identity: str, *, retry_failed: bool = False
) -> tuple[list[Task], list[Task]]:
    """Check every line before anything is sent; return (all tasks, tasks whose record is new).

    A line the manifest knows keeps its key, job and status; a line whose content changed
    since is refused (its results would not match it any more). With ``retry_failed`` a failed
    line gets its next attempt: a new derived key, so the API runs it again.
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
            task = Task(line.number, request, key=line_key(identity, line))
            fresh.append(task)
        elif record.get("input") != line.digest:
            problems.append(
                f"line {line.number} changed since {manifest.path} recorded it; use another --out directory "
                "for the edited file"
            )
            continue
        elif retry_failed and record["status"] == "failed":
            attempt = int(record.get("attempt", 0)) + 1
            task = Task(line.number, request, key=line_key(identity, line, attempt), attempt=attempt)
            fresh.append(task)
        else:
            task = Task(
                line.number,
                request,
                key=str(record["key"]),
                job_id=record.get("job_id"),
                status=str(record["status"]),
                files=list(record.get("files") or []),
                error=record.get("error"),
                attempt=int(record.get("attempt", 0)),
            )
        tasks.append(task)
    if problems:
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        raise InvalidRequestError("nothing was submitted: " + "; ".join(problems[:10]) + more, field="file")
    return tasks, fresh
