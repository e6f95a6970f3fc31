"""Webhook signatures exactly as the real API computes them, by the SDK's own code.

``X-Webhook-Signature: sha256=<hex(HMAC-SHA256(key=sha256(api_key), body))>`` (see
``apiframe.webhooks``). The sandbox keeps only ``sha256(api_key)`` (the HMAC key) with a job,
never the API key itself, so it signs from that derived secret.
"""

from __future__ import annotations

from ..webhooks._verify import SIGNATURE_HEADER, signature_for, signing_key

__all__ = ["SIGNATURE_HEADER", "sign_with_secret", "signing_secret"]


def signing_secret(api_key: str) -> str:
    """The hex HMAC key derived from an API key: ``sha256(api_key)``."""
    return signing_key(api_key).hex()


def sign_with_secret(secret_hex: str, body: bytes) -> str:
    """The ``sha256=<hex>`` signature of ``body`` under a derived secret."""
    return signature_for(bytes.fromhex(secret_hex), body)
