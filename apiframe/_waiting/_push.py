"""What a client needs of webhook deliveries (implemented by ``apiframe.webhooks.PushSource``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol, runtime_checkable

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


@runtime_checkable
class PushFeed(Protocol):
    """Where a client's submissions ask deliveries to go, and its waits hear of them
    (``apiframe.webhooks.PushSource``)."""

    def prepare(self, operation_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """A submission's body with this source's webhook URL and events (unless it sets its own)."""
        ...

    def submitted(self, job_id: str, body: Mapping[str, Any]) -> None:
        """Note a submitted job whose deliveries come to this source."""
        ...

    def watch(self, job_ids: Iterable[str]) -> PushWatch:
        """Deliveries for the jobs of one wait."""
        ...
