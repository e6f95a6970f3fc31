"""Shared pieces of the unit tests: a fake clock, a recording MockTransport handler, sample bodies."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx

API_KEY = "afk_unit_test_secret_key_123456"


class FakeClock:
    """Monotonic time that only moves when the SDK sleeps; records every sleep."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


Handler = Callable[[httpx.Request], httpx.Response]


class Recorder:
    """A MockTransport handler that answers from a queue (or a function) and keeps every request."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.bodies: list[bytes] = []
        self.replies: list[httpx.Response | Exception | Handler] = []
        self.default: Handler | None = None

    def queue(self, *replies: httpx.Response | Exception | Handler) -> None:
        self.replies.extend(replies)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self.bodies.append(request.read())
        if self.replies:
            reply = self.replies.pop(0)
        elif self.default is not None:
            reply = self.default
        else:
            raise AssertionError(f"unexpected request {request.method} {request.url}")
        if isinstance(reply, Exception):
            raise reply
        if callable(reply) and not isinstance(reply, httpx.Response):
            return reply(request)
        return reply

    def json(self, index: int = -1) -> Any:
        return json.loads(self.bodies[index])


def reply(status: int = 200, body: Any = None, **headers: str) -> httpx.Response:
    if isinstance(body, str | bytes):
        return httpx.Response(status, content=body, headers=headers)
    return httpx.Response(status, json=body if body is not None else {}, headers=headers)


def job(job_id: str = "job_1", status: str = "QUEUED", progress: int | None = 0, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": job_id,
        "status": status,
        "model": "midjourney",
        "progress": progress,
        "error": None,
        "creditCost": None,
        "webhookStatus": None,
        "createdAt": "2026-11-23T10:00:00Z",
        "completedAt": None,
        "expired": False,
    }
    body.update(extra)
    return body
