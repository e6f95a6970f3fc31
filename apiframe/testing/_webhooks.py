"""Deliver queued job events to webhook URLs: signed, in order, retried with backoff.

Each delivery is a POST of the event as JSON (``event, jobId, status, progress, result, model,
creditCost, completedAt`` and a few more), with ``X-Webhook-Signature``, ``X-Webhook-Event``,
``X-Webhook-Id`` and ``X-Webhook-Attempt``; a non-2xx answer or a network error is retried after
each of ``webhook_retry_delays``. Injected faults (:meth:`WebhookDispatcher.set_faults`) drop a
share of deliveries silently (the sandbox believes them delivered, as when a response is lost)
or delay every delivery.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

from apiframe._version import __version__

from .._tls import verifying_context
from ._clock import Clock
from ._config import SandboxConfig
from ._jobs import JobEngine, isoformat
from ._signing import SIGNATURE_HEADER, sign_with_secret
from ._store import Store

__all__ = ["Delivery", "WebhookDispatcher"]

logger = logging.getLogger("apiframe.testing")


@dataclass(frozen=True)
class Delivery:
    """One delivery attempt, kept for inspection in tests."""

    job_id: str
    event: str
    url: str
    attempt: int
    status_code: int | None
    error: str | None
    at: str

    @property
    def ok(self) -> bool:
        """Whether the receiver answered 2xx."""
        return self.status_code is not None and 200 <= self.status_code < 300


class WebhookDispatcher:
    """Runs one delivery task per job so each job's events arrive in order."""

    def __init__(
        self,
        store: Store,
        engine: JobEngine,
        config: SandboxConfig,
        clock: Clock,
        base_url: Callable[[], str],
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.store = store
        self.engine = engine
        self.config = config
        self.clock = clock
        self.base_url = base_url
        self.sleep = sleep
        self.deliveries: list[Delivery] = []
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._waiting: set[str] = set()
        self._client: httpx.AsyncClient | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._fault_lock = threading.Lock()
        self.drop_rate = 0.0
        self.delay_seconds = 0.0
        self._rng = random.Random(config.seed)

    def set_faults(self, *, drop: float = 0.0, delay: float = 0.0, seed: int | None = None) -> None:
        """Drop this share of deliveries (0-1) without sending them, and/or wait ``delay`` seconds
        before sending each one. Thread-safe; ``set_faults()`` turns both off."""
        if not 0.0 <= drop <= 1.0:
            raise ValueError(f"drop must be between 0 and 1, got {drop}")
        if not 0.0 <= delay < float("inf"):
            raise ValueError(f"delay must be a non-negative number of seconds, got {delay}")
        with self._fault_lock:
            self.drop_rate = drop
            self.delay_seconds = delay
            if seed is not None:
                self._rng = random.Random(seed)

    def _draw(self) -> tuple[bool, float]:
        with self._fault_lock:
            dropped = self.drop_rate > 0 and self._rng.random() < self.drop_rate
            return dropped, self.delay_seconds

    async def start(self) -> None:
        """Open the HTTP client and resume deliveries persisted before a restart."""
        self._loop = asyncio.get_running_loop()
        self._client = httpx.AsyncClient(
            timeout=self.config.webhook_timeout_seconds,
            headers={"User-Agent": f"apiframe-sandbox/{__version__}"},
            trust_env=False,
            verify=verifying_context(),
        )
        for job in self.store.values("job"):
            if job.get("outbox"):
                self._waiting.add(str(job["id"]))
        self.kick()

    async def stop(self) -> None:
        """Cancel in-flight deliveries (they stay queued in the store) and close."""
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._tasks.clear()
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def notify(self, job_id: str) -> None:
        """A job has new events; start its delivery task if none is running."""
        self._waiting.add(job_id)
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            return
        if running is self._loop:
            self.kick()

    def kick(self) -> None:
        """Start delivery tasks for every job that is waiting (loop thread only)."""
        if self._client is None or self._loop is None:
            return
        for job_id in list(self._waiting):
            self._waiting.discard(job_id)
            if job_id not in self._tasks:
                self._tasks[job_id] = self._loop.create_task(self._run(job_id))

    @property
    def busy(self) -> bool:
        """Whether any delivery is queued or in flight."""
        return bool(self._tasks or self._waiting)

    async def _run(self, job_id: str) -> None:
        try:
            while True:
                job = self.store.get("job", job_id)
                if job is None or not job.get("outbox"):
                    return
                event = job["outbox"][0]
                delivered = await self._deliver(job["webhook"], event)
                job = self.store.get("job", job_id)
                if job is None:
                    return
                if job["outbox"] and job["outbox"][0].get("eventId") == event.get("eventId"):
                    job["outbox"].pop(0)
                if not delivered:
                    job["webhookFailures"] = int(job.get("webhookFailures", 0)) + 1
                JobEngine.settle_webhook_status(job)
                self.store.put("job", job_id, job)
        finally:
            self._tasks.pop(job_id, None)
            if job_id in self._waiting:
                self.kick()

    async def _deliver(self, webhook: dict[str, str], event: dict[str, object]) -> bool:
        assert self._client is not None
        payload = {"event": event["type"], **self.engine.event_with_result(dict(event), self.base_url())}
        body = json.dumps(payload, separators=(",", ":")).encode("utf-8")
        headers = {
            "Content-Type": "application/json",
            SIGNATURE_HEADER: sign_with_secret(webhook["secret"], body),
            "X-Webhook-Event": str(event["type"]),
            "X-Webhook-Id": str(event.get("eventId", "")),
        }
        delays = self.config.webhook_retry_delays
        job_id = str(event["jobId"])
        dropped, delay = self._draw()
        if delay > 0:
            await self.sleep(delay)
        if dropped:  # lost on the way: the receiver never sees it, the sandbox thinks it arrived
            self.deliveries.append(
                Delivery(job_id, str(event["type"]), webhook["url"], 1, None, "dropped", isoformat(self.clock.now()))
            )
            return True
        for attempt in range(1, len(delays) + 2):
            status: int | None = None
            error: str | None = None
            try:
                response = await self._client.post(
                    webhook["url"],
                    content=body,
                    headers={**headers, "X-Webhook-Attempt": str(attempt)},
                )
                status = response.status_code
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            record = Delivery(
                job_id=job_id,
                event=str(event["type"]),
                url=webhook["url"],
                attempt=attempt,
                status_code=status,
                error=error,
                at=isoformat(self.clock.now()),
            )
            self.deliveries.append(record)
            if record.ok:
                return True
            logger.info(
                "webhook %s for job %s: attempt %d failed (%s)",
                event["type"],
                job_id,
                attempt,
                error or f"HTTP {status}",
            )
            if attempt <= len(delays):
                await self.sleep(delays[attempt - 1])
        return False
