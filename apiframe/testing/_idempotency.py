"""Idempotency keys of job-creating routes, as the API treats them.

A key is scoped to the caller's API key and the endpoint (method and path), and
bound to the request body it first came with: the same key with the same body
within the window replays the original job (202); with a different body it is a
409. A key is only looked at once the body has passed validation, so an invalid
request never replays anything. An empty key is a 400 (the spec caps the length).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from starlette.responses import Response

from ._http import ApiError, Context, json_response
from ._store import Record
from ._validation import json_text

__all__ = ["HEADER", "IdempotencyKey", "read_key", "remember", "replay"]

HEADER = "Idempotency-Key"
_KIND = "idempotency"


@dataclass(frozen=True)
class IdempotencyKey:
    """A request's key with what it is bound to."""

    key: str
    scope: str
    """Store key: caller, endpoint and key."""
    fingerprint: str
    """Digest of the canonical JSON of the request body."""


def read_key(ctx: Context, body: Any) -> IdempotencyKey | None:
    """The request's ``Idempotency-Key`` bound to ``body`` (a validated JSON body), or None."""
    key = ctx.request.headers.get(HEADER)
    if key is None:
        return None
    if not key.strip():
        raise ApiError(
            400,
            "Invalid request header",
            details={HEADER: ["must not be empty: send a unique key per request (at most 255 characters)"]},
        )
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    op = ctx.operation
    return IdempotencyKey(
        key=key,
        scope=f"{ctx.user.user_id}:{op.method} {op.path}:{key}",
        fingerprint=hashlib.sha256(canonical.encode()).hexdigest(),
    )


def replay(ctx: Context, claim: IdempotencyKey) -> Response | None:
    """The original job's 202 for a key seen within the window; 409 if the body differs."""
    state = ctx.state
    record = state.store.get(_KIND, claim.scope)
    if record is None:
        return None
    if state.clock.now() - float(record["ts"]) >= state.config.idempotency_ttl_seconds:
        return None
    job = state.engine.get(str(record["jobId"]))
    if job is None:
        return None
    if record.get("fingerprint") != claim.fingerprint:
        raise ApiError(
            409,
            f"Idempotency-Key {json_text(claim.key)} was already used with a different request body on "
            f"{ctx.operation.method} {ctx.operation.path}: send a new key for a new request",
        )
    status = job["status"] if job["status"] != "CANCELLED" else "FAILED"
    return json_response({"jobId": job["id"], "status": status}, 202)


def remember(ctx: Context, claim: IdempotencyKey, job: Record) -> None:
    """Record that ``claim`` created ``job``."""
    ctx.state.store.put(
        _KIND,
        claim.scope,
        {
            "jobId": job["id"],
            "ts": ctx.state.clock.now(),
            "key": claim.key,
            "userId": ctx.user.user_id,
            "endpoint": f"{ctx.operation.method} {ctx.operation.path}",
            "fingerprint": claim.fingerprint,
        },
    )
