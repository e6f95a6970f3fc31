"""The async client's default transport: httpx's, with a connection pool that scales with concurrency.

httpcore 1.0's pool re-plans every request on every request start and end, and two of its steps
grow with the square of the pool: each idle connection counts the whole pool again (to apply
``max_keepalive_connections``, which it compares with the number of *all* connections), and every
queued request is handed the first idle connection even when another queued request was just
handed the same one, so all but one of them fail with ``ConnectionNotAvailable`` and queue again.
Profiled at 64 concurrent ``jobs.get``, those two steps were most of the client's CPU.

:class:`_LinearPool` does the same planning in one pass: it keeps at most
``max_keepalive_connections`` idle connections and never hands one connection to two requests.
Every connection is checked for expiry (a socket poll for an idle one) at most once a second, and
the one being handed out every time. Everything else (connecting, HTTP/1.1, timeouts, proxies) is
httpcore's own. It is used only for an HTTP/1.1-only pool of the httpcore version it was written
against; otherwise httpcore's pool is kept.
"""

from __future__ import annotations

import time
from typing import Any

import httpcore
import httpx

__all__ = ["pooled_transport", "use_linear_pool"]


SWEEP_SECONDS = 1.0
"""How often every connection is checked for expiry (a socket poll per idle connection); in between,
only the connection about to be handed out is checked."""


class _LinearPool(httpcore.AsyncConnectionPool):
    _next_sweep = 0.0  # a class default: pooled_transport swaps the class, __init__ does not run again

    def _assign_requests_to_connections(self) -> list[httpcore.AsyncConnectionInterface]:
        closing: list[httpcore.AsyncConnectionInterface] = []
        kept: list[httpcore.AsyncConnectionInterface] = []
        now = time.monotonic()
        sweep = now >= self._next_sweep
        if sweep:
            self._next_sweep = now + SWEEP_SECONDS
        idle = 0
        for connection in self._connections:
            if connection.is_closed():
                continue
            if sweep and connection.has_expired():
                closing.append(connection)
                continue
            if connection.is_idle():
                if idle >= self._max_keepalive_connections:
                    closing.append(connection)
                    continue
                idle += 1
            kept.append(connection)
        self._connections[:] = kept
        queued = [request for request in self._requests if request.is_queued()]
        if not queued:
            return closing
        taken = {id(request.connection) for request in self._requests if request.connection is not None}
        for pool_request in queued:
            origin = pool_request.request.url.origin
            chosen = self._free_connection(origin, taken, closing)
            if chosen is None:
                if len(self._connections) >= self._max_connections:
                    spare = next((c for c in self._connections if id(c) not in taken and c.is_idle()), None)
                    if spare is None:
                        continue  # stays queued until a connection frees up
                    self._connections.remove(spare)
                    closing.append(spare)
                chosen = self.create_connection(origin)
                self._connections.append(chosen)
            pool_request.assign_to_connection(chosen)
            taken.add(id(chosen))
        return closing

    def _free_connection(
        self, origin: httpcore.Origin, taken: set[int], closing: list[httpcore.AsyncConnectionInterface]
    ) -> httpcore.AsyncConnectionInterface | None:
        """The first connection no request holds that can serve ``origin``; expired ones found on the
        way are closed (the server may have dropped an idle connection since the last sweep)."""
        for connection in list(self._connections):
            if id(connection) in taken or not connection.can_handle_request(origin) or not connection.is_available():
                continue
            if connection.has_expired():
                self._connections.remove(connection)
                closing.append(connection)
                continue
            return connection
        return None


def _compatible(pool: object) -> bool:
    return (
        type(pool) is httpcore.AsyncConnectionPool
        and httpcore.__version__.startswith("1.0.")
        and not getattr(pool, "_http2", True)
        and callable(getattr(pool, "_assign_requests_to_connections", None))
    )


def pooled_transport(**kwargs: Any) -> httpx.AsyncHTTPTransport:
    """``httpx.AsyncHTTPTransport(**kwargs)`` on the linear pool (httpcore's when it does not apply)."""
    return use_linear_pool(httpx.AsyncHTTPTransport(**kwargs))


def use_linear_pool(transport: httpx.AsyncHTTPTransport) -> httpx.AsyncHTTPTransport:
    """``transport`` (one httpx made, proxies included) on the linear pool when it applies."""
    pool: Any = transport._pool
    if _compatible(pool):
        pool.__class__ = _LinearPool  # same state, only the planning step differs
    return transport
