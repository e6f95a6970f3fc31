"""Verify and parse Apiframe webhooks.

Apiframe signs each webhook body with HMAC-SHA256 under a key derived from your API key
(``sha256(api_key)``) and sends ``X-Webhook-Signature: sha256=<hex>``. Verify against the raw
request body exactly as received, before parsing it::

    event = parse_webhook(api_key=key, body=request_body, signature=headers["X-Webhook-Signature"])
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from typing import Any

from .._errors import ApiframeError, WebhookVerificationError

__all__ = [
    "SIGNATURE_HEADER",
    "WebhookEvent",
    "WebhookPayloadError",
    "WebhookVerificationError",
    "event_from_data",
    "parse_webhook",
    "sign_webhook",
    "signing_key",
    "verify_signature",
    "verify_webhook",
]

SIGNATURE_HEADER = "X-Webhook-Signature"
_PREFIX = "sha256="


class WebhookPayloadError(ApiframeError, ValueError):
    """A correctly signed webhook whose body is not a JSON object."""


def _as_bytes(body: bytes | bytearray | memoryview | str) -> bytes:
    return body.encode("utf-8") if isinstance(body, str) else bytes(body)


def signing_key(api_key: str) -> bytes:
    """The HMAC key Apiframe derives from an API key: ``sha256(api_key)`` (the sandbox keeps only this)."""
    return hashlib.sha256(api_key.encode("utf-8")).digest()


def signature_for(key: bytes, body: bytes) -> str:
    """The ``sha256=<hex>`` signature of ``body`` under a derived key (the sandbox signs with it)."""
    return _PREFIX + hmac.new(key, body, hashlib.sha256).hexdigest()


def sign_webhook(*, api_key: str, body: bytes | str) -> str:
    """The ``X-Webhook-Signature`` value Apiframe would send for ``body`` (for your tests)."""
    return signature_for(signing_key(api_key), _as_bytes(body))


def verify_webhook(*, api_key: str, body: bytes | str | None, signature: str | bytes | None) -> bool:
    """True when ``signature`` matches ``body`` for ``api_key``; False for anything else, never raises.

    The ``sha256=`` prefix is optional; hex case does not matter; the comparison is constant-time.
    """
    if not isinstance(api_key, str) or not api_key:
        return False
    return verify_signature(signing_key(api_key), body, signature)


def verify_signature(key: bytes, body: bytes | str | None, signature: str | bytes | None) -> bool:
    """:func:`verify_webhook` under an already derived key (:func:`signing_key`); never raises."""
    try:
        if body is None or signature is None or not isinstance(body, bytes | bytearray | memoryview | str):
            return False
        if isinstance(signature, bytes | bytearray):
            signature = bytes(signature).decode("ascii")
        if not isinstance(signature, str):
            return False
        candidate = signature.strip()
        if candidate[: len(_PREFIX)].lower() == _PREFIX:
            candidate = candidate[len(_PREFIX) :]
        if len(candidate) != 64 or not candidate.isascii():
            return False
        expected = signature_for(key, _as_bytes(body))[len(_PREFIX) :]
        return hmac.compare_digest(expected.encode("ascii"), candidate.lower().encode("ascii"))
    except (UnicodeError, ValueError, TypeError):
        return False


@dataclass(frozen=True, slots=True)
class WebhookEvent:
    """One webhook event. Unknown event types and fields are kept (``type`` as sent, ``raw``)."""

    type: str | None
    """``"progress"``, ``"completed"``, ``"failed"``, or a newer event type as sent."""
    job_id: str | None
    status: str | None
    progress: int | float | None
    result: Any
    error: str | None
    raw: dict[str, Any] = field(repr=False)
    body: bytes | None = field(default=None, repr=False, compare=False)
    """The delivery's body exactly as signed (None for an event built from data)."""
    signature: str | None = field(default=None, repr=False, compare=False)
    """The delivery's ``X-Webhook-Signature`` for ``body``: a shared hub (Redis) stores both, so
    every process that reads the event verifies it again."""

    @property
    def is_terminal(self) -> bool:
        """Whether the job has ended (COMPLETED, FAILED or CANCELLED)."""
        return self.status in ("COMPLETED", "FAILED", "CANCELLED")


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dict | list):
        return json.dumps(value, separators=(",", ":"), default=str)
    return str(value)


def parse_webhook(*, api_key: str, body: bytes | str, signature: str | bytes | None) -> WebhookEvent:
    """Verify the signature, then parse the event. Raises :class:`WebhookVerificationError` first,
    :class:`WebhookPayloadError` for a signed body that is not a JSON object."""
    if not verify_webhook(api_key=api_key, body=body, signature=signature):
        problem = "is missing" if not signature else "does not match the body"
        raise WebhookVerificationError(
            f"the {SIGNATURE_HEADER} header {problem}: pass the raw request body exactly as received "
            "(not re-serialized JSON) and the API key of the account that created the job"
        )
    from .._pipeline import loads_bounded  # the SDK's one JSON reader with a nesting limit

    try:
        data = loads_bounded(_as_bytes(body))
    except (ValueError, RecursionError):  # no chained error: a JSONDecodeError holds the whole body
        raise WebhookPayloadError("the webhook body is signed but is not JSON (or is nested too deeply)") from None
    if not isinstance(data, dict):
        raise WebhookPayloadError(f"the webhook body is signed but is a JSON {type(data).__name__}, not an object")
    shown = signature.decode("ascii") if isinstance(signature, bytes | bytearray) else str(signature)
    return event_from_data(data, body=_as_bytes(body), signature=shown.strip())


def event_from_data(data: dict[str, Any], *, body: bytes | None = None, signature: str | None = None) -> WebhookEvent:
    """The event in an already verified, parsed body (a JSON object); ``body`` and ``signature``
    are the signed delivery it was parsed from, when there is one."""
    progress = data.get("progress")
    return WebhookEvent(
        type=_text(data.get("event", data.get("type"))),
        job_id=_text(data.get("jobId", data.get("job_id", data.get("id")))),
        status=_text(data.get("status")),
        progress=progress if isinstance(progress, int | float) and not isinstance(progress, bool) else None,
        result=data.get("result"),
        error=_text(data.get("error")),
        raw=data,
        body=body,
        signature=signature,
    )
