"""API-key authentication: who is calling and what the key may do."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from ._config import (
    FORBIDDEN_KEY_PREFIX,
    MEMBER_KEY_PREFIX,
    NO_CREDITS_KEY_PREFIX,
    SandboxConfig,
)
from ._signing import signing_secret

__all__ = ["TEAM_ID", "AuthFailure", "Principal", "authenticate"]

_NAMESPACE = uuid.UUID("6f3c1d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f")
TEAM_ID = str(uuid.uuid5(_NAMESPACE, "team"))
KEY_HEADER = "x-api-key"


@dataclass(frozen=True)
class Principal:
    """The caller behind an API key. Holds no copy of the key itself."""

    user_id: str
    key_id: str
    key_prefix: str
    role: str
    no_credits: bool
    forbidden: bool
    webhook_secret: str = field(repr=False)
    """``sha256(api_key)`` in hex: the HMAC key for this caller's webhooks."""


@dataclass(frozen=True)
class AuthFailure:
    """Why a request is refused: status 401 or 403 and a message."""

    status: int
    message: str


def authenticate(headers: Mapping[str, str], config: SandboxConfig) -> Principal | AuthFailure:
    """Check the ``X-API-Key`` header; every key starting with ``afk_`` is valid."""
    key = headers.get(KEY_HEADER)
    if not key:
        return AuthFailure(401, "Missing API key: send it in the X-API-Key header.")
    if not key.startswith("afk_"):
        return AuthFailure(401, "Invalid API key: Apiframe keys start with 'afk_' (check the X-API-Key header).")
    secret = signing_secret(key)
    forbidden = key.startswith(FORBIDDEN_KEY_PREFIX) or key in config.forbidden_keys
    principal = Principal(
        user_id=str(uuid.uuid5(_NAMESPACE, "user:" + secret)),
        key_id=str(uuid.uuid5(_NAMESPACE, "key:" + secret)),
        key_prefix=key[:8],
        role="MEMBER" if key.startswith(MEMBER_KEY_PREFIX) or key in config.member_keys else "OWNER",
        no_credits=key.startswith(NO_CREDITS_KEY_PREFIX) or key in config.no_credit_keys,
        forbidden=forbidden,
        webhook_secret=secret,
    )
    if forbidden:
        return AuthFailure(403, "This API key is inactive or lacks permission for this route (sandbox).")
    return principal
