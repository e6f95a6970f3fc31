"""A hub shared by many processes through Redis (the ``redis`` extra).

A receiver in any process publishes a verified event: one Lua script keeps the most advanced
event per job under ``<prefix>job:<id>`` with a TTL (a terminal event is never replaced, progress
only moves forward) and, when the event moved the job forward, publishes it on
``<prefix>events``. Each process that waits runs one listener thread: it mirrors the channel into
the in-process hub (which wakes the waits) and reads the stored event of every job as soon as a
wait starts watching it, so a delivery that arrived before the wait is seen too. When Redis is
unreachable the listener retries with backoff and waits fall back to polling.

Trust: anyone who can write to this Redis is outside the trust line. What goes into Redis is the
delivery's body exactly as Apiframe signed it, with its signature (``terminal|progress|signature|body``);
every process verifies each event it reads against the API keys it trusts (a client given the
hub trusts its own key; ``api_key=`` or ``APIFRAME_API_KEY`` adds one) before any wait sees it.
A forged, unsigned, foreign-signed or oversized event, or one stored under another job's key, is
ignored and counted in :attr:`RedisWebhookHub.rejected`. Whoever can write to Redis can still
delete or shadow events, which delays a wait to its polling fallback; never a wrong answer.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

from .._errors import ConfigurationError, WebhookVerificationError
from .._logging import outside
from ._hub import HubWatch, WebhookHub, rank_of
from ._receiver import DEFAULT_MAX_BODY
from ._verify import WebhookEvent, event_from_data, signature_for, signing_key, verify_signature

__all__ = ["RedisClient", "RedisWebhookHub"]

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


_READ = """
local out = {}
for i, key in ipairs(KEYS) do
  out[i] = false
  if redis.call('TYPE', key).ok == 'string' and redis.call('STRLEN', key) <= tonumber(ARGV[1]) then
    out[i] = redis.call('GET', key)
  end
end
return out
"""
"""MGET that skips values over the size limit and keys of another type (a forger's), never failing."""

MAX_RECORD = DEFAULT_MAX_BODY + 256
"""Bytes: the largest stored event read (a receiver's largest body, its signature and ranks)."""


def _decode(value: Any, keys: list[bytes]) -> WebhookEvent | None:
    """The event in a stored record ``terminal|progress|signature|body`` when ``body`` is signed
    under one of ``keys``; None for anything else (forged, unsigned, foreign, oversized, junk)."""
    if not isinstance(value, bytes) or len(value) > MAX_RECORD or not keys:
        return None
    parts = value.split(b"|", 3)
    if len(parts) != 4:
        return None
    signature, body = parts[2], parts[3]
    if not any(verify_signature(key, body, signature) for key in keys):
        return None
    from .._pipeline import loads_bounded  # the SDK's one JSON reader with a nesting limit

    try:
        data = loads_bounded(body)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    return event_from_data(data, body=body, signature=signature.decode("ascii"))


class RedisPubSub(Protocol):
    """The part of a redis-py ``PubSub`` the listener thread uses."""

    def subscribe(self, *channels: str) -> Any: ...
    def get_message(self, ignore_subscribe_messages: bool = ..., timeout: float = ...) -> Mapping[str, Any] | None: ...
    def close(self) -> None: ...


class RedisClient(Protocol):
    """What the hub needs of ``client=``: a synchronous redis-py client (``redis.Redis``, a cluster
    client, or a look-alike); the hub calls it from a thread of its own."""

    def register_script(self, script: str) -> Callable[..., Any]: ...
    def pubsub(self) -> RedisPubSub: ...
    def close(self) -> None: ...


class RedisWebhookHub(WebhookHub):
    """A :class:`WebhookHub` whose events reach every process connected to the same Redis.

    Pass ``url`` (``redis://host:6379/0``) or a ready ``redis.Redis`` as ``client``. ``ttl`` is how
    long the last event per job is kept (in Redis and in each process); ``prefix`` namespaces
    the keys and the channel. Close the hub to stop its listener thread.

    Events read from Redis are believed only when signed for a trusted API key: ``api_key``
    (default ``APIFRAME_API_KEY``), and the key of every client given this hub through
    ``PushSource``. The others are ignored and counted in :attr:`rejected`.
    """

    blocking = True
    """Publishing does network I/O (an ASGI receiver runs it in a worker thread)."""

    def __init__(
        self,
        url: str | None = None,
        *,
        client: RedisClient | None = None,
        prefix: str = "apiframe:webhooks:",
        ttl: float = 3600.0,
        max_jobs: int = 10_000,
        max_bytes: int = 64 * 1024 * 1024,
        api_key: str | None = None,
    ) -> None:
        super().__init__(max_jobs=max_jobs, max_bytes=max_bytes, ttl=ttl)
        self._keys: list[bytes] = []
        self.rejected = 0
        """Events read from Redis and ignored: not signed for a trusted key, oversized or malformed."""
        key = api_key if api_key is not None else os.environ.get("APIFRAME_API_KEY")
        if key and key.strip():
            self.trust(key.strip())
        try:
            import redis
        except ModuleNotFoundError as error:  # pragma: no cover - depends on the install
            from .._extras import missing_extra

            raise ConfigurationError(missing_extra("redis", error, "RedisWebhookHub")) from error
        if client is None and not url:
            raise ConfigurationError("RedisWebhookHub needs url= (redis://host:port/db) or client= (a redis.Redis)")
        self._errors: tuple[type[BaseException], ...] = (redis.RedisError, OSError)
        self._owns_client = client is None
        if client is None:
            client = redis.Redis.from_url(url or "", socket_timeout=5.0, socket_connect_timeout=5.0)
        self._redis: RedisClient = client
        self.prefix = prefix
        self._channel = prefix + "events"
        self._script = self._redis.register_script(_PUBLISH)
        self._read = self._redis.register_script(_READ)
        self._catchup: set[str] = set()
        self._closed = threading.Event()
        self._listener: threading.Thread | None = None
        self._pid = os.getpid()
        self._start_lock = threading.Lock()
        self.connected = threading.Event()
        """Set while the listener is subscribed (tests and health checks may wait on it)."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}(prefix={self.prefix!r}, jobs={len(self)})"

    def __reduce__(self) -> Any:
        raise TypeError(f"{type(self).__name__} holds signing keys and a connection; build one per process")

    def _key(self, job_id: str) -> str:
        return f"{self.prefix}job:{job_id}"

    def trust(self, api_key: str) -> None:
        """Believe events signed for ``api_key`` (only its derived signing key is kept)."""
        key = signing_key(api_key)
        with self._lock:
            if key not in self._keys:
                self._keys.append(key)

    def _signed(self, event: WebhookEvent) -> tuple[bytes, str]:
        if event.body is not None and event.signature:
            return event.body, event.signature
        with self._lock:
            key = self._keys[0] if self._keys else None
        if key is None:
            raise WebhookVerificationError(
                "a RedisWebhookHub publishes verified deliveries (parse_webhook, a receiver) or events it can "
                "sign: pass api_key= (or set APIFRAME_API_KEY) to publish an event built from data"
            )
        raw = dict(event.raw)
        if event.type and "event" not in raw and "type" not in raw:
            raw["event"] = event.type
        body = json.dumps(raw, separators=(",", ":"), default=str).encode("utf-8")
        return body, signature_for(key, body)

    def publish(self, event: WebhookEvent, *, size: int | None = None) -> bool:
        """Record the event in Redis (raises ``redis.RedisError`` when Redis is unreachable) and
        here; True when it moved its job forward (Redis decides, atomically, for every process).

        What Redis keeps is the signed delivery (body and signature), so every reader verifies it;
        an event built from data is signed with this hub's key (``api_key=``), else refused with
        :class:`~apiframe.WebhookVerificationError`.
        """
        job_id = event.job_id
        if not job_id:
            return False
        terminal, progress = rank_of(event)
        body, signature = self._signed(event)
        ttl_ms = max(1, int(self.ttl * 1000))
        record = signature.encode("ascii") + b"|" + body
        moved = self._script(keys=[self._key(job_id)], args=[terminal, repr(progress), record, ttl_ms, self._channel])
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
                        self._accept(message.get("data"), None)
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
                values = self._read(keys=[self._key(job_id) for job_id in chunk], args=[MAX_RECORD])
            except self._errors:
                with self._lock:
                    self._catchup |= set(chunk)
                raise
            for job_id, value in zip(chunk, values, strict=False):
                if value is not None:
                    self._accept(value, job_id)

    def _accept(self, value: Any, job_id: str | None) -> None:
        """Publish a record read from Redis here when it is authentic (for ``job_id``, when read
        from that job's key); else count and ignore it."""
        with self._lock:
            keys = list(self._keys)
        try:
            event = _decode(value, keys)
        except Exception:  # anything else in Redis is a forger's: never let it stop the listener
            event = None
        if event is not None and (job_id is None or event.job_id == job_id):
            WebhookHub.publish(self, event)
            return
        with self._lock:
            self.rejected += 1
            count = self.rejected
        if count & (count - 1) == 0:  # the 1st, 2nd, 4th, 8th...: a flood cannot flood the log
            where = f"job {outside(job_id, 80)}" if job_id is not None else "the events channel"
            logger.warning(
                "webhook hub: ignored an event from Redis (%s) that is not signed for a trusted API key "
                "(%d ignored so far)",
                where,
                count,
            )

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
