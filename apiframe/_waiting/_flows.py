"""The two waiting flows: one job (``wait_flow``) and many under one deadline (``wait_many_flow``)."""

from __future__ import annotations

import math
import random
import threading
from collections.abc import Callable, Generator, Iterable, Mapping
from typing import Any

from .._deadline import Deadline
from .._errors import WaitCancelledError
from .._flow import Effect, Emit, Sleep
from .._retry import JITTER
from ._listing import list_round, shared_look
from ._policy import TERMINAL_STATUSES, TRANSIENT_ERRORS, WaitPolicy
from ._poller import JobPoller
from ._push import PushFeed, PushWatch
from ._shared import SharedListing
from ._tracker import _fallback_due, _finish, _timeout_error, _Tracker

__all__ = ["wait_flow", "wait_many_flow"]


def _take_news(
    watch: PushWatch,
    trackers: Mapping[str, _Tracker],
    now: Callable[[], float],
    on_progress: Callable[[Any], object] | None,
) -> tuple[list[tuple[str, Any]], list[str]]:
    """The deliveries since the last look: ``(the jobs they end, the jobs to look at now)``.

    Each delivered snapshot feeds its job's tracker and ``on_progress``; a job whose delivery calls
    for a look (a completed job without its result) is due at once.
    """
    ended: list[tuple[str, Any]] = []
    look: list[str] = []
    for job_id in watch.news():
        tracker = trackers.get(job_id)
        if tracker is None:
            continue
        job, look_now = watch.take(job_id, tracker.last)
        if job is not None:
            if tracker.observe(job, now()) and on_progress is not None:
                on_progress(job)
            if job.status in TERMINAL_STATUSES:
                ended.append((job_id, job))
                continue
        if look_now:
            tracker.due = now()
            look.append(job_id)
    return ended, look


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
    rng = rng or JITTER  # shared: seeding a generator per wait cost ~35 us of urandom
    tracker = _Tracker(job_id, policy, now())
    deadline = Deadline(policy.timeout, now=now)
    sharing = shared if shared is not None and policy.batch else None
    if sharing is not None:
        sharing.follow(job_id)
    last_look = -math.inf
    watch = push.watch([job_id]) if push is not None else None
    if watch is not None and watch.expected(job_id):
        tracker.due = _fallback_due(deadline, policy, now(), tracker.due + watch.fallback)  # no first look
    try:
        while True:
            if watch is not None:
                ended, _ = _take_news(watch, {job_id: tracker}, now, on_progress)
                if ended:
                    return _finish(ended[0][1])
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
                    fresh = max(last_look, tracker.due - policy.interval / 2)  # no older than a round's gap
                    seen = yield from shared_look(poller, sharing, job_id, fresh, policy, deadline, cancel)
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
    except WaitCancelledError:
        raise WaitCancelledError(
            f"the wait for job {job_id} was cancelled through its cancel event; the job keeps running", job_id=job_id
        ) from None
    finally:
        if watch is not None:
            watch.close()
        if sharing is not None:
            sharing.unfollow(job_id)


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
    rng = rng or JITTER
    start = now()
    deadline = Deadline(policy.timeout, now=now)
    pending: dict[str, _Tracker] = {}
    for job_id in job_ids:
        if job_id not in pending:
            pending[job_id] = _Tracker(job_id, policy, start)
    listing = SharedListing()  # this wait's own: the jobs still looked for in pages
    if policy.batch:
        for job_id in pending:
            listing.follow(job_id)
    gap = policy.interval / 2
    last_round: float | None = None

    if watch is not None:
        for tracker in pending.values():
            if watch.expected(tracker.job_id):  # deliveries are on their way: no first look
                tracker.due = _fallback_due(deadline, policy, start, start + watch.fallback)

    def drop(job_id: str) -> None:
        """The job ended: it is neither pending nor looked for in pages any more."""
        del pending[job_id]
        listing.unfollow(job_id)

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
        ended, look = _take_news(watch, pending, now, on_progress)
        for job_id in look:
            listing.unfollow(job_id)  # its result comes from a GET by id
        for job_id, job in ended:
            drop(job_id)
            yield Emit(job)

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
        listable = {i: t for i, t in pending.items() if listing.active(i)}  # none unless two or more
        use_list = bool(listable)
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
                    drop(tracker.job_id)
                    yield Emit(done)
            continue
        last_round = moment
        for job_id, tracker in listable.items():
            listing.note_created(job_id, tracker.created)
        try:
            found = yield from list_round(poller, listing, policy.page_size, deadline)
        except TRANSIENT_ERRORS as error:
            for tracker in due:
                tracker.backoff(now(), error, rng)
            continue
        for job_id, tracker in listable.items():
            item = found.get(job_id)
            if item is None:
                continue  # the round did not show it: fetched by id below if it is due
            if item.status in TERMINAL_STATUSES and item.status == "COMPLETED" and not poller.has_result(item):
                tracker.due = moment  # completed, but the page lacks its result: fetched by id below
                continue
            changed = tracker.observe(item, now())
            tracker.last_listed = True
            if changed and on_progress is not None:
                on_progress(poller.as_job(item))
            if item.status in TERMINAL_STATUSES:
                drop(job_id)
                yield Emit(poller.as_job(item))
            else:
                tracker.plan(now(), rng)
                slow(tracker, item)
        for tracker in [t for t in pending.values() if t.due <= moment]:
            done = yield from fetch(tracker, deadline.remaining())
            if done is not None:
                drop(tracker.job_id)
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
