"""The one retry policy: what is worth another attempt, how many attempts, and how long to wait first.

:class:`Retries` counts the attempts of one request (the pipeline) or of one file transfer (a
download restarting a broken body); both take their pauses from :func:`backoff_delay` and the
server's capped ``Retry-After``. A wait's cadence is not a retry, but its pause after a failed
look comes from :func:`hinted_pause` too.

Every retry is announced on the ``apiframe`` logger at INFO (:func:`announce`); the record's
``apiframe_retry`` attribute holds a :class:`RetryNotice` (the ``apiframe`` command prints one line
per retry from it).
"""

from __future__ import annotations

import email.utils
import os
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ._deadline import Deadline
from ._logging import clean_message, logger

__all__ = [
    "BACKOFF_BASE",
    "BACKOFF_CAP",
    "JITTER",
    "MAX_REASON",
    "MAX_RETRY_AFTER",
    "Retries",
    "RetryNotice",
    "announce",
    "backoff_delay",
    "hinted_pause",
    "is_retryable_status",
    "retry_after",
]

BACKOFF_BASE = 0.25
"""Seconds: the first retry waits up to this long."""
BACKOFF_CAP = 8.0
"""Seconds: no computed backoff waits longer."""
MAX_RETRY_AFTER = 60.0
"""Seconds: a server asking for a longer pause gets a RateLimitError at once instead of a hidden wait."""


JITTER = random.Random()
"""The SDK's one source of jitter (retry backoff, wait cadence, budget lock retries): its own
generator, so a user's ``random.seed()`` neither steers nor is disturbed by it; reseeded in a forked
child so siblings do not retry in step."""
os.register_at_fork(after_in_child=JITTER.seed)


def backoff_delay(attempt: int, *, rand: Callable[[], float] = JITTER.random) -> float:
    """Full-jitter exponential backoff for retry number ``attempt`` (0-based)."""
    ceiling = min(BACKOFF_CAP, BACKOFF_BASE * 2.0 ** min(attempt, 30))
    return ceiling * rand()


def retry_after(headers: Mapping[str, str], *, now: Callable[[], float] = time.time) -> float | None:
    """The server's ``Retry-After`` (delta seconds or an HTTP-date) in seconds, or None when absent/invalid."""
    value = headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
            if when.tzinfo is None:
                return None
            seconds = when.timestamp() - now()
        except (TypeError, ValueError, IndexError, OverflowError, OSError):
            return None
    if seconds != seconds or seconds in (float("inf"), float("-inf")):  # NaN or infinite
        return None
    return max(0.0, seconds)


def is_retryable_status(status: int) -> bool:
    """429 and 5xx (and 408) are worth another attempt."""
    return status in (408, 429) or status >= 500


def hinted_pause(hint: float | None, fallback: float, *, cap: float, clip: bool = False) -> float | None:
    """The pause before the next attempt: the server's ``hint`` if any, else ``fallback``.

    A hint over ``cap`` is refused (None: do not wait that long hidden) or, with ``clip``,
    shortened to ``cap``.
    """
    if hint is None:
        return fallback
    if hint > cap:
        return cap if clip else None
    return hint


MAX_REASON = 200
"""Characters: a :class:`RetryNotice`'s reason is never longer."""


@dataclass(frozen=True, slots=True)
class RetryNotice:
    """One retry, as announced on the ``apiframe`` logger (the record's ``apiframe_retry`` attribute).

    ``attempt`` is the 1-based number of this retry, ``attempts`` the most retries allowed, ``delay``
    the seconds paused before it, ``reason`` why, short and human ("no answer from api.apiframe.ai
    after 5 s", "503 Service Unavailable"): at most :data:`MAX_REASON` characters, never the key, one
    inert line (it may carry a server's reason phrase: :func:`~apiframe._logging.clean_message`).
    """

    attempt: int
    attempts: int
    delay: float
    reason: str

    def __post_init__(self) -> None:
        reason = clean_message(" ".join(str(self.reason).split()))  # server text in it: one inert line
        if len(reason) > MAX_REASON:
            reason = reason[: MAX_REASON - 3] + "..."
        object.__setattr__(self, "reason", reason)

    def __str__(self) -> str:
        return f"{self.reason}, retrying in {self.delay:.1f} s ({self.attempt}/{self.attempts})"


def announce(what: str, notice: RetryNotice) -> None:
    """Log a retry of ``what`` (``"GET /v2/jobs/..."``) at INFO, with ``notice`` on the record."""
    logger.info(
        "%s: %s; retry %d of %d in %.2f s",
        what,
        notice.reason,
        notice.attempt,
        notice.attempts,
        notice.delay,
        extra={"apiframe_retry": notice},
    )


@dataclass(slots=True)
class Retries:
    """The attempts of one request or transfer: ``limit`` retries, none pausing past ``deadline``.

    Each method answers the pause before the next attempt, or None when the caller must give up;
    ``attempt`` counts the retries granted so far.
    """

    limit: int
    deadline: Deadline | None = None
    """No pause may reach it; None: no deadline."""
    attempt: int = 0

    def after_failure(self) -> float | None:
        """After an attempt that got no answer (a transport error, a broken body)."""
        return self._grant(backoff_delay(self.attempt))

    def after_status(self, status: int, headers: Mapping[str, str]) -> float | None:
        """After a non-2xx answer: retryable statuses only, honouring a ``Retry-After`` up to its cap."""
        if not is_retryable_status(status) or self.attempt >= self.limit:
            return None
        return self._grant(hinted_pause(retry_after(headers), backoff_delay(self.attempt), cap=MAX_RETRY_AFTER))

    def _grant(self, delay: float | None) -> float | None:
        if delay is None or self.attempt >= self.limit:
            return None
        left = None if self.deadline is None else self.deadline.remaining()
        if left is not None and delay >= left:
            return None
        self.attempt += 1
        return delay

    def notice(self, delay: float, reason: str) -> RetryNotice:
        """The notice of the retry just granted (after ``delay`` seconds, for ``reason``)."""
        return RetryNotice(self.attempt, self.limit, delay, reason)
