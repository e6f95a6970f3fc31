"""What the concurrent waits of one client learn from list pages (kept by the client's session)."""

from __future__ import annotations

import math
import threading
from collections.abc import Set
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
    rounds at least ``gap`` apart) and publishes what the pages showed. Only bookkeeping happens
    under the lock (the sync client's waits may run in threads), never a request.

    A round walks as many pages as the wanted jobs fill, plus up to :attr:`depth` more (at most
    one per 8 wanted jobs) for the jobs created after them (by this client's other submissions,
    or by other processes on the same key), which it cannot count. A job a round did not reach
    is fetched by id that once and the next rounds go deeper (up to :attr:`MAX_DEPTH`); a job
    the pages do not show although the round reached past it, or that two rounds in a row
    missed, is polled by id from then on. A key that may not list, or pages that reach past
    every wanted job and show none, turn sharing off.
    """

    CLAIM_SECONDS = 30.0
    """How long a wait that is listing holds its claim, should it never publish."""
    MAX_DEPTH = 32
    """The most pages a round walks beyond the ones its wanted jobs fill."""
    MISSES = 2
    """Rounds in a row that may miss a job (not reaching it) before it is polled by id for good."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._following: dict[str, int] = {}
        self._created: dict[str, float | None] = {}
        self._seen: dict[str, tuple[float, Any]] = {}
        self._unlisted: set[str] = set()
        self._missed: dict[str, tuple[float, int]] = {}  # job id: (when a round last missed it, how often)
        self.depth = 1
        """Pages a round walks beyond those its wanted jobs fill (grows when rounds fall short)."""
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
            self._missed.pop(job_id, None)

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

    def missed_after(self, job_id: str, since: float) -> bool:
        """Whether a round after ``since`` looked for the job without reaching it (fetch it by id)."""
        with self._lock:
            missed = self._missed.get(job_id)
            return missed is not None and missed[0] > since

    def claim(self, now: float, gap: float) -> float | None:
        """None when the caller is to list now (the round is claimed); else when to look again."""
        with self._lock:
            if self._listing_until > now:
                return min(self._listing_until, now + MIN_PAUSE * 2)  # another wait is listing
            if self._last_round + gap > now:
                return self._last_round + gap
            self._listing_until = now + self.CLAIM_SECONDS
            return None

    def hold(self, now: float) -> None:
        """The round in progress goes on (a page at a time): its claim lasts from ``now``."""
        with self._lock:
            if self._listing_until > -math.inf:
                self._listing_until = now + self.CLAIM_SECONDS

    def wanted(self) -> tuple[set[str], float | None]:
        """The jobs to look for in a round, and the oldest one's creation time."""
        with self._lock:
            wanted = {job_id for job_id in self._following if job_id not in self._unlisted}
            return wanted, oldest([self._created.get(job_id) for job_id in wanted])

    def created(self, job_id: str) -> float | None:
        """The job's creation time (epoch seconds), once a look has shown it."""
        with self._lock:
            return self._created.get(job_id)

    def publish(self, found: dict[str, Any], wanted: set[str], now: float, *, short: Set[str] = frozenset()) -> None:
        """A round's result: snapshots for the jobs found.

        ``short`` holds the wanted jobs the round's pages did not reach (it ran out of pages
        first): each is fetched by id this time, and the next rounds go deeper. The other jobs
        not found are not on the pages: they are polled by id from now on.
        """
        with self._lock:
            for job_id, item in found.items():
                if job_id in self._following:
                    self._seen[job_id] = (now, item)
                    self._missed.pop(job_id, None)  # misses count in a row
            for job_id in wanted - found.keys():
                if job_id not in self._following:
                    continue
                # not reached: one more miss in a row; reached past: not on these pages at all
                misses = self._missed.get(job_id, (now, 0))[1] + 1 if job_id in short else self.MISSES
                if misses >= self.MISSES:
                    self._unlisted.add(job_id)
                    self._missed.pop(job_id, None)
                else:
                    self._missed[job_id] = (now, misses)
            if short:
                self.depth = min(self.MAX_DEPTH, self.depth * 2)
            elif self.depth > 1 and len(found) == len(wanted):
                self.depth -= 1
            self._disabled = self._disabled or (not found and not short)
            self._listing_until = -math.inf
            self._last_round = now

    def abandon(self, now: float, *, disable: bool = False) -> None:
        """A round failed: release the claim (and stop sharing when the key may not list)."""
        with self._lock:
            self._listing_until = -math.inf
            self._last_round = now
            self._disabled = self._disabled or disable
