"""The async client's connection pool planning (apiframe._pool), on stand-in connections."""

from __future__ import annotations

import asyncio

import httpcore
import httpx
from httpcore._async.connection_pool import AsyncPoolRequest

from apiframe._pool import _LinearPool, pooled_transport

ORIGIN = httpcore.URL("http://127.0.0.1:9/").origin


class Connection:
    """Stands in for an HTTP/1.1 connection: idle or busy, expired (the server dropped it) or not."""

    def __init__(self, idle: bool, expired: bool = False) -> None:
        self.idle = idle
        self.expired = expired
        self.expiry_checks = 0

    def is_closed(self) -> bool:
        return False

    def has_expired(self) -> bool:
        self.expiry_checks += 1
        return self.expired

    def is_idle(self) -> bool:
        return self.idle

    def is_available(self) -> bool:
        return self.idle

    def can_handle_request(self, origin: httpcore.Origin) -> bool:
        return origin == ORIGIN


def _pool(max_connections: int, keepalive: int) -> httpcore.AsyncConnectionPool:
    limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=keepalive)
    pool = pooled_transport(limits=limits)._pool
    assert isinstance(pool, _LinearPool)
    return pool


def _queue(pool: httpcore.AsyncConnectionPool, count: int) -> list[AsyncPoolRequest]:
    requests = [AsyncPoolRequest(httpcore.Request("GET", "http://127.0.0.1:9/")) for _ in range(count)]
    pool._requests.extend(requests)
    return requests


def test_one_idle_connection_is_handed_to_one_queued_request_only() -> None:
    async def go() -> None:
        pool = _pool(max_connections=3, keepalive=3)
        idle = [Connection(idle=True), Connection(idle=True)]
        pool._connections.extend(idle)  # type: ignore[arg-type]
        requests = _queue(pool, 5)
        closing = pool._assign_requests_to_connections()
        assigned = [r.connection for r in requests if r.connection is not None]
        assert closing == []
        assert len(assigned) == 3  # the two idle ones and one new (the pool's limit is 3)
        assert len({id(c) for c in assigned}) == 3  # httpcore's own pool hands idle[0] to all five
        assert assigned[:2] == idle
        assert sum(r.is_queued() for r in requests) == 2

    asyncio.run(go())


def test_idle_connections_above_the_keepalive_limit_are_closed_and_busy_ones_count_for_nothing() -> None:
    async def go() -> None:
        pool = _pool(max_connections=10, keepalive=2)
        busy = [Connection(idle=False) for _ in range(4)]
        idle = [Connection(idle=True) for _ in range(3)]
        pool._connections.extend([*busy, *idle])  # type: ignore[arg-type]
        closing = pool._assign_requests_to_connections()
        assert closing == [idle[2]]  # httpcore's own pool closes all three: it counts busy ones too
        assert pool._connections == [*busy, *idle[:2]]

    asyncio.run(go())


def test_proxied_pools_keep_httpcore_planning() -> None:
    pool = pooled_transport(proxy="http://127.0.0.1:9")._pool
    assert not isinstance(pool, _LinearPool)


def test_a_connection_the_server_dropped_is_never_handed_out_even_between_sweeps() -> None:
    async def go() -> None:
        pool = _pool(max_connections=5, keepalive=5)
        dropped, fresh = Connection(idle=True, expired=True), Connection(idle=True)
        pool._connections.extend([dropped, fresh])  # type: ignore[list-item]
        pool._assign_requests_to_connections()  # the first planning sweeps: the dropped one goes
        assert pool._connections == [fresh]
        dropped_later = Connection(idle=True, expired=True)
        pool._connections.insert(0, dropped_later)  # type: ignore[arg-type]
        [request] = _queue(pool, 1)
        closing = pool._assign_requests_to_connections()  # within the second: no sweep
        assert request.connection is fresh
        assert closing == [dropped_later]
        assert fresh.expiry_checks == 2  # the sweep, then as it was handed out

    asyncio.run(go())


def test_without_waiting_requests_idle_connections_are_polled_at_most_once_a_second() -> None:
    async def go() -> None:
        pool = _pool(max_connections=5, keepalive=5)
        idle = [Connection(idle=True) for _ in range(4)]
        pool._connections.extend(idle)  # type: ignore[arg-type]
        for _ in range(50):
            pool._assign_requests_to_connections()
        assert [c.expiry_checks for c in idle] == [1, 1, 1, 1]  # httpcore's own pool: 50 each

    asyncio.run(go())
