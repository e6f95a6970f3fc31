"""Waiting for jobs: one strategy, written once as flows, run by the sync and async drivers.

The goal is to learn that a job ended soon after it ends while spending as few requests as
possible. Four sources of information decide when the next look happens, best first:

1. **A server hint.** A ``Retry-After`` header on a job snapshot (seconds or an HTTP date) is the
   server saying when to look again; it is followed, capped by ``max_interval``.
2. **The job's own progress.** While a job is PROCESSING, two snapshots with different progress
   give a rate, and the rate gives a predicted finish (the rate is measured from the first
   PROCESSING snapshot to the latest change, so rounding of the integer progress fades as the
   job advances). The next look is just *after* the predicted finish (2 % plus 0.25 s late,
   never early), not on a blind backoff. If the job is still running at that look, later looks
   back off from ``interval`` again, so a job stuck at 99 % is not hammered.
3. **Backoff.** With neither (QUEUED, no progress reported, or a single PROCESSING snapshot so
   far), delays start at ``interval`` and grow by ``multiplier`` up to ``max_interval``, with a
   little jitter so many waiters do not poll in lockstep.
4. **Batching (wait_many).** When two or more jobs are pending, one ``GET /v2/jobs`` page
   (newest first, 100 per page) refreshes them all: a round walks only as many pages as it
   takes to see every pending job (stopping once a page reaches jobs older than the oldest one
   waited for), so 200 jobs cost two requests per round instead of 200. Rounds happen when the
   soonest job is due and at least ``interval / 2`` apart. A job the pages do not show (older
   than the listing reaches, or another key's) falls back to its own ``GET /v2/jobs/{id}`` on its
   own schedule, and batching is dropped altogether when the pages show none of the jobs or the
   key may not list. A terminal job seen in a page is emitted from the page when the page
   carries its result, else fetched once by id.
5. **Sharing (separate waits).** Concurrent ``jobs.wait`` calls on one client follow their jobs
   in the client's :class:`SharedListing`. When one is due while two or more jobs are followed,
   it takes its job's snapshot from a page another wait fetched since its own last look, or
   lists once for all of them (one wait at a time, rounds ``interval / 2`` apart). So
   ``asyncio.gather(*(job.wait() for job in jobs))``, or waits in threads, cost about what one
   ``wait_many`` costs. Jobs the pages do not show are polled by id.

Every look is the first thing done (the job may already be finished). The deadline (``timeout``)
is the whole wait's budget, separate from each HTTP request's timeout: each request's timeout is
clipped to the time left. Rate limits, 5xx and network errors while polling only delay the next
look (following ``Retry-After`` when given); only the deadline ends a wait early. A status the
SDK does not know is not terminal.
"""

from __future__ import annotations

import math
import random
import threading
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from ._errors import (
    APIStatusError,
    JobCancelledError,
    JobFailedError,
    NetworkError,
    RateLimitError,
    ServerError,
    WaitTimeoutError,
)
from ._flow import Effect, Emit, Flow, Sleep, Wake

__all__ = [
    "TERMINAL_STATUSES",
    "JobPoller",
    "ListPage",
    "PushFeed",
    "PushWatch",
    "SharedListing",
    "Snapshot",
    "WaitPolicy",
    "job_id_of",
    "wait_flow",
    "wait_many_flow",
]

TERMINAL_STATUSES = frozenset({"COMPLETED", "FAILED", "CANCELLED"})
TRANSIENT_ERRORS = (RateLimitError, ServerError, NetworkError)
MIN_PAUSE = 0.05
"""Seconds: no planned look follows the previous one sooner than this."""
LATE_FRACTION = 0.02
LATE_SECONDS = 0.25
"""A look planned from a predicted finish lands this much after it (fraction of the wait, plus)."""


@dataclass(frozen=True, slots=True)
class WaitPolicy:
    """How to wait: first delay, growth, cap, overall deadline, jitter, and list batching.

    ``batch`` lets ``wait_many`` refresh many jobs with one ``GET /v2/jobs`` page (``page_size``
    jobs per page, at most 100).
    """

    interval: float = 1.0
    max_interval: float = 15.0
    timeout: float | None = 600.0
    multiplier: float = 1.5
    jitter: float = 0.1
    batch: bool = True
    page_size: int = 100

    def __post_init__(self) -> None:
        from ._errors import InvalidRequestError

        def finite(value: float) -> bool:  # NaN and infinities fail every comparison below
            return isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < math.inf

        if not (finite(self.interval) and finite(self.max_interval)):
            raise InvalidRequestError("interval and max_interval must be positive, finite numbers of seconds")
        if self.timeout is not None and not finite(self.timeout):
            raise InvalidRequestError("timeout must be a positive, finite number of seconds, or None for no deadline")
        if not (isinstance(self.multiplier, int | float) and 1 <= self.multiplier < math.inf):
            raise InvalidRequestError("multiplier must be at least 1")
        if not 1 <= self.page_size <= 100:
            raise InvalidRequestError("page_size must be between 1 and 100")

    def next_delay(self, previous: float) -> float:
        return min(self.max_interval, previous * self.multiplier)

    def jittered(self, delay: float, rng: random.Random) -> float:
        return max(0.0, delay * (1 + rng.uniform(-self.jitter, self.jitter)))


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One job as ``GET /v2/jobs/{id}`` gave it, with the server's hint for the next look."""

    job: Any
    retry_after: float | None = None


@dataclass(frozen=True, slots=True)
class ListPage:
    """One page of ``GET /v2/jobs``: list items (id, status, progress, created_at, maybe result)."""

    items: list[Any]
    next_cursor: str | None
    has_more: bool


class JobPoller(Protocol):
    """The requests the waiting flows make; ``remaining`` is the time left, for request timeouts."""

    def get(self, job_id: str, remaining: float | None) -> Flow[Snapshot]:
        """One job by id."""
        ...

    def page(self, limit: int, cursor: str | None, remaining: float | None) -> Flow[ListPage]:
        """One page of the job listing, newest first."""
        ...

    def as_job(self, item: Any) -> Any:
        """A list item as a job snapshot."""
        ...

    def has_result(self, item: Any) -> bool:
        """Whether a list item carries the job's result (else a COMPLETED one is fetched by id)."""
        ...


class PushWatch(Wake, Protocol):
    """Webhook deliveries for the jobs of one wait (``apiframe.webhooks.PushSource.watch``).

    Before each look the flows take the news; a job whose deliveries are expected is looked at
    only every ``fallback`` seconds, and pauses end early on news.
    """

    fallback: float

    def expected(self, job_id: str) -> bool:
        """Whether deliveries are on their way, so the first look can wait for the fallback."""
        ...

    def news(self) -> set[str]:
        """Jobs with a delivery not yet taken."""
        ...

    def take(self, job_id: str, last: Any) -> tuple[Any, bool]:
        """``(job snapshot from the newest delivery or None, look at the job now)``."""
        ...

    def pushed(self, job_id: str, last: Any) -> bool:
        """Whether deliveries are still expected for this job, given its last snapshot."""
        ...

    def close(self) -> None: ...


class PushFeed(Protocol):
    """Where waits get webhook deliveries (``apiframe.webhooks.PushSource``)."""

    def watch(self, job_ids: Iterable[str]) -> PushWatch: ...


def _stamp(value: Any) -> float | None:
    if isinstance(value, datetime):
        try:
            return value.timestamp()
        except (OverflowError, OSError, ValueError):
            return None
    return None


class _Tracker:
    """Per-job state: the last snapshot, the backoff delay, and the progress-based prediction."""

    def __init__(self, job_id: str, policy: WaitPolicy, now: float) -> None:
        self.job_id = job_id
        self.policy = policy
        self.delay = policy.interval / policy.multiplier  # the first planned pause is `interval`
        self.due = now
        self.last: Any = None
        self.created: float | None = None
        self.listed = True  # False once a list round did not show the job
        self.last_listed = False  # whether `last` is a list item rather than a job snapshot
        self._seen: tuple[Any, Any] | None = None
        self._first: tuple[float, int] | None = None  # first PROCESSING sample (time, progress)
        self._latest: tuple[float, int] | None = None  # when progress last changed
        self._overdue = 0  # looks since the predicted finish passed

    def observe(self, job: Any, now: float) -> bool:
        """Record a snapshot; True when status or progress changed."""
        self.last = job
        self.last_listed = False
        if self.created is None:
            self.created = _stamp(getattr(job, "created_at", None))
        key = (job.status, job.progress)
        changed = key != self._seen
        self._seen = key
        progress = job.progress
        if job.status == "PROCESSING" and isinstance(progress, int) and not isinstance(progress, bool):
            if self._first is None:
                self._first = (now, progress)
            if self._latest is None or progress != self._latest[1]:
                self._latest = (now, progress)
        return changed

    def rate(self) -> float | None:
        """The fastest progress rate (percent per second) the snapshots allow, or None.

        Progress is an integer rounded down, so ``p`` means anything in ``[p, p + 1)``; taking the
        fastest rate the two samples allow gives the earliest plausible finish, and the next
        look (with a longer baseline) corrects it: the prediction errs early, never late.
        """
        if self._first is None or self._latest is None:
            return None
        (t0, p0), (t1, p1) = self._first, self._latest
        if p1 <= p0 or t1 <= t0:
            return None
        return (p1 + 1 - p0) / (t1 - t0)

    def predicted_finish(self) -> float | None:
        """When the job should reach 100 %, from its progress rate (monotonic time), or None."""
        rate = self.rate()
        if rate is None or self._latest is None:
            return None
        t1, p1 = self._latest
        return t1 + max(0.0, 99 - p1) / rate

    def plan(self, now: float, rng: random.Random, hint: float | None = None) -> None:
        """Choose the next look after a non-terminal snapshot taken at ``now``."""
        policy = self.policy
        self.delay = policy.next_delay(self.delay)
        finish = self.predicted_finish()
        rate = self.rate()
        if hint is not None:
            pause = hint
        elif finish is not None and rate is not None and finish > now:
            self._overdue = 0
            pause = (finish - now) * (1 + LATE_FRACTION) + LATE_SECONDS
        elif finish is not None and rate is not None:
            # Past the predicted finish and still running: back off from one percent's time.
            self._overdue += 1
            pause = max(LATE_SECONDS, 1 / rate) * policy.multiplier ** (self._overdue - 1)
        else:
            pause = policy.jittered(self.delay, rng)
        self.due = now + min(policy.max_interval, max(MIN_PAUSE, pause))

    def backoff(self, now: float, error: BaseException, rng: random.Random) -> None:
        hint = error.retry_after if isinstance(error, RateLimitError) else None
        self.delay = self.policy.next_delay(self.delay)
        wait = min(hint, self.policy.max_interval) if hint is not None else self.policy.jittered(self.delay, rng)
        self.due = now + max(MIN_PAUSE, wait)


def _finish(job: Any) -> Any:
    """Return a completed job; raise for failed or cancelled ones."""
    status = job.status
    if status == "FAILED":
        reason = job.error or "no reason given"
        raise JobFailedError(f"job {job.id} failed: {reason}", job=job)
    if status == "CANCELLED":
        raise JobCancelledError(f"job {job.id} was cancelled", job=job)
    return job


def _timeout_error(tracker: _Tracker, timeout: float | None) -> WaitTimeoutError:
    state = "no snapshot yet"
    if tracker.last is not None:
        state = f"last status {tracker.last.status}, progress {tracker.last.progress}"
    return WaitTimeoutError(
        f"job {tracker.job_id} did not finish within {timeout:g} s ({state}); wait again with a "
        "longer timeout=, or receive a webhook instead",
        job_id=tracker.job_id,
        last=tracker.last,
    )


class _Deadline:
    def __init__(self, now: Callable[[], float], timeout: float | None) -> None:
        self.now = now
        self.at = None if timeout is None else now() + timeout

    def remaining(self) -> float | None:
        return None if self.at is None else self.at - self.now()

    def pause_until(self, when: float) -> float:
        """Seconds to sleep to reach ``when``, never past the deadline."""
        pause = when - self.now()
        if self.at is not None:
            pause = min(pause, self.at - self.now())
        return pause

    def passed(self) -> bool:
        return self.at is not None and self.now() >= self.at


def _fallback_due(deadline: _Deadline, policy: WaitPolicy, now: float, when: float) -> float:
    """When a push wait's fallback look is due: never past the deadline, so a lost delivery cannot
    turn a finished job into a timeout (the last look lands shortly before the deadline)."""
    if deadline.at is None or policy.timeout is None:
        return when
    last = deadline.at - min(1.0, 0.1 * policy.timeout)
    return min(when, last) if last > now else when


def wait_flow(
    poller: JobPoller,
    job_id: str,
    *,
    policy: WaitPolicy,
    now: Callable[[], float],
    on_progress: Callable[[Any], object] | None = None,
    cancel: threading.Event | None = None,
    rng: random.Random | None = None,
    shared: SharedListing | None = None,
    push: PushFeed | None = None,
) -> Generator[Effect, Any, Any]:
    """Poll one job until it is terminal; returns the COMPLETED job.

    With ``shared`` (the client's :class:`SharedListing`), concurrent waits on the same client
    refresh each other through list pages instead of one GET each. With ``push``, webhook
    deliveries end the wait and feed ``on_progress``; polling slows to the fallback cadence.
    """
    rng = rng or random.Random()
    tracker = _Tracker(job_id, policy, now())
    deadline = _Deadline(now, policy.timeout)
    sharing = shared if shared is not None and policy.batch else None
    if sharing is not None:
        sharing.follow(job_id)
    last_look = -math.inf
    watch = push.watch([job_id]) if push is not None else None
    if watch is not None and watch.expected(job_id):
        tracker.due = _fallback_due(deadline, policy, now(), tracker.due + watch.fallback)  # no first look
    try:
        while True:
            if watch is not None and watch.news():
                job, look_now = watch.take(job_id, tracker.last)
                if job is not None:
                    if tracker.observe(job, now()) and on_progress is not None:
                        on_progress(job)
                    if job.status in TERMINAL_STATUSES:
                        return _finish(job)
                if look_now:
                    tracker.due = now()
            pause = deadline.pause_until(tracker.due)
            if pause > 0:
                yield Sleep(pause, cancel, watch)
                if watch is not None:
                    continue  # woken by news, or due: either way, take the news first
            remaining = deadline.remaining()
            if remaining is not None and remaining <= 0:
                raise _timeout_error(tracker, policy.timeout)
            try:
                seen = None
                if sharing is not None:
                    seen = yield from _shared_look(poller, sharing, job_id, last_look, policy, deadline, cancel)
                if seen is not None and not (seen[1].status == "COMPLETED" and not poller.has_result(seen[1])):
                    looked, job, hint = seen[0], poller.as_job(seen[1]), None
                else:
                    if deadline.passed():
                        raise _timeout_error(tracker, policy.timeout)
                    snapshot = yield from poller.get(job_id, deadline.remaining())
                    looked, job, hint = now(), snapshot.job, snapshot.retry_after
            except TRANSIENT_ERRORS as error:
                tracker.backoff(now(), error, rng)
                continue
            last_look = looked
            if tracker.observe(job, looked) and on_progress is not None:
                on_progress(job)
            if sharing is not None:
                sharing.note_created(job_id, tracker.created)
            if job.status in TERMINAL_STATUSES:
                return _finish(job)
            tracker.plan(now(), rng, hint)
            if watch is not None and watch.pushed(job_id, job):
                tracker.due = _fallback_due(deadline, policy, now(), max(tracker.due, now() + watch.fallback))
    finally:
        if watch is not None:
            watch.close()
        if sharing is not None:
            sharing.unfollow(job_id)


def _walk(
    poller: JobPoller, wanted: set[str], oldest: float | None, page_size: int, remaining: float | None
) -> Generator[Effect, Any, dict[str, Any]]:
    """List pages until every wanted job is seen or the pages are older than all of them.

    ``oldest`` is the earliest creation time among the wanted jobs (None while one is unknown).
    """
    found: dict[str, Any] = {}
    max_pages = math.ceil(len(wanted) / page_size) + 1
    cursor: str | None = None
    for _ in range(max_pages):
        page = yield from poller.page(page_size, cursor, remaining)
        for item in page.items:
            if item.id in wanted:
                found[item.id] = item
        if len(found) == len(wanted) or not page.has_more or page.next_cursor is None or not page.items:
            break
        last = _stamp(getattr(page.items[-1], "created_at", None))
        if oldest is not None and last is not None and last < oldest:
            break
        cursor = page.next_cursor
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


def _shared_look(
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
            wanted, oldest = shared.wanted()
            try:
                found = yield from _walk(poller, wanted, oldest, policy.page_size, deadline.remaining())
            except TRANSIENT_ERRORS:
                shared.abandon(now())
                raise
            except APIStatusError:
                shared.abandon(now(), disable=True)
                return None
            except BaseException:
                shared.abandon(now())
                raise
            shared.publish(found, wanted, now())
            continue
        pause = deadline.pause_until(later)
        if pause <= 0:
            return None
        yield Sleep(pause, cancel)


def _wait_many(
    poller: JobPoller,
    job_ids: Iterable[str],
    *,
    policy: WaitPolicy,
    now: Callable[[], float],
    on_progress: Callable[[Any], object] | None = None,
    cancel: threading.Event | None = None,
    rng: random.Random | None = None,
    watch: PushWatch | None = None,
) -> Generator[Effect, Any, None]:
    """Wait for many jobs under one deadline; emits each terminal job (any terminal status) as it ends.

    With two or more jobs pending, rounds of list pages refresh them all (see the module
    docstring); jobs the pages do not show are polled one by one. At the deadline, raises
    :class:`WaitTimeoutError` for the pending job due soonest.
    """
    rng = rng or random.Random()
    start = now()
    deadline = _Deadline(now, policy.timeout)
    pending: dict[str, _Tracker] = {}
    for job_id in job_ids:
        if job_id not in pending:
            pending[job_id] = _Tracker(job_id, policy, start)
    batching = policy.batch
    gap = policy.interval / 2
    last_round: float | None = None

    if watch is not None:
        for tracker in pending.values():
            if watch.expected(tracker.job_id):  # deliveries are on their way: no first look
                tracker.due = _fallback_due(deadline, policy, start, start + watch.fallback)

    def slow(tracker: _Tracker, job: Any) -> None:
        """While deliveries are expected, polling is only the fallback."""
        if watch is not None and watch.pushed(tracker.job_id, job):
            tracker.due = _fallback_due(deadline, policy, now(), max(tracker.due, now() + watch.fallback))

    def settle(tracker: _Tracker, job: Any, hint: float | None = None) -> bool:
        """Record a snapshot; True when the job is terminal (the caller emits it)."""
        if tracker.observe(job, now()) and on_progress is not None:
            on_progress(job)
        if job.status in TERMINAL_STATUSES:
            return True
        tracker.plan(now(), rng, hint)
        slow(tracker, job)
        return False

    def pushed() -> Generator[Effect, Any, None]:
        """Take the deliveries since the last look: emit the jobs they end."""
        assert watch is not None
        for job_id in watch.news():
            tracker = pending.get(job_id)
            if tracker is None:
                continue
            job, look_now = watch.take(job_id, tracker.last)
            if job is not None:
                if tracker.observe(job, now()) and on_progress is not None:
                    on_progress(job)
                if job.status in TERMINAL_STATUSES:
                    del pending[job_id]
                    yield Emit(job)
                    continue
            if look_now:
                tracker.due = now()
                tracker.listed = False  # its result comes from a GET by id

    def fetch(tracker: _Tracker, remaining: float | None) -> Generator[Effect, Any, Any]:
        """GET one job; None when a transient error only delayed it."""
        try:
            snapshot = yield from poller.get(tracker.job_id, remaining)
        except TRANSIENT_ERRORS as error:
            tracker.backoff(now(), error, rng)
            return None
        if settle(tracker, snapshot.job, snapshot.retry_after):
            return snapshot.job
        return None

    while pending:
        if watch is not None:
            yield from pushed()
            if not pending:
                break
        listable = {i: t for i, t in pending.items() if t.listed} if batching else {}
        use_list = len(listable) >= 2
        soonest = min(pending.values(), key=lambda t: t.due)
        when = soonest.due
        if use_list and last_round is not None:
            when = max(when, last_round + gap)
        pause = deadline.pause_until(when)
        if pause > 0:
            yield Sleep(pause, cancel, watch)
            if watch is not None:
                continue  # woken by news, or due: either way, take the news first
        remaining = deadline.remaining()
        if remaining is not None and remaining <= 0:
            late = min(pending.values(), key=lambda t: t.due)
            if late.last is not None and late.last_listed:
                late.last = poller.as_job(late.last)
            raise _timeout_error(late, policy.timeout)
        moment = now()
        due = [t for t in pending.values() if t.due <= moment]
        if not use_list:
            for tracker in due:
                done = yield from fetch(tracker, deadline.remaining())
                if done is not None:
                    del pending[tracker.job_id]
                    yield Emit(done)
            continue
        last_round = moment
        try:
            oldest = _oldest([t.created for t in listable.values()])
            found = yield from _walk(poller, set(listable), oldest, policy.page_size, remaining)
        except TRANSIENT_ERRORS as error:
            for tracker in due:
                tracker.backoff(now(), error, rng)
            continue
        except APIStatusError:
            batching = False  # this key may not list jobs: poll each one by id
            continue
        if not found:
            batching = False  # the listing does not show these jobs
            continue
        for job_id, tracker in listable.items():
            item = found.get(job_id)
            if item is None:
                tracker.listed = False  # polled by id from now on
                continue
            if item.status in TERMINAL_STATUSES and item.status == "COMPLETED" and not poller.has_result(item):
                tracker.due = moment  # completed, but the page lacks its result: fetched by id below
                continue
            changed = tracker.observe(item, now())
            tracker.last_listed = True
            if changed and on_progress is not None:
                on_progress(poller.as_job(item))
            if item.status in TERMINAL_STATUSES:
                del pending[job_id]
                yield Emit(poller.as_job(item))
            else:
                tracker.plan(now(), rng)
                slow(tracker, item)
        for tracker in [t for t in pending.values() if t.due <= moment]:
            done = yield from fetch(tracker, deadline.remaining())
            if done is not None:
                del pending[tracker.job_id]
                yield Emit(done)


def wait_many_flow(
    poller: JobPoller,
    job_ids: Iterable[str],
    *,
    policy: WaitPolicy,
    now: Callable[[], float],
    on_progress: Callable[[Any], object] | None = None,
    cancel: threading.Event | None = None,
    rng: random.Random | None = None,
    push: PushFeed | None = None,
) -> Generator[Effect, Any, None]:
    """Wait for many jobs under one deadline; emits each terminal job (any terminal status) as it ends.

    See :func:`_wait_many`; with ``push``, webhook deliveries end waits and feed ``on_progress``.
    """
    ids = list(job_ids)
    watch = push.watch(ids) if push is not None else None
    try:
        yield from _wait_many(
            poller, ids, policy=policy, now=now, on_progress=on_progress, cancel=cancel, rng=rng, watch=watch
        )
    finally:
        if watch is not None:
            watch.close()


def job_id_of(item: Any) -> str:
    """The job id of an id string, an accepted-job handle or a job snapshot, checked before any request."""
    from ._bodies import check_id

    if isinstance(item, str):
        return check_id(item, "job_id")
    for attribute in ("job_id", "id"):
        value = getattr(item, attribute, None)
        if isinstance(value, str):
            return check_id(value, "job_id")
    from ._errors import InvalidRequestError

    raise InvalidRequestError(
        f"expected a job id string, an accepted job or a Job, got {type(item).__name__}",
        field="job_id",
    )
