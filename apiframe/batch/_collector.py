"""CPython's cyclic garbage collector while a batch runs: the young generation collected less often.

A batch keeps a few container objects per line for its whole run (its task, its records), and each
line's requests make thousands of short-lived ones. With the default thresholds (700, 10, 10),
enough of those survive two young collections that a full collection, which traverses every live
object, comes every few hundred lines: its cost per line grows with the batch (10^4 lines: 21 full
collections, 0.69 CPU-s; see the commit that added this module). While a batch runs, generation 0 is
collected after :data:`YOUNG_THRESHOLD` net allocations instead: more of them die before a
collection, and full ones become rare. The process's thresholds are restored when its last running
batch ends, unless something else changed them meanwhile; a collector disabled or already set
higher is left alone.
"""

from __future__ import annotations

import gc
import threading

__all__ = ["YOUNG_THRESHOLD", "QuietCollector"]

YOUNG_THRESHOLD = 10_000
"""Net container allocations between two collections of generation 0 while a batch runs (default 700)."""


class _Shared:
    """What every batch of the process shares: how many hold the setting, and what to restore."""

    lock = threading.Lock()
    holders = 0
    saved: tuple[int, ...] | None = None
    ours: tuple[int, ...] | None = None


class QuietCollector:
    """One batch's hold on the raised threshold: :meth:`acquire` when it starts, :meth:`release` when
    it ends (both idempotent; the first holder in the process raises it, the last one restores it)."""

    def __init__(self) -> None:
        self._held = False

    def acquire(self) -> bool:
        """Hold the setting; whether this call took the hold (False if already held)."""
        with _Shared.lock:
            if self._held:
                return False
            self._held = True
            _Shared.holders += 1
            if _Shared.holders == 1:
                current = gc.get_threshold()
                if gc.isenabled() and 0 < current[0] < YOUNG_THRESHOLD:
                    _Shared.saved, _Shared.ours = current, (YOUNG_THRESHOLD, *current[1:])
                    gc.set_threshold(*_Shared.ours)
            return True

    def release(self) -> None:
        """Give the hold back (the last one restores the thresholds found, if still ours)."""
        with _Shared.lock:
            if not self._held:
                return
            self._held = False
            _Shared.holders -= 1
            if _Shared.holders == 0 and _Shared.saved is not None:
                if gc.get_threshold() == _Shared.ours:
                    gc.set_threshold(*_Shared.saved)
                _Shared.saved = _Shared.ours = None
