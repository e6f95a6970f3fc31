"""Fault injection: error statuses, dropped connections, slow requests and latency, seeded."""

from __future__ import annotations

import asyncio
import json
import random
import threading
from collections import Counter
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from ._config import FaultConfig

__all__ = ["ConnectionDropper", "FaultInjector", "FaultMiddleware"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

ConnectionDropper = Callable[[Scope], Awaitable[bool]]
"""Closes the client connection of ``scope`` without a response; False if it cannot."""

_STATUS_FAULTS = {"429": 429, "500": 500, "502": 502, "503": 503}
_MESSAGES = {
    429: "Rate limit exceeded (sandbox fault injection). Retry after the Retry-After seconds.",
    500: "Internal server error (sandbox fault injection). Retry the request.",
    502: "Bad gateway (sandbox fault injection). Retry the request.",
    503: "Service temporarily unavailable (sandbox fault injection). Retry with backoff.",
}


class FaultInjector:
    """Draws the fault for each request from a seeded random stream."""

    def __init__(self, config: FaultConfig, default_seed: int | None = None) -> None:
        self._lock = threading.Lock()
        self._default_seed = default_seed
        self.counts: Counter[str] = Counter()
        self.in_flight = 0
        """``/v2/`` requests being handled now (touched only on the server's loop)."""
        self.config = config
        self._rng = random.Random(self._seed(config))

    def _seed(self, config: FaultConfig) -> int | None:
        return config.seed if config.seed is not None else self._default_seed

    def configure(self, config: FaultConfig) -> None:
        """Replace the fault settings and restart the random stream from the seed."""
        with self._lock:
            self.config = config
            self._rng = random.Random(self._seed(config))
            self.counts.clear()

    def draw(self) -> tuple[str | None, float]:
        """The fault for the next request (or None) and the latency to add (``slow`` included)."""
        with self._lock:
            config = self.config
            if not config.active:
                return None, 0.0
            pick = self._rng.random()
            jitter = self._rng.random()
            latency = config.latency_seconds + jitter * config.latency_jitter_seconds
            bands = (
                ("429", config.rate_429),
                ("500", config.rate_500),
                ("502", config.rate_502),
                ("503", config.rate_503),
                ("drop_before", config.drop_before),
                ("drop_after", config.drop_after),
                ("slow", config.rate_slow),  # last: adding it leaves the other bands' draws unchanged
            )
            edge = 0.0
            for name, rate in bands:
                edge += rate
                if pick < edge:
                    self.counts[name] += 1
                    if name == "slow":
                        return name, latency + config.slow_seconds
                    return name, latency
            self.counts["none"] += 1
            return None, latency


class FaultMiddleware:
    """ASGI middleware applying :class:`FaultInjector` decisions to ``/v2/`` requests."""

    def __init__(
        self,
        app: ASGIApp,
        injector: FaultInjector,
        dropper: Callable[[], ConnectionDropper | None],
    ) -> None:
        self.app = app
        self.injector = injector
        self.dropper = dropper

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope.get("path", "")).startswith("/v2/"):
            await self.app(scope, receive, send)
            return
        self.injector.in_flight += 1
        try:
            await self._handle(scope, receive, send)
        finally:
            self.injector.in_flight -= 1

    async def _handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        fault, latency = self.injector.draw()
        if fault == "slow":
            # Take the whole request in first, as a server that is merely slow would: the job is
            # still created after the client gave up waiting (a closed connection loses only the answer).
            held = await _buffered(receive)
            if held is None:
                return  # the client left before sending its whole body: nothing to process
            receive = held
        if latency > 0:
            await asyncio.sleep(latency)
        if fault is None or fault == "slow":
            await self.app(scope, receive, send)
        elif fault in _STATUS_FAULTS:
            await self._error(send, _STATUS_FAULTS[fault])
        elif fault == "drop_before":
            await self._drop(scope, send)
        else:
            await self.app(scope, receive, _swallow)
            await self._drop(scope, send)

    async def _error(self, send: Send, status: int) -> None:
        body = json.dumps({"error": _MESSAGES[status]}).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ]
        if status in (429, 503):
            retry_after = str(self.injector.config.retry_after_seconds).encode()
            headers.append((b"retry-after", retry_after))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _drop(self, scope: Scope, send: Send) -> None:
        dropper = self.dropper()
        if dropper is not None and await dropper(scope):
            return
        # No access to the socket: promise a body that never comes, so the
        # server closes the connection and the client sees a broken response.
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-length", b"1048576")],
            }
        )
        await send({"type": "http.response.body", "body": b"", "more_body": True})


async def _swallow(message: Message) -> None:
    return None


async def _buffered(receive: Receive) -> Receive | None:
    """Read the request body now; a ``receive`` that hands it over later (None on disconnect)."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        chunks.append(bytes(message.get("body", b"")))
        if not message.get("more_body", False):
            break
    pending: list[Message] = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

    async def replay() -> Message:
        if pending:
            return pending.pop()
        return await receive()

    return replay
