"""When to retry a request and how long to wait first."""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable, Mapping

__all__ = ["BACKOFF_BASE", "BACKOFF_CAP", "MAX_RETRY_AFTER", "backoff_delay", "is_retryable_status", "retry_after"]

BACKOFF_BASE = 0.25
"""Seconds: the first retry waits up to this long."""
BACKOFF_CAP = 8.0
"""Seconds: no computed backoff waits longer."""
MAX_RETRY_AFTER = 60.0
"""Seconds: a server asking for a longer pause gets a RateLimitError at once instead of a hidden wait."""


def backoff_delay(attempt: int, *, rand: Callable[[], float] = random.random) -> float:
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
