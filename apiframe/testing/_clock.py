"""Injectable time source for the sandbox's job clock."""

from __future__ import annotations

import threading
import time
from typing import Protocol

__all__ = ["Clock", "ManualClock", "SystemClock"]


class Clock(Protocol):
    """Anything with ``now()`` returning seconds since the Unix epoch."""

    def now(self) -> float:
        """Current time in seconds since the epoch."""
        ...


class SystemClock:
    """Wall-clock time (the default)."""

    def now(self) -> float:
        """Current wall-clock time."""
        return time.time()

    def __repr__(self) -> str:
        return "SystemClock()"


class ManualClock:
    """A clock that only moves when told to; thread-safe.

    Useful to drive job lifecycles, retention and idempotency windows in tests
    without sleeping: ``clock.advance(60)``.
    """

    def __init__(self, start: float | None = None) -> None:
        self._now = time.time() if start is None else float(start)
        self._lock = threading.Lock()

    def now(self) -> float:
        """The current manual time."""
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> float:
        """Move time forward by ``seconds`` (must be >= 0) and return the new time."""
        if seconds < 0:
            raise ValueError(f"a clock cannot go backwards: advance() got {seconds}")
        with self._lock:
            self._now += seconds
            return self._now

    def __repr__(self) -> str:
        return f"ManualClock(now={self.now():.3f})"
