"""Reading the ``manifest.jsonl`` of a batch started by an earlier version (read only).

Earlier versions kept a local batch's progress in an append-only ``OUT/manifest.jsonl``. A
batch interrupted then still resumes now: its records seed the lines that have no state
record yet. The file is opened without following symbolic links and must be a regular file.
Its last record may be torn (the process was killed while writing it) and is then ignored;
any other damaged record is reported by row.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from .._download import checked_id
from .._errors import InvalidRequestError
from ._store import check_name

__all__ = ["MANIFEST_NAME", "LegacyManifest", "record_problem", "usable_job_id"]

MANIFEST_NAME = "manifest.jsonl"
_STATUSES = ("pending", "submitted", "completed", "failed")


def open_regular(path: Path, flags: int, *, flag: str = "--out") -> int:
    """Open ``path`` without following a symbolic link; refuse anything but a regular file."""
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    try:
        # O_NONBLOCK: opening a FIFO planted in its place must not hang before the check below
        fd = os.open(path, flags | nofollow | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0), 0o644)
    except OSError as error:
        if path.is_symlink():
            raise InvalidRequestError(
                f"{path} is a symbolic link; the batch writes only its own files: remove it or use another {flag}",
                field="out",
            ) from None
        raise InvalidRequestError(f"cannot open {path}: {error.strerror}; check {flag}", field="out") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise InvalidRequestError(f"{path} is not a regular file; remove it or use another {flag}", field="out")
    os.set_blocking(fd, True)
    return fd


class LegacyManifest:
    """The records of an earlier version's ``manifest.jsonl``: the last one of each line wins."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.records: dict[int, dict[str, Any]] = {}
        self.damaged: list[str] = []
        """Records that could not be used, as ``row N: why`` (their lines are planned afresh)."""
        if path.exists() or path.is_symlink():
            self._load()

    @property
    def present(self) -> bool:
        return self.path.exists()

    def _load(self) -> None:
        with os.fdopen(open_regular(self.path, os.O_RDONLY), encoding="utf-8", errors="replace") as handle:
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
            problem = record_problem(record)
            if problem:
                self.damaged.append(f"row {number}: {problem}")
                continue
            self.records[record["line"]] = record


def record_problem(record: Any) -> str | None:
    """Why a line's record (of the manifest or the state) cannot be trusted, or None."""
    if not isinstance(record, dict):
        return "not a JSON object"
    if not isinstance(record.get("line"), int) or isinstance(record.get("line"), bool):
        return 'no "line" number'
    for name in ("key", "input"):
        if not isinstance(record.get(name), str) or not record[name]:
            return f'line {record["line"]}: no "{name}"'
    if record.get("status") not in _STATUSES:
        return f"line {record['line']}: unknown status {record.get('status')!r}"
    job_id = record.get("job_id")
    if job_id is not None and not usable_job_id(job_id):
        return f'line {record["line"]}: "job_id" {_shown(job_id)} cannot name a file'
    files = record.get("files") or []
    if not isinstance(files, list) or not all(_object_name(f) for f in files):
        return f'line {record["line"]}: "files" is not a list of object names'
    key = record["key"]
    if len(key) > 255 or not key.isascii() or not key.isprintable() or " " in key:
        return f'line {record["line"]}: "key" is not an idempotency key'
    attempt = record.get("attempt", 0)
    if not isinstance(attempt, int) or isinstance(attempt, bool) or attempt < 0:
        return f'line {record["line"]}: bad "attempt"'
    return None


def usable_job_id(value: object) -> bool:
    """Whether ``value`` passes the one rule for a job id that names files (``checked_id``)."""
    try:
        checked_id(value)  # type: ignore[arg-type]
    except InvalidRequestError:
        return False
    return True


def _object_name(value: object) -> bool:
    try:
        check_name(value)  # type: ignore[arg-type]
    except InvalidRequestError:
        return False
    return True


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:60] + "..."
