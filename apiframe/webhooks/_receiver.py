"""Receivers: take a delivery's raw body and headers, verify before parsing, publish to a hub.

* :class:`WebhookReceiver` is an ASGI application (no framework needed; add it as a route in
  FastAPI or Starlette, or serve it with uvicorn).
* :func:`handle_webhook` is the same logic as a plain function for WSGI frameworks (Flask,
  Django): give it the body (bytes or a readable stream) and the headers, answer with what it
  returns.

Answers: 401 for a missing or wrong signature, 413 for a body over ``max_body`` bytes (never read
past the limit), 503 when the hub could not record the event (the API retries), 200 otherwise,
including for a signed body the SDK cannot use (retrying would not help).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import os
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import IO, Any, NamedTuple, Protocol

from .._errors import ConfigurationError
from .._logging import outside
from ._verify import SIGNATURE_HEADER, WebhookEvent, WebhookPayloadError, parse_webhook, verify_webhook

__all__ = ["DEFAULT_MAX_BODY", "EVENT_HEADER", "Publisher", "WebhookReceiver", "WebhookResponse", "handle_webhook"]

logger = logging.getLogger("apiframe.webhooks")

DEFAULT_MAX_BODY = 1024 * 1024
"""Bytes: the largest webhook body a receiver reads."""
EVENT_HEADER = "X-Webhook-Event"

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class Publisher(Protocol):
    """What a receiver publishes to: :class:`WebhookHub` or :class:`RedisWebhookHub`."""

    def publish(self, event: WebhookEvent, *, size: int | None = None) -> bool: ...


class WebhookResponse(NamedTuple):
    """What to answer the delivery with."""

    status: int
    body: str
    event: WebhookEvent | None = None
    """The verified event (None when the delivery was refused or unusable)."""

    @property
    def content_type(self) -> str:
        return "application/json"


def _answer(status: int, message: str, event: WebhookEvent | None = None) -> WebhookResponse:
    return WebhookResponse(status, json.dumps({"ok": 200 <= status < 300, "message": message}), event)


def resolve_key(api_key: str | None) -> str:
    """The API key deliveries are signed with: ``api_key``, else ``APIFRAME_API_KEY``."""
    key = api_key if api_key is not None else os.environ.get("APIFRAME_API_KEY")
    if not isinstance(key, str) or not key.strip():
        raise ConfigurationError(
            "a webhook receiver needs the API key the deliveries are signed with: pass api_key= or set APIFRAME_API_KEY"
        )
    return key.strip()


def _header(headers: Any, name: str) -> str | None:
    if headers is None:
        return None
    value = headers.get(name) if hasattr(headers, "get") else None
    if value is None and isinstance(headers, Mapping):
        lowered = name.lower()
        value = next((v for k, v in headers.items() if str(k).lower() == lowered), None)
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    return value if isinstance(value, str) else None


def _read_bounded(body: bytes | bytearray | memoryview | IO[bytes], limit: int) -> bytes | None:
    """The body, or None when it is longer than ``limit`` (a stream is read no further than limit + 1)."""
    if isinstance(body, bytes | bytearray | memoryview):
        data = bytes(body)
    else:
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = body.read(min(65536, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    return None if len(data) > limit else data


def handle_webhook(
    hub: Publisher,
    *,
    body: bytes | bytearray | memoryview | IO[bytes],
    headers: Mapping[str, str] | Any,
    api_key: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
) -> WebhookResponse:
    """Verify one delivery and publish its event to ``hub``; returns the answer to send.

    For Flask: ``answer = handle_webhook(hub, body=request.get_data(), headers=request.headers)``
    then ``return answer.body, answer.status``. ``api_key`` defaults to ``APIFRAME_API_KEY``.
    """
    key = resolve_key(api_key)
    data = _read_bounded(body, max_body)
    if data is None:
        return _answer(413, f"the webhook body is larger than {max_body} bytes")
    return _verify_and_publish(hub, key, data, headers)


def _verify_and_publish(hub: Publisher, key: str, data: bytes, headers: Any) -> WebhookResponse:
    signature = _header(headers, SIGNATURE_HEADER)
    if not verify_webhook(api_key=key, body=data, signature=signature):
        return _answer(401, f"the {SIGNATURE_HEADER} header is missing or does not match the body")
    try:
        event = parse_webhook(api_key=key, body=data, signature=signature)
    except WebhookPayloadError as error:
        return _answer(200, f"ignored: {error}")
    named = _header(headers, EVENT_HEADER)
    if event.type is None and named:
        event = dataclasses.replace(event, type=named)
    if not event.job_id:
        return _answer(200, "ignored: the event names no job", event)
    try:
        hub.publish(event, size=len(data))
    except Exception as error:  # the hub's store is down: let the API retry the delivery
        logger.warning("webhook for job %s could not be recorded: %s", outside(event.job_id, 80), type(error).__name__)
        return _answer(503, "the event could not be recorded; retry later")
    return _answer(200, "received", event)


class WebhookReceiver:
    """An ASGI application that receives Apiframe webhooks and publishes them to ``hub``.

    ``app.router.routes.append(Route("/apiframe/webhooks", WebhookReceiver(hub), methods=["POST"]))``
    in FastAPI or Starlette (a route, not ``app.mount``: a mount answers its bare path with a redirect to the
    path with a slash, and deliveries follow no redirects); any path works, only POST is accepted.
    ``on_event(event)`` runs for each verified event (for logging).
    """

    def __init__(
        self,
        hub: Publisher,
        *,
        api_key: str | None = None,
        max_body: int = DEFAULT_MAX_BODY,
        on_event: Callable[[WebhookEvent], object] | None = None,
    ) -> None:
        self.hub = hub
        self._key = resolve_key(api_key)
        self.max_body = max_body
        self.on_event = on_event
        self._offload = bool(getattr(hub, "blocking", False))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(hub={self.hub!r}, max_body={self.max_body})"

    def __reduce__(self) -> Any:
        raise TypeError(f"{type(self).__name__} holds the API key and cannot be pickled; build one per process")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        if scope.get("method") != "POST":
            await _send(send, _answer(405, "webhooks are delivered with POST"), [(b"allow", b"POST")])
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body:
            await _send(send, _answer(413, f"the webhook body is larger than {self.max_body} bytes"))
            return
        data = await _read_body(receive, self.max_body)
        if data is None:
            await _send(send, _answer(413, f"the webhook body is larger than {self.max_body} bytes"))
            return
        if self._offload:
            answer = await asyncio.to_thread(_verify_and_publish, self.hub, self._key, data, headers)
        else:
            answer = _verify_and_publish(self.hub, self._key, data, headers)
        if answer.event is not None and self.on_event is not None:
            self.on_event(answer.event)
        await _send(send, answer)


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        chunk = bytes(message.get("body", b""))
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


async def _send(send: Send, answer: WebhookResponse, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = answer.body.encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *(extra or [])]
    await send({"type": "http.response.start", "status": answer.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
