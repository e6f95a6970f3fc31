"""A hub shared by many processes through Redis (the ``redis`` extra: ``pip install 'apiframe-sdk[redis]'``).

A receiver in any process publishes a verified event: one Lua script keeps the most advanced
event per job under ``<prefix>job:<id>`` with a TTL (a terminal event is never replaced, progress
only moves forward) and, when the event moved the job forward, publishes it on
``<prefix>events``. Each process that waits runs one listener thread: it mirrors the channel into
the in-process hub (which wakes the waits) and reads the stored event of every job as soon as a
wait starts watching it, so a delivery that arrived before the wait is seen too. When Redis is
unreachable the listener retries with backoff and waits fall back to polling.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
from collections.abc import Iterable
from typing import Any

from .._errors import ConfigurationError
from ._hub import HubWatch, WebhookHub, rank_of
from ._verify import WebhookEvent, event_from_data

__all__ = ["RedisWebhookHub"]

logger = logging.getLogger("apiframe.webhooks")

_PUBLISH = """
local current = redis.call('GET', KEYS[1])
if current then
  local t, p = string.match(current, '^(%-?[%d.]+)|(%-?[%d.]+)|')
  if t then
    t = tonumber(t)
    p = tonumber(p)
    local nt = tonumber(ARGV[1])
    local np = tonumber(ARGV[2])
    if nt < t or (nt == t and np <= p) then
      return 0
    end
  end
end
local value = ARGV[1] .. '|' .. ARGV[2] .. '|' .. ARGV[3]
redis.call('SET', KEYS[1], value, 'PX', ARGV[4])
redis.call('PUBLISH', ARGV[5], value)
return 1
"""


def _decode(value: Any) -> WebhookEvent | None:
    """An event from its stored form ``terminal|progress|json`` (None for anything else)."""
    try:
        text = value.decode("utf-8") if isinstance(value, bytes) else str(value)
        _, _, body = text.split("|", 2)
        data = json.loads(body)
    except (ValueError, UnicodeError, RecursionError):
        return None
    return event_from_data(data) if isinstance(data, dict) else None


class RedisWebhookHub(WebhookHub):
    """A :class:`WebhookHub` whose events reach every process connected to the same Redis.

    Pass ``url`` (``redis://host:6379/0``) or a ready ``redis.Redis`` as ``client``. ``ttl`` is how
    long the last event per job is kept (in Redis and in each process); ``prefix`` namespaces
    the keys and the channel. Close the hub to stop its listener thread.
    """

    blocking = True
    """Publishing does network I/O (an ASGI receiver runs it in a worker thread)."""

    def __init__(
        self,
        url: str | None = None,
        *,
        client: Any = None,
        prefix: str = "apiframe:webhooks:",
        ttl: float = 3600.0,
        max_jobs: int = 10_000,
        max_bytes: int = 64 * 1024 * 1024,
    ) -> None:
        super().__init__(max_jobs=max_jobs, max_bytes=max_bytes, ttl=ttl)
        try:
            import redis
        except ModuleNotFoundError as error:  # pragma: no cover - depends on the install
            from .._extras import missing_extra

            raise ConfigurationError(missing_extra("redis", error, "RedisWebhookHub")) from error
        if client is None and not url:
            raise ConfigurationError("RedisWebhookHub needs url= (redis://host:port/db) or client= (a redis.Redis)")
        self._errors: tuple[type[BaseException], ...] = (redis.RedisError, OSError)
        self._owns_client = client is None
        self._redis: Any = client or redis.Redis.from_url(url or "", socket_timeout=5.0, socket_connect_timeout=5.0)
        self.prefix = prefix
        self._channel = prefix + "events"
        self._script = self._redis.register_script(_PUBLISH)
        self._catchup: set[str] = set()
        self._closed = threading.Event()
        self._listener: threading.Thread | None = None
        self._pid = os.getpid()
        self._start_lock = threading.Lock()
        self.connected = threading.Event()
        """Set while the listener is subscribed (tests and health checks may wait on it)."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(prefix={self.prefix!r}, jobs={len(self)})"

    def _key(self, job_id: str) -> str:
        return f"{self.prefix}job:{job_id}"

    def publish(self, event: WebhookEvent, *, size: int | None = None) -> bool:
        """Record the event in Redis (raises ``redis.RedisError`` when Redis is unreachable) and
        here; True when it moved its job forward (Redis decides, atomically, for every process)."""
        job_id = event.job_id
        if not job_id:
            return False
        terminal, progress = rank_of(event)
        raw = dict(event.raw)
        if event.type and "event" not in raw and "type" not in raw:
            raw["event"] = event.type
        body = json.dumps(raw, separators=(",", ":"), default=str)
        ttl_ms = max(1, int(self.ttl * 1000))
        moved = self._script(keys=[self._key(job_id)], args=[terminal, repr(progress), body, ttl_ms, self._channel])
        if not moved:
            return False  # Redis holds this event or a more advanced one
        super().publish(event, size=size)  # this process's waits need not wait for the channel
        return True

    def watch(self, job_ids: Iterable[str]) -> HubWatch:
        """Watch jobs; their stored events are read from Redis by the listener right away."""
        watch = super().watch(job_ids)
        with self._lock:
            self._catchup |= watch.job_ids
        self._ensure_listener()
        return watch

    def _ensure_listener(self) -> None:
        with self._start_lock:
            if self._pid != os.getpid():  # a forked worker: the parent's listener thread is not here
                self._pid = os.getpid()
                self._listener = None
                self.connected.clear()
            if self._listener is None and not self._closed.is_set():
                self._listener = threading.Thread(target=self._listen, name="apiframe-redis-hub", daemon=True)
                self._listener.start()

    def start(self) -> RedisWebhookHub:
        """Start the listener now (it starts with the first watch otherwise)."""
        self._ensure_listener()
        return self

    def _listen(self) -> None:
        delay = 0.1
        while not self._closed.is_set():
            pubsub = None
            try:
                pubsub = self._redis.pubsub()
                pubsub.subscribe(self._channel)
                while not self._closed.is_set():  # the confirmation: from here on nothing is missed
                    message = pubsub.get_message(timeout=0.5)
                    if message is not None and message.get("type") == "subscribe":
                        break
                self.connected.set()
                delay = 0.1
                with self._lock:
                    self._catchup |= set(self._watches)
                while not self._closed.is_set():
                    self._catch_up()
                    message = pubsub.get_message(timeout=0.1)
                    if message is not None and message.get("type") == "message":
                        event = _decode(message.get("data"))
                        if event is not None:
                            WebhookHub.publish(self, event)
            except self._errors as error:
                self.connected.clear()
                logger.warning("webhook hub: Redis unreachable (%s); retrying", type(error).__name__)
                self._closed.wait(delay)
                delay = min(delay * 2, 5.0)
            finally:
                if pubsub is not None:
                    with contextlib.suppress(*self._errors):
                        pubsub.close()
        self.connected.clear()

    def _catch_up(self) -> None:
        with self._lock:
            wanted, self._catchup = list(self._catchup), set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            try:
                values = self._redis.mget([self._key(job_id) for job_id in chunk])
            except self._errors:
                with self._lock:
                    self._catchup |= set(chunk)
                raise
            for value in values:
                if value is not None:
                    event = _decode(value)
                    if event is not None:
                        WebhookHub.publish(self, event)

    def close(self) -> None:
        """Stop the listener thread and close the connection (when the hub opened it)."""
        self._closed.set()
        listener = self._listener
        if listener is not None and listener is not threading.current_thread():
            listener.join(timeout=5.0)
        if self._owns_client:
            with contextlib.suppress(*self._errors):
                self._redis.close()

    def __enter__(self) -> RedisWebhookHub:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
