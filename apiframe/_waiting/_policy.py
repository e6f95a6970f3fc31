"""How a wait paces itself (:class:`WaitPolicy`), and what it waits for (job ids)."""

from __future__ import annotations

import dataclasses
import math
import random
from dataclasses import dataclass
from typing import Any, Protocol, TypeAlias

from .._bodies import check_id
from .._errors import InvalidRequestError, NetworkError, RateLimitError, ServerError
from .._types import NotGiven

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


def policy_for(
    interval: float | NotGiven,
    max_interval: float | NotGiven,
    timeout: float | NotGiven | None,
    policy: WaitPolicy | None = None,
) -> WaitPolicy:
    """The wait's policy: ``policy`` (or the defaults) with the arguments that were given laid over it.

    ``timeout=None`` means no deadline; an argument left out keeps the policy's value.
    """
    base = WaitPolicy() if policy is None else policy
    if not isinstance(base, WaitPolicy):
        raise InvalidRequestError(f"policy must be an apiframe.WaitPolicy, got {type(base).__name__}", field="policy")
    changes: dict[str, Any] = {}
    for name, value in (("interval", interval), ("max_interval", max_interval), ("timeout", timeout)):
        if isinstance(value, NotGiven):
            continue
        if value is None and name != "timeout":
            raise InvalidRequestError(f"{name} must be a positive number of seconds, got None", field=name)
        changes[name] = value
    return dataclasses.replace(base, **changes) if changes else base


class HasJobId(Protocol):
    """An accepted job (``AcceptedJob``, the generated ``JobAccepted``)."""

    @property
    def job_id(self) -> str: ...


class HasId(Protocol):
    """A job snapshot or list item (``Job``, ``JobListJobsItem``)."""

    @property
    def id(self) -> str: ...


JobRef: TypeAlias = "str | HasJobId | HasId"
"""A job id, an accepted-job handle or a job snapshot: what every call that takes a job accepts."""


def job_id_of(item: JobRef | object) -> str:
    """The job id of an id string, an accepted-job handle or a job snapshot, checked before any request."""
    if isinstance(item, str):
        return check_id(item, "job_id")
    for attribute in ("job_id", "id"):
        value = getattr(item, attribute, None)
        if isinstance(value, str):
            return check_id(value, "job_id")
    raise InvalidRequestError(
        f"expected a job id string, an accepted job or a Job, got {type(item).__name__}",
        field="job_id",
    )
