"""Waiting for jobs: one polling strategy, written once as flows, run by the sync and async drivers.

The strategy: the first poll happens at once (the job may already be done); later polls wait
``interval`` seconds, then back off by
``multiplier`` up to ``max_interval``, shortened when the job's reported progress predicts an
earlier finish, with a little jitter so many waiters do not poll in lockstep. The deadline
(``timeout``) is the whole wait's budget, separate from each HTTP request's timeout: each poll's
request timeout is clipped to the time left. Rate limits, 5xx and network errors while polling are
absorbed until the deadline. A status the SDK does not know is not terminal.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from typing import Any

from ._errors import (
    JobCancelledError,
    JobFailedError,
    NetworkError,
    RateLimitError,
    ServerError,
    WaitTimeoutError,
)
from ._flow import Effect, Emit, Flow, Sleep

__all__ = ["TERMINAL_STATUSES", "WaitPolicy", "job_id_of", "wait_flow", "wait_many_flow"]

TERMINAL_STATUSES = frozenset({"COMPLETED", "FAILED", "CANCELLED"})
TRANSIENT_ERRORS = (RateLimitError, ServerError, NetworkError)


@dataclass(frozen=True, slots=True)
class WaitPolicy:
    """How to poll: first delay, growth, cap, overall deadline and jitter (fraction of a delay)."""

    interval: float = 1.0
    max_interval: float = 15.0
    timeout: float | None = 600.0
    multiplier: float = 1.5
    jitter: float = 0.1

    def __post_init__(self) -> None:
        from ._errors import InvalidRequestError

        if self.interval <= 0 or self.max_interval <= 0:
            raise InvalidRequestError("interval and max_interval must be positive numbers of seconds")
        if self.timeout is not None and self.timeout <= 0:
            raise InvalidRequestError("timeout must be a positive number of seconds, or None for no deadline")
        if self.multiplier < 1:
            raise InvalidRequestError("multiplier must be at least 1")

    def next_delay(self, previous: float) -> float:
        return min(self.max_interval, previous * self.multiplier)

    def jittered(self, delay: float, rng: random.Random) -> float:
        return max(0.0, delay * (1 + rng.uniform(-self.jitter, self.jitter)))


GetJob = Callable[[str, float | None], Flow[Any]]
"""``get_job(job_id, request_timeout)``: a flow fetching one job snapshot."""


class _Tracker:
    """Per-job state: the last snapshot, the current delay, and progress-based prediction."""

    def __init__(self, job_id: str, policy: WaitPolicy, now: float) -> None:
        self.job_id = job_id
        self.policy = policy
        self.delay = policy.interval
        self.due = now + policy.interval
        self.last: Any = None
        self._seen: tuple[Any, Any] | None = None
        self._progress_mark: tuple[float, int] | None = None

    def observe(self, job: Any, now: float) -> bool:
        """Record a snapshot; True when status or progress changed."""
        self.last = job
        key = (job.status, job.progress)
        changed = key != self._seen
        self._seen = key
        progress = job.progress if isinstance(job.progress, int) else None
        predicted = None
        if progress is not None and self._progress_mark is not None:
            then, before = self._progress_mark
            if progress > before and now > then:
                rate = (progress - before) / (now - then)
                predicted = (100 - progress) / rate
        if progress is not None and (self._progress_mark is None or progress != self._progress_mark[1]):
            self._progress_mark = (now, progress)
        self.delay = self.policy.next_delay(self.delay)
        if predicted is not None:
            self.delay = max(self.policy.interval, min(self.delay, predicted))
        return changed

    def schedule(self, now: float, rng: random.Random) -> None:
        self.due = now + self.policy.jittered(self.delay, rng)

    def backoff(self, now: float, error: BaseException, rng: random.Random) -> None:
        hint = error.retry_after if isinstance(error, RateLimitError) else None
        self.delay = self.policy.next_delay(self.delay)
        wait = hint if hint is not None else self.policy.jittered(self.delay, rng)
        self.due = now + wait


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


def wait_flow(
    get_job: GetJob,
    job_id: str,
    *,
    policy: WaitPolicy,
    now: Callable[[], float],
    on_progress: Callable[[Any], object] | None = None,
    cancel: threading.Event | None = None,
    rng: random.Random | None = None,
) -> Generator[Effect, Any, Any]:
    """Poll one job until it is terminal; returns the COMPLETED job."""
    rng = rng or random.Random()
    tracker = _Tracker(job_id, policy, now())
    deadline = None if policy.timeout is None else now() + policy.timeout
    first = True
    while True:
        if not first:
            pause = tracker.due - now()
            if deadline is not None:
                pause = min(pause, deadline - now())
            if pause > 0:
                yield Sleep(pause, cancel)
        first = False
        remaining = None if deadline is None else deadline - now()
        if remaining is not None and remaining <= 0:
            raise _timeout_error(tracker, policy.timeout)
        try:
            job = yield from get_job(job_id, remaining)
        except TRANSIENT_ERRORS as error:
            tracker.backoff(now(), error, rng)
            if deadline is not None and tracker.due >= deadline:
                raise _timeout_error(tracker, policy.timeout) from error
            continue
        if tracker.observe(job, now()) and on_progress is not None:
            on_progress(job)
        if job.status in TERMINAL_STATUSES:
            return _finish(job)
        tracker.schedule(now(), rng)


def wait_many_flow(
    get_job: GetJob,
    job_ids: Iterable[str],
    *,
    policy: WaitPolicy,
    now: Callable[[], float],
    on_progress: Callable[[Any], object] | None = None,
    cancel: threading.Event | None = None,
    rng: random.Random | None = None,
) -> Generator[Effect, Any, None]:
    """Poll many jobs under one deadline; emits each terminal job (any terminal status) as it ends.

    The soonest-due job is polled next, so the request count scales with the jobs still pending.
    At the deadline, raises :class:`WaitTimeoutError` for the first job still pending.
    """
    rng = rng or random.Random()
    start = now()
    deadline = None if policy.timeout is None else start + policy.timeout
    pending: dict[str, _Tracker] = {}
    for job_id in job_ids:
        if job_id not in pending:
            pending[job_id] = _Tracker(job_id, policy, start)
            pending[job_id].due = start  # first look right away: some may be done already
    while pending:
        tracker = min(pending.values(), key=lambda t: t.due)
        pause = tracker.due - now()
        if deadline is not None:
            pause = min(pause, deadline - now())
        if pause > 0:
            yield Sleep(pause, cancel)
        remaining = None if deadline is None else deadline - now()
        if remaining is not None and remaining <= 0:
            raise _timeout_error(tracker, policy.timeout)
        try:
            job = yield from get_job(tracker.job_id, remaining)
        except TRANSIENT_ERRORS as error:
            tracker.backoff(now(), error, rng)
            continue
        if tracker.observe(job, now()) and on_progress is not None:
            on_progress(job)
        if job.status in TERMINAL_STATUSES:
            del pending[tracker.job_id]
            yield Emit(job)
        else:
            tracker.schedule(now(), rng)


def job_id_of(item: Any) -> str:
    """The job id of an id string, an accepted-job handle or a job snapshot."""
    if isinstance(item, str):
        return item
    for attribute in ("job_id", "id"):
        value = getattr(item, attribute, None)
        if isinstance(value, str):
            return value
    from ._errors import InvalidRequestError

    raise InvalidRequestError(
        f"expected a job id string, an accepted job or a Job, got {type(item).__name__}",
        field="job_id",
    )
