"""Apiframe webhooks: verify and parse deliveries, receive them, and let them end waits.

Importable on its own (no client, no network). Three layers, each usable alone:

* **Verify and parse**: :func:`verify_webhook`, :func:`parse_webhook`, :func:`sign_webhook`.
* **Receive**: :class:`WebhookReceiver` (ASGI: FastAPI, Starlette, uvicorn) and
  :func:`handle_webhook` (WSGI frameworks: Flask, Django) verify before parsing, answer 401 on a
  bad signature, bound the body they read, and publish each event to a hub.
* **Wait by push**: a hub (:class:`WebhookHub` in one process, :class:`RedisWebhookHub` across
  processes) given to a client as ``Apiframe(push=PushSource(hub, "https://you.example/hook"))``
  ends ``jobs.wait`` and ``jobs.wait_many`` as soon as the terminal delivery arrives.

Trust: a delivery is believed only when its signature matches (receivers answer 401 otherwise);
Redis is outside the trust line, so a :class:`RedisWebhookHub` stores each delivery with its
signature and every process verifies what it reads with its clients' keys (``SECURITY.md``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._public import claim as _claim
from .._public import publish as _publish
from ._hub import HubWatch, WebhookHub
from ._push import EVENTS, PushSource
from ._receiver import DEFAULT_MAX_BODY, EVENT_HEADER, WebhookReceiver, WebhookResponse, handle_webhook
from ._verify import (
    SIGNATURE_HEADER,
    WebhookEvent,
    WebhookPayloadError,
    WebhookVerificationError,
    parse_webhook,
    sign_webhook,
    verify_webhook,
)

if TYPE_CHECKING:
    from ._redis import RedisWebhookHub

__all__ = [
    "DEFAULT_MAX_BODY",
    "EVENTS",
    "EVENT_HEADER",
    "SIGNATURE_HEADER",
    "HubWatch",
    "PushSource",
    "RedisWebhookHub",
    "WebhookEvent",
    "WebhookHub",
    "WebhookPayloadError",
    "WebhookReceiver",
    "WebhookResponse",
    "WebhookVerificationError",
    "handle_webhook",
    "parse_webhook",
    "sign_webhook",
    "verify_webhook",
]

_publish(__name__, __all__, globals())


def __getattr__(name: str) -> Any:
    if name == "RedisWebhookHub":  # loaded on first use: redis-py is an optional extra
        from ._redis import RedisWebhookHub

        return _claim(__name__, RedisWebhookHub)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
