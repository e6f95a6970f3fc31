"""One job's state during a wait: last snapshot, next look, progress-based prediction."""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any

from .._deadline import Deadline
from .._errors import JobCancelledError, JobFailedError, RateLimitError, WaitTimeoutError
from .._retry import hinted_pause
from ._policy import LATE_FRACTION, LATE_SECONDS, MIN_PAUSE, WaitPolicy


def epoch_seconds(value: Any) -> float | None:
    """A datetime as seconds since the epoch (None for anything else, or one out of range)."""
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
            self.created = epoch_seconds(getattr(job, "created_at", None))
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
        fallback = self.policy.jittered(self.delay, rng)
        wait = hinted_pause(hint, fallback, cap=self.policy.max_interval, clip=True)
        self.due = now + max(MIN_PAUSE, fallback if wait is None else wait)


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


def _fallback_due(deadline: Deadline, policy: WaitPolicy, now: float, when: float) -> float:
    """When a push wait's fallback look is due: never past the deadline, so a lost delivery cannot
    turn a finished job into a timeout (the last look lands shortly before the deadline)."""
    if deadline.at is None or policy.timeout is None:
        return when
    last = deadline.at - min(1.0, 0.1 * policy.timeout)
    return min(when, last) if last > now else when
