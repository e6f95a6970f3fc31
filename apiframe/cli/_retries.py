"""One line on stderr for each retry the SDK makes, so a slow or silent server is never a silent wait.

The SDK announces every retry on the ``apiframe`` logger at INFO, the record carrying
``apiframe_retry``: a ``RetryNotice(attempt, attempts, delay, reason)`` (``apiframe._retry``),
where ``attempt`` is the 1-based number of this retry, ``attempts`` the most retries the request
may make (``--max-retries``), ``delay`` the pause before it in seconds and ``reason`` why the last
attempt failed (``no answer from 127.0.0.1:8790 after 5 s``). While a command runs,
:class:`RetryLines` turns each into ``<reason>, retrying (1/2)``; other records of the logger are
left to it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from ._terminal import one_line

__all__ = ["RetryLines", "retry_line"]

_LOGGER = logging.getLogger("apiframe")


class Notice(Protocol):
    """What the CLI reads of a retry notice."""

    attempt: int
    attempts: int
    delay: float
    reason: str


def retry_line(notice: Notice) -> str:
    """``no answer from HOST after 5 s, retrying in 2 s (1/2)``: the reason is the SDK's, cleaned."""
    pause = f" in {notice.delay:.0f} s" if notice.delay >= 1.5 else ""
    return f"{one_line(notice.reason)}, retrying{pause} ({notice.attempt}/{notice.attempts})"


class RetryLines(logging.Handler):
    """A handler on the ``apiframe`` logger that prints the retry notices, and only them."""

    def __init__(self, say: Callable[[str], None]) -> None:
        super().__init__(logging.INFO)
        self._say = say
        self._level: int | None = None

    def emit(self, record: logging.LogRecord) -> None:
        notice = getattr(record, "apiframe_retry", None)
        if notice is None:
            return
        try:
            line = retry_line(notice)
        except (AttributeError, TypeError, ValueError):
            return  # not the notice the SDK sends: nothing worth a line
        self._say(line)

    def install(self) -> None:
        """Listen from now on (INFO records reach the handler even when the logger is quieter)."""
        self._level = _LOGGER.level
        if _LOGGER.getEffectiveLevel() > logging.INFO:
            _LOGGER.setLevel(logging.INFO)
        _LOGGER.addHandler(self)

    def remove(self) -> None:
        _LOGGER.removeHandler(self)
        if self._level is not None:
            _LOGGER.setLevel(self._level)
            self._level = None
