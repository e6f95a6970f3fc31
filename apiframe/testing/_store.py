"""State storage: jobs, uploads, idempotency keys, LoRAs, assets, account.

Records are JSON-compatible dicts grouped by kind and keyed by id. Two
implementations share one interface: :class:`MemoryStore` (default) and
:class:`SqliteStore`, a write-through cache over a SQLite file so a restarted
sandbox loses nothing.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any, Protocol

__all__ = ["MemoryStore", "Record", "SqliteStore", "Store", "open_store"]

Record = dict[str, Any]


class Store(Protocol):
    """Keyed record storage grouped by kind."""

    def get(self, kind: str, key: str) -> Record | None:
        """The record, or None."""
        ...

    def put(self, kind: str, key: str, record: Record) -> None:
        """Insert or replace a record (persisted before returning)."""
        ...

    def delete(self, kind: str, key: str) -> None:
        """Remove a record if present."""
        ...

    def values(self, kind: str) -> list[Record]:
        """Every record of ``kind`` in insertion order."""
        ...

    def count(self, kind: str) -> int:
        """How many records of ``kind`` exist."""
        ...

    def close(self) -> None:
        """Release resources."""
        ...


class MemoryStore:
    """Process-memory storage; everything is lost on stop."""

    def __init__(self) -> None:
        self._data: dict[str, dict[str, Record]] = {}
        self._lock = threading.RLock()

    def get(self, kind: str, key: str) -> Record | None:
        """The record, or None."""
        with self._lock:
            return self._data.get(kind, {}).get(key)

    def put(self, kind: str, key: str, record: Record) -> None:
        """Insert or replace a record."""
        with self._lock:
            self._data.setdefault(kind, {})[key] = record

    def delete(self, kind: str, key: str) -> None:
        """Remove a record if present."""
        with self._lock:
            self._data.get(kind, {}).pop(key, None)

    def values(self, kind: str) -> list[Record]:
        """Every record of ``kind`` in insertion order."""
        with self._lock:
            return list(self._data.get(kind, {}).values())

    def count(self, kind: str) -> int:
        """How many records of ``kind`` exist."""
        with self._lock:
            return len(self._data.get(kind, {}))

    def close(self) -> None:
        """Nothing to release."""


class SqliteStore(MemoryStore):
    """Write-through cache over a SQLite database file."""

    _SCHEMA = (
        "CREATE TABLE IF NOT EXISTS records ("
        " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
        " kind TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL,"
        " UNIQUE(kind, key))"
    )

    def __init__(self, path: str | Path) -> None:
        super().__init__()
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute(self._SCHEMA)
        rows = self._conn.execute("SELECT kind, key, data FROM records ORDER BY seq").fetchall()
        for kind, key, data in rows:
            super().put(str(kind), str(key), json.loads(data))

    def put(self, kind: str, key: str, record: Record) -> None:
        """Insert or replace a record and persist it."""
        data = json.dumps(record, separators=(",", ":"))
        with self._lock:
            self._conn.execute(
                "INSERT INTO records (kind, key, data) VALUES (?, ?, ?) "
                "ON CONFLICT(kind, key) DO UPDATE SET data = excluded.data",
                (kind, key, data),
            )
            super().put(kind, key, record)

    def delete(self, kind: str, key: str) -> None:
        """Remove a record from memory and disk."""
        with self._lock:
            self._conn.execute("DELETE FROM records WHERE kind = ? AND key = ?", (kind, key))
            super().delete(kind, key)

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._conn.close()


def open_store(db_path: str | None) -> MemoryStore:
    """A :class:`SqliteStore` at ``db_path``, or a :class:`MemoryStore` when None."""
    return SqliteStore(db_path) if db_path else MemoryStore()
