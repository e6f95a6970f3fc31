"""Waiting by push: what a client configured with ``push=PushSource(hub, url)`` does.

Submissions carry ``webhook_url=url`` and ``webhook_events`` (unless the call sets its own), and
waits (``jobs.wait``, ``jobs.wait_many``, ``AcceptedJob.wait``) watch the hub: a terminal
delivery ends the wait at once, progress deliveries feed ``on_progress``. Polling stays as the
fallback at ``fallback_interval`` seconds, so a lost delivery, a failed one (the job's
``webhookStatus``) or a receiver that is down costs latency, never a wrong or missing answer.
A job submitted through this client is not looked at before the fallback (its deliveries are
expected); any other job gets one look first, and is followed by push only while its
``webhookStatus`` is ``pending``.
"""

from __future__ import annotations

import datetime as _dt
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

from .._errors import ConfigurationError
from ._hub import HubWatch, status_of

if TYPE_CHECKING:
    from ._verify import WebhookEvent

__all__ = ["EVENTS", "PUSH_REDIS_ENV", "PUSH_URL_ENV", "PushSource", "PushWatch", "Watchable", "push_from_env"]

EVENTS = ("progress", "completed", "failed")
"""The webhook events the API sends."""
PUSH_URL_ENV = "APIFRAME_PUSH_URL"
"""The public URL of a receiver that publishes to ``APIFRAME_PUSH_REDIS`` (``apiframe webhooks listen --redis``)."""
PUSH_REDIS_ENV = "APIFRAME_PUSH_REDIS"
_EXPECTED_MAX = 100_000
_env_hubs: dict[str, Any] = {}
_env_lock = threading.Lock()
_TERMINAL = frozenset({"COMPLETED", "FAILED", "CANCELLED"})


class Watchable(Protocol):
    """A hub: :class:`WebhookHub` or :class:`RedisWebhookHub`."""

    def watch(self, job_ids: Iterable[str]) -> HubWatch: ...


def _check_url(url: object) -> str:
    if not isinstance(url, str):
        raise ConfigurationError(f"PushSource url must be a string, got {type(url).__name__}")
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigurationError(
            f"PushSource url must be the absolute http(s) URL where your receiver is reachable, got {url!r}"
        )
    if parts.username or parts.password:
        raise ConfigurationError("PushSource url must not carry a user name or password")
    return url.strip()


class PushSource:
    """A hub plus the public URL of its receiver: pass it to a client as ``push=``.

    ``events`` are the webhook events asked for (default all three, so ``on_progress`` is fed);
    ``fallback_interval`` is the polling cadence in seconds while deliveries are expected.
    """

    def __init__(
        self,
        hub: Watchable,
        url: str,
        *,
        events: Sequence[str] = EVENTS,
        fallback_interval: float = 30.0,
    ) -> None:
        if not callable(getattr(hub, "watch", None)):
            raise ConfigurationError(
                f"PushSource hub must be a WebhookHub or RedisWebhookHub, got {type(hub).__name__}"
            )
        self.hub = hub
        self.url = _check_url(url)
        chosen = [events] if isinstance(events, str) else list(events)
        unknown = [e for e in chosen if e not in EVENTS]
        if unknown or not chosen:
            raise ConfigurationError(f"PushSource events must be some of {', '.join(EVENTS)}; got {chosen!r}")
        if "completed" not in chosen or "failed" not in chosen:
            raise ConfigurationError('PushSource events must include "completed" and "failed" (they end waits)')
        self.events: tuple[str, ...] = tuple(dict.fromkeys(chosen))
        if not isinstance(fallback_interval, int | float) or not 0 < fallback_interval < float("inf"):
            raise ConfigurationError("PushSource fallback_interval must be a positive number of seconds")
        self.fallback_interval = float(fallback_interval)
        self._lock = threading.Lock()
        self._expected: OrderedDict[str, None] = OrderedDict()

    def __repr__(self) -> str:
        parts = urlsplit(self.url)  # the path and query may hold a secret token: only the origin is shown
        where = f"{parts.scheme}://{parts.netloc}/..."
        return f"PushSource(hub={self.hub!r}, url={where!r}, fallback_interval={self.fallback_interval:g})"

    def trust(self, api_key: str) -> None:
        """Believe deliveries signed for ``api_key`` in this source's hub: a client given this
        source calls it with its own key, so a shared hub (Redis) verifies what it reads with it."""
        trust = getattr(self.hub, "trust", None)
        if callable(trust):
            trust(api_key)

    def prepare(self, operation_id: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """``body`` with this source's webhook URL and events, when the call's model accepts them
        and the call did not set its own."""
        out = dict(body)
        if "webhookUrl" in out or not _accepts(operation_id, out, "webhookUrl"):
            return out
        out["webhookUrl"] = self.url
        if "webhookEvents" not in out and _accepts(operation_id, out, "webhookEvents"):
            out["webhookEvents"] = list(self.events)
        return out

    def submitted(self, job_id: str, body: Mapping[str, Any]) -> None:
        """Note a job whose deliveries come to this source's receiver (its waits skip the first look)."""
        if body.get("webhookUrl") != self.url:
            return
        with self._lock:
            self._expected[job_id] = None
            self._expected.move_to_end(job_id)
            while len(self._expected) > _EXPECTED_MAX:
                self._expected.popitem(last=False)

    def expected(self, job_id: str) -> bool:
        """Whether this client submitted ``job_id`` with deliveries to this source."""
        with self._lock:
            return job_id in self._expected

    def watch(self, job_ids: Iterable[str]) -> PushWatch:
        """What a waiting flow uses: news for these jobs and a way to sleep until news."""
        ids = list(job_ids)
        return PushWatch(self, self.hub.watch(ids))


def _accepts(operation_id: str, body: Mapping[str, Any], wire: str) -> bool:
    from .._schema import REF, operation, resolve

    op = operation(operation_id)
    if op.discriminator is None:
        schema = op.body_schema
    else:
        variant = op.variants.get(str(body.get(op.discriminator)))
        schema = {"$ref": REF + variant} if variant is not None else None
    if schema is None:
        return False
    properties = resolve(schema).get("properties", {})
    return isinstance(properties, Mapping) and wire in properties


def _stamp(value: Any) -> str | None:
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    return value if isinstance(value, str) and value else None


class PushWatch:
    """The waiting flows' view of a :class:`PushSource` for some jobs (see ``apiframe._waiting``)."""

    def __init__(self, source: PushSource, watch: HubWatch) -> None:
        self.source = source
        self.fallback = source.fallback_interval
        self._watch = watch

    def expected(self, job_id: str) -> bool:
        """Whether the first look can wait for the fallback (deliveries are on their way)."""
        return self.source.expected(job_id)

    def news(self) -> set[str]:
        """Jobs with a delivery not yet taken."""
        return self._watch.drain()

    def take(self, job_id: str, last: Any) -> tuple[Any, bool]:
        """``(job, look_now)``: a job snapshot built from the newest delivery (or None), and whether
        the delivery says the job ended but lacks what the answer needs (so look at once)."""
        event = self._watch.latest(job_id)
        if event is None:
            return None, False
        status = status_of(event)
        if status is None:
            return None, False
        last_status = getattr(last, "status", None)
        if last_status in _TERMINAL:
            return None, False
        terminal = status in _TERMINAL
        if not terminal:
            seen = getattr(last, "progress", None)
            if isinstance(seen, int | float) and event.progress is not None and event.progress < seen:
                return None, False  # the polled snapshot is ahead of this delivery
        if terminal and ((status == "COMPLETED" and event.result is None) or (status == "FAILED" and not event.error)):
            return None, True  # the answer needs the result (or the reason): fetch the job once
        job = _job_from(event, job_id, status, last)
        return job, job is None and terminal

    def pushed(self, job_id: str, last: Any) -> bool:
        """Whether deliveries are still expected for this job, so polling can slow to the fallback."""
        state = getattr(last, "webhook_status", None)
        if state is None:
            return self.expected(job_id) or self._watch.latest(job_id) is not None
        return str(state) == "pending"

    def wait(self, seconds: float, cancel: threading.Event | None = None) -> bool:
        return self._watch.wait(seconds, cancel)

    async def wait_async(self, seconds: float) -> None:
        await self._watch.wait_async(seconds)

    def close(self) -> None:
        self._watch.close()


def _job_from(event: WebhookEvent, job_id: str, status: str, last: Any) -> Any:
    """A ``Job`` from a delivery; fields a delivery lacks come from the last snapshot, if any."""
    from .._jobs import Job
    from .._shapes import problem

    raw = event.raw
    created = _stamp(raw.get("createdAt")) or _stamp(getattr(last, "created_at", None))
    created = created or _stamp(raw.get("completedAt"))
    if created is None:
        created = _dt.datetime.now(_dt.UTC).isoformat()
    progress = event.progress if event.progress is not None else getattr(last, "progress", None)
    model = raw.get("model") if isinstance(raw.get("model"), str) else getattr(last, "model", "")
    data = {
        "id": job_id,
        "status": status,
        "model": model or "",
        "progress": int(progress) if isinstance(progress, int | float) else None,
        "error": event.error,
        "creditCost": raw.get("creditCost") if isinstance(raw.get("creditCost"), int) else None,
        "createdAt": created,
        "completedAt": _stamp(raw.get("completedAt")),
        "webhookStatus": "delivered" if status in _TERMINAL else "pending",
        "result": event.result,
    }
    if problem("Job", data) is not None:
        return None  # a field of the wrong type (the error an object, an id that is not one): not a job
    try:
        return Job.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def push_from_env(environ: Mapping[str, str] | None = None) -> PushSource | None:
    """The push source ``APIFRAME_PUSH_URL`` and ``APIFRAME_PUSH_REDIS`` describe, or None when unset.

    The ``apiframe`` command uses it, so its waits end on deliveries that ``apiframe webhooks
    listen --redis URL`` (or your own receiver) publishes to that Redis. One hub per Redis URL
    per process.
    """
    env = os.environ if environ is None else environ
    url = (env.get(PUSH_URL_ENV) or "").strip()
    redis_url = (env.get(PUSH_REDIS_ENV) or "").strip()
    if not url and not redis_url:
        return None
    if not url or not redis_url:
        raise ConfigurationError(
            f"waiting by push needs both {PUSH_URL_ENV} (the public URL of your webhook receiver) and "
            f"{PUSH_REDIS_ENV} (the Redis it publishes to, redis://host:port/db); unset both to poll"
        )
    with _env_lock:
        hub = _env_hubs.get(redis_url)
        if hub is None:
            from ._redis import RedisWebhookHub

            hub = _env_hubs[redis_url] = RedisWebhookHub(redis_url)
    return PushSource(hub, url)
