"""The session: what a client's flows run against.

Each client owns one :class:`SyncSession` or :class:`AsyncSession`: its settings, its clock, its
push source, the list pages its waits share, its connection pool (one per process, and for the
async client one per running event loop), and the request pipeline it inherits
(:class:`~apiframe._pipeline.Pipeline`: ``session.call`` sends one operation of the spec and
parses its answer, ``session.request`` one HTTP request). Flows take the session, never the
client; ``run``/``iterate`` drive a flow with the session's pool and clock.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, TypeVar

from ._config import Settings
from ._connections import LoopPool, ProcessPool
from ._flow import Clock, Flow, Seen, SystemClock, iter_async, iter_sync, run_async, run_sync
from ._pipeline import Pipeline
from ._waiting._push import PushFeed
from ._waiting._shared import SharedListing

__all__ = ["AsyncSession", "Session", "SyncSession"]

T = TypeVar("T")


class Session(Pipeline):
    """A client's settings, clock, push source and shared list pages, and its request pipeline."""

    __slots__ = ("clock", "listing", "push")

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Clock | None = None,
        push: PushFeed | None = None,
        listing: SharedListing | None = None,
    ) -> None:
        super().__init__(settings)
        self.clock: Clock = clock or SystemClock()
        self.push = push
        """Where waits hear of webhook deliveries (``push=PushSource(...)``), or None: waits poll."""
        self.listing = listing or SharedListing()
        """The list pages this client's concurrent waits share."""


class SyncSession(Session):
    """The sync client's session: flows run with blocking I/O on its per-process pool."""

    __slots__ = ("_seen", "pool")

    def __init__(
        self,
        settings: Settings,
        pool: ProcessPool,
        *,
        clock: Clock | None = None,
        push: PushFeed | None = None,
        listing: SharedListing | None = None,
        seen: Seen | None = None,
    ) -> None:
        super().__init__(settings, clock=clock, push=push, listing=listing)
        self.pool = pool
        self._seen = seen

    def run(self, flow: Flow[T]) -> T:
        """Run ``flow`` to its result."""
        return run_sync(flow, http=self.pool.get(), clock=self.clock, seen=self._seen)

    def iterate(self, flow: Flow[Any]) -> Iterator[Any]:
        """Run ``flow``, yielding what it emits."""
        return iter_sync(flow, http=self.pool.get(), clock=self.clock, seen=self._seen)

    def evolve(self, *, settings: Settings | None = None, clock: Clock | None = None) -> SyncSession:
        """A session with other settings or another clock, on the same pool and push source."""
        return SyncSession(settings or self.settings, self.pool, clock=clock or self.clock, push=self.push)

    def recording(self, seen: Seen) -> SyncSession:
        """This session, telling ``seen`` of every response (a raw-response call)."""
        return SyncSession(self.settings, self.pool, clock=self.clock, push=self.push, listing=self.listing, seen=seen)


class AsyncSession(Session):
    """The async client's session: flows run on the running event loop, on that loop's pool."""

    __slots__ = ("_seen", "pool")

    def __init__(
        self,
        settings: Settings,
        pool: LoopPool,
        *,
        clock: Clock | None = None,
        push: PushFeed | None = None,
        listing: SharedListing | None = None,
        seen: Seen | None = None,
    ) -> None:
        super().__init__(settings, clock=clock, push=push, listing=listing)
        self.pool = pool
        self._seen = seen

    async def run(self, flow: Flow[T]) -> T:
        """Run ``flow`` to its result on the running loop."""
        http, opener = self.pool.current()
        return await run_async(flow, http=http, clock=self.clock, seen=self._seen, opener=opener)

    async def iterate(self, flow: Flow[Any]) -> AsyncIterator[Any]:
        """Run ``flow``, yielding what it emits (on the pool of the loop that iterates)."""
        http, opener = self.pool.current()
        async for value in iter_async(flow, http=http, clock=self.clock, seen=self._seen, opener=opener):
            yield value

    def evolve(self, *, settings: Settings | None = None, clock: Clock | None = None) -> AsyncSession:
        """A session with other settings or another clock, on the same pool and push source."""
        return AsyncSession(settings or self.settings, self.pool, clock=clock or self.clock, push=self.push)

    def recording(self, seen: Seen) -> AsyncSession:
        """This session, telling ``seen`` of every response (a raw-response call)."""
        return AsyncSession(self.settings, self.pool, clock=self.clock, push=self.push, listing=self.listing, seen=seen)
