"""What the concurrent waits of one client learn from list pages (kept by the client's session)."""

from __future__ import annotations

import math
import threading
from typing import Any

from ._policy import MIN_PAUSE

__all__ = ["SharedListing", "oldest"]


def oldest(created: list[float | None]) -> float | None:
    """The earliest of some creation times, or None while one of them is unknown."""
    known = [moment for moment in created if moment is not None]
    return min(known) if known and len(known) == len(created) else None


class SharedListing:
    """What the concurrent waits of one client learn from list pages, so one page serves them all.

    Every ``jobs.wait`` on a client follows its job here. When a wait is due while two or more
    jobs are followed, it first takes a snapshot of its job that another wait's page brought
    since its own last look; failing that, it lists once for everyone (one wait at a time,
    rounds at least ``gap`` apart) and publishes what the pages showed. A job the pages do not
    show is polled by id; a key that may not list turns sharing off. Only bookkeeping happens
    under the lock (the sync client's waits may run in threads), never a request.
    """

    CLAIM_SECONDS = 30.0
    """How long a wait that is listing holds its claim, should it never publish."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._following: dict[str, int] = {}
        self._created: dict[str, float | None] = {}
        self._seen: dict[str, tuple[float, Any]] = {}
        self._unlisted: set[str] = set()
        self._listing_until = -math.inf
        self._last_round = -math.inf
        self._disabled = False

    def follow(self, job_id: str) -> None:
        with self._lock:
            self._following[job_id] = self._following.get(job_id, 0) + 1
            self._created.setdefault(job_id, None)

    def unfollow(self, job_id: str) -> None:
        with self._lock:
            left = self._following.get(job_id, 0) - 1
            if left > 0:
                self._following[job_id] = left
                return
            self._following.pop(job_id, None)
            self._created.pop(job_id, None)
            self._seen.pop(job_id, None)
            self._unlisted.discard(job_id)

    def note_created(self, job_id: str, created: float | None) -> None:
        if created is not None:
            with self._lock:
                if job_id in self._following:
                    self._created[job_id] = created

    def active(self, job_id: str) -> bool:
        """Whether this job's next look should come from a shared page."""
        with self._lock:
            if self._disabled or job_id in self._unlisted:
                return False
            return len(self._following) - len(self._unlisted) >= 2  # _unlisted holds followed jobs only

    def seen_after(self, job_id: str, since: float) -> tuple[float, Any] | None:
        """``(when, list item)`` if a page showed the job after ``since``."""
        with self._lock:
            seen = self._seen.get(job_id)
            return seen if seen is not None and seen[0] > since else None

    def claim(self, now: float, gap: float) -> float | None:
        """None when the caller is to list now (the round is claimed); else when to look again."""
        with self._lock:
            if self._listing_until > now:
                return min(self._listing_until, now + MIN_PAUSE * 2)  # another wait is listing
            if self._last_round + gap > now:
                return self._last_round + gap
            self._listing_until = now + self.CLAIM_SECONDS
            return None

    def wanted(self) -> tuple[set[str], float | None]:
        """The jobs to look for in a round, and the oldest one's creation time."""
        with self._lock:
            wanted = {job_id for job_id in self._following if job_id not in self._unlisted}
            return wanted, oldest([self._created.get(job_id) for job_id in wanted])

    def publish(self, found: dict[str, Any], wanted: set[str], now: float) -> None:
        """A round's result: snapshots for the jobs found; the others are polled by id from now."""
        with self._lock:
            for job_id, item in found.items():
                if job_id in self._following:
                    self._seen[job_id] = (now, item)
            self._unlisted |= {job_id for job_id in wanted if job_id not in found and job_id in self._following}
            self._disabled = self._disabled or not found
            self._listing_until = -math.inf
            self._last_round = now

    def abandon(self, now: float, *, disable: bool = False) -> None:
        """A round failed: release the claim (and stop sharing when the key may not list)."""
        with self._lock:
            self._listing_until = -math.inf
            self._last_round = now
            self._disabled = self._disabled or disable
