"""What the waiting flows need of webhook deliveries (implemented by ``apiframe.webhooks``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from .._flow import Wake


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
