"""The in-process hub: receivers publish verified events, waits watch the jobs they wait for.

The hub keeps the most advanced event per job (bounded in count, bytes and age), so a wait that
starts after its job's delivery still sees it, and a duplicate or late delivery never moves a job
backwards: a terminal event is never replaced, and a progress event only replaces a lower one.
Publishing and watching are thread-safe and work across event loops: a delivery received on a
WSGI thread wakes a wait on an asyncio loop in another thread, and the reverse.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .._errors import ConfigurationError

if TYPE_CHECKING:
    from ._verify import WebhookEvent

__all__ = ["HubWatch", "WebhookHub", "rank_of"]

_TERMINAL = frozenset({"COMPLETED", "FAILED", "CANCELLED"})
_STATUS_OF_EVENT = {"completed": "COMPLETED", "failed": "FAILED", "cancelled": "CANCELLED"}


def status_of(event: WebhookEvent) -> str | None:
    """The job status an event reports: its ``status``, else the event name its body carries.

    Only the body counts (it is what the signature covers): an ``X-Webhook-Event`` header a
    receiver copied into ``event.type`` never decides a status.
    """
    if event.status:
        return event.status.upper()
    named = event.raw.get("event", event.raw.get("type"))
    return _STATUS_OF_EVENT.get(named.lower()) if isinstance(named, str) else None


def rank_of(event: WebhookEvent) -> tuple[int, float]:
    """How far along a job an event is: terminal events outrank everything, then progress."""
    if status_of(event) in _TERMINAL:
        return (1, 0.0)
    progress = event.progress
    return (0, float(progress) if progress is not None else -1.0)


class HubWatch:
    """What one wait watches: a set of job ids, the ones with news, and a way to sleep until news.

    ``wait`` (threads) and ``wait_async`` (any event loop) return early when a watched job gets a
    newer event; :meth:`drain` hands over the ids that changed since the last call.
    """

    def __init__(self, hub: WebhookHub, job_ids: Iterable[str]) -> None:
        self._hub = hub
        self.job_ids = frozenset(job_ids)
        self._lock = threading.Lock()
        self._flag = threading.Event()
        self._dirty: set[str] = set(self.job_ids)  # the first drain looks at every job: early deliveries count
        self._sleepers: set[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = set()

    def notify(self, job_id: str) -> None:
        """A watched job has a newer event (called by the hub, from any thread)."""
        with self._lock:
            self._dirty.add(job_id)
            sleepers = list(self._sleepers)
        self._flag.set()
        for loop, future in sleepers:
            try:
                loop.call_soon_threadsafe(_resolve, future)
            except RuntimeError:  # that loop is closed: its wait is gone
                continue

    def drain(self) -> set[str]:
        """The watched jobs with news since the last drain."""
        with self._lock:
            dirty, self._dirty = self._dirty, set()
        return dirty

    def latest(self, job_id: str) -> WebhookEvent | None:
        """The most advanced event the hub holds for ``job_id``."""
        return self._hub.latest(job_id)

    def wait(self, seconds: float, cancel: threading.Event | None = None) -> bool:
        """Block up to ``seconds`` or until news; True when ``cancel`` was set instead."""
        end = time.monotonic() + max(0.0, seconds)
        while True:
            if cancel is not None and cancel.is_set():
                return True
            left = end - time.monotonic()
            if left <= 0 or self._flag.is_set():
                break
            self._flag.wait(left if cancel is None else min(left, 0.05))
        self._flag.clear()  # news published before this point is already in the hub's state
        return False

    async def wait_async(self, seconds: float) -> None:
        """Sleep up to ``seconds`` on the running loop, or until news."""
        if self._flag.is_set():
            self._flag.clear()
            return
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        entry = (loop, future)
        with self._lock:
            self._sleepers.add(entry)
        try:
            if not self._flag.is_set():
                await asyncio.wait({future}, timeout=max(0.0, seconds))
        finally:
            with self._lock:
                self._sleepers.discard(entry)
            if not future.done():
                future.cancel()
            self._flag.clear()

    def close(self) -> None:
        """Stop watching."""
        self._hub._unwatch(self)

    def __enter__(self) -> HubWatch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class WebhookHub:
    """Where verified webhook events meet the waits for their jobs, in this process.

    Receivers call :meth:`publish`; a client configured with ``push=PushSource(hub, url)`` waits
    through :meth:`watch`. ``max_jobs``, ``max_bytes`` and ``ttl`` (seconds) bound what is kept:
    the least recently updated jobs go first. For many processes, use :class:`RedisWebhookHub`.
    """

    def __init__(self, *, max_jobs: int = 10_000, max_bytes: int = 64 * 1024 * 1024, ttl: float = 3600.0) -> None:
        if max_jobs < 1 or max_bytes < 1:
            raise ConfigurationError("max_jobs and max_bytes must be at least 1")
        if not ttl > 0:
            raise ConfigurationError("ttl must be a positive number of seconds")
        self.max_jobs = max_jobs
        self.max_bytes = max_bytes
        self.ttl = ttl
        self._lock = threading.Lock()
        self._events: OrderedDict[str, tuple[float, int, WebhookEvent]] = OrderedDict()
        self._bytes = 0
        self._watches: dict[str, set[HubWatch]] = {}
        self._clock: Callable[[], float] = time.monotonic

    def publish(self, event: WebhookEvent, *, size: int | None = None) -> bool:
        """Record a verified event; True when it moved its job forward (and woke its waits).

        Duplicates, events without a job id and events behind what the hub holds are ignored.
        ``size`` is the body's length in bytes (for the ``max_bytes`` budget).
        """
        job_id = event.job_id
        if not job_id:
            return False
        cost = max(1, size if size is not None else 256)
        with self._lock:
            now = self._clock()
            self._expire(now)
            held = self._events.get(job_id)
            if held is not None and rank_of(event) <= rank_of(held[2]):
                return False
            if held is not None:
                self._bytes -= held[1]
                del self._events[job_id]
            self._events[job_id] = (now, cost, event)
            self._bytes += cost
            while len(self._events) > self.max_jobs or (self._bytes > self.max_bytes and len(self._events) > 1):
                _, (_, old_cost, _) = self._events.popitem(last=False)
                self._bytes -= old_cost
            watches = list(self._watches.get(job_id, ()))
        for watch in watches:
            watch.notify(job_id)
        return True

    def latest(self, job_id: str) -> WebhookEvent | None:
        """The most advanced event held for ``job_id``, or None."""
        with self._lock:
            held = self._events.get(job_id)
            if held is None or held[0] + self.ttl <= self._clock():
                return None
            return held[2]

    def trust(self, api_key: str) -> None:
        """Believe deliveries signed for ``api_key`` (a client given this hub calls it with its key).

        Nothing to do in process: what reaches this hub was verified by a receiver in this process.
        :class:`RedisWebhookHub` verifies every event it reads from Redis against these keys.
        """

    def watch(self, job_ids: Iterable[str]) -> HubWatch:
        """Watch these jobs (close the watch when done; it is a context manager)."""
        watch = HubWatch(self, job_ids)
        with self._lock:
            for job_id in watch.job_ids:
                self._watches.setdefault(job_id, set()).add(watch)
        return watch

    def _unwatch(self, watch: HubWatch) -> None:
        with self._lock:
            for job_id in watch.job_ids:
                watchers = self._watches.get(job_id)
                if watchers is not None:
                    watchers.discard(watch)
                    if not watchers:
                        del self._watches[job_id]

    def _expire(self, now: float) -> None:
        while self._events:
            job_id, (stamp, cost, _) = next(iter(self._events.items()))
            if stamp + self.ttl > now:
                return
            del self._events[job_id]
            self._bytes -= cost

    def __len__(self) -> int:
        with self._lock:
            return len(self._events)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(jobs={len(self)}, max_jobs={self.max_jobs})"

    def close(self) -> None:
        """Nothing to release in process (kept for symmetry with :class:`RedisWebhookHub`)."""
