"""List pages shared by waits: the one implementation of a list round, and the walk of its pages."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Generator
from typing import Any

from .._errors import APIStatusError, PaginationError
from .._flow import Effect, Sleep
from .._pagination import Continuation
from ._policy import MIN_PAUSE, TRANSIENT_ERRORS, WaitPolicy
from ._poller import JobPoller
from ._tracker import _Deadline, _stamp


def _walk(
    poller: JobPoller, wanted: set[str], oldest: float | None, page_size: int, remaining: float | None
) -> Generator[Effect, Any, dict[str, Any]]:
    """List pages until every wanted job is seen or the pages are older than all of them.

    ``oldest`` is the earliest creation time among the wanted jobs (None while one is unknown).
    """
    found: dict[str, Any] = {}
    max_pages = math.ceil(len(wanted) / page_size) + 1
    rule = Continuation(max_pages + 1)  # the pagers' rule: a repeated cursor ends the round
    cursor: str | None = None
    for _ in range(max_pages):
        page = yield from poller.page(page_size, cursor, remaining)
        for item in page.items:
            if item.id in wanted:
                found[item.id] = item
        if len(found) == len(wanted) or page.following is None or not page.items:
            break
        last = _stamp(getattr(page.items[-1], "created_at", None))
        if oldest is not None and last is not None and last < oldest:
            break
        cursor = rule.follow(page)
    return found


def _oldest(stamps: list[float | None]) -> float | None:
    known = [stamp for stamp in stamps if stamp is not None]
    return min(known) if known and len(known) == len(stamps) else None


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

    def note_created(self, job_id: str, stamp: float | None) -> None:
        if stamp is not None:
            with self._lock:
                if job_id in self._following:
                    self._created[job_id] = stamp

    def active(self, job_id: str) -> bool:
        """Whether this job's next look should come from a shared page."""
        with self._lock:
            if self._disabled or job_id in self._unlisted:
                return False
            return sum(1 for other in self._following if other not in self._unlisted) >= 2

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
            return wanted, _oldest([self._created.get(job_id) for job_id in wanted])

    def publish(self, found: dict[str, Any], wanted: set[str], now: float) -> None:
        """A round's result: snapshots for the jobs found; the others are polled by id from now."""
        with self._lock:
            for job_id, item in found.items():
                if job_id in self._following:
                    self._seen[job_id] = (now, item)
            self._unlisted |= wanted - set(found)
            self._disabled = self._disabled or not found
            self._listing_until = -math.inf
            self._last_round = now

    def abandon(self, now: float, *, disable: bool = False) -> None:
        """A round failed: release the claim (and stop sharing when the key may not list)."""
        with self._lock:
            self._listing_until = -math.inf
            self._last_round = now
            self._disabled = self._disabled or disable


def list_round(
    poller: JobPoller, listing: SharedListing, page_size: int, remaining: float | None, now: Callable[[], float]
) -> Generator[Effect, Any, dict[str, Any]]:
    """One list round for every job ``listing`` follows: walk the pages, publish what they showed.

    Returns the list items found by job id. A transient error releases the round and is raised
    (the caller backs off); any other API error means the key may not list: listing turns off and
    nothing is found, as when the pages would never end (:class:`~apiframe.PaginationError`).
    Both ``wait_many`` and the shared waits list through here.
    """
    wanted, oldest = listing.wanted()
    try:
        found = yield from _walk(poller, wanted, oldest, page_size, remaining)
    except TRANSIENT_ERRORS:
        listing.abandon(now())
        raise
    except (APIStatusError, PaginationError):
        listing.abandon(now(), disable=True)
        return {}
    except BaseException:
        listing.abandon(now())
        raise
    listing.publish(found, wanted, now())
    return found


def shared_look(
    poller: JobPoller,
    shared: SharedListing,
    job_id: str,
    since: float,
    policy: WaitPolicy,
    deadline: _Deadline,
    cancel: threading.Event | None,
) -> Generator[Effect, Any, tuple[float, Any] | None]:
    """This job as a shared page shows it, listing for everyone if need be; None: GET it instead."""
    now = deadline.now
    while True:
        seen = shared.seen_after(job_id, since)
        if seen is not None:
            return seen
        if not shared.active(job_id):
            return None
        later = shared.claim(now(), policy.interval / 2)
        if later is None:
            yield from list_round(poller, shared, policy.page_size, deadline.remaining(), now)
            continue
        pause = deadline.pause_until(later)
        if pause <= 0:
            return None
        yield Sleep(pause, cancel)
