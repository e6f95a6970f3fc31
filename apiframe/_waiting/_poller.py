"""The requests a wait makes: one job by id, one page of the listing (``apiframe._job_flows`` makes them
on a client's session)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .._flow import Flow
from .._pagination import PageData

__all__ = ["JobPoller", "ListPage", "Snapshot"]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One job as ``GET /v2/jobs/{id}`` gave it, with the server's hint for the next look."""

    job: Any
    retry_after: float | None = None


class ListPage(PageData[Any]):
    """One page of ``GET /v2/jobs``: list items (id, status, progress, created_at, maybe result)."""

    def __init__(self, items: Sequence[Any], next_cursor: str | None, has_more: bool | None) -> None:
        super().__init__(items, next_cursor, has_more, None)


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
