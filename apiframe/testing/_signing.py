"""Webhook signatures exactly as the real API computes them.

``X-Webhook-Signature: sha256=<hex(HMAC-SHA256(key=sha256(api_key), body))>``.
The sandbox keeps only ``sha256(api_key)`` (the HMAC key) with a job, never the
API key itself, so it signs from that derived secret.
"""

from __future__ import annotations

import hashlib
import hmac

__all__ = ["SIGNATURE_HEADER", "sign_with_secret", "signing_secret"]

SIGNATURE_HEADER = "X-Webhook-Signature"


def signing_secret(api_key: str) -> str:
    """The hex HMAC key derived from an API key: ``sha256(api_key)``."""
    return hashlib.sha256(api_key.encode("utf-8")).hexdigest()


def sign_with_secret(secret_hex: str, body: bytes) -> str:
    """The ``sha256=<hex>`` signature of ``body`` under a derived secret."""
    digest = hmac.new(bytes.fromhex(secret_hex), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"
