"""The async client's connection pool bookkeeping (apiframe._pool), on stand-in connections."""

from __future__ import annotations

import asyncio
from typing import Any

import httpcore
import httpx
import pytest
from httpcore._async.connection_pool import AsyncPoolRequest

from apiframe import _pool
from apiframe._pool import _ConstantPool, pooled_transport

ORIGIN = httpcore.URL("http://127.0.0.1:9/").origin
OTHER = httpcore.URL("http://127.0.0.1:10/").origin


class Connection:
    """Stands in for an HTTP/1.1 connection; counts every question the pool asks it."""

    def __init__(self, origin: httpcore.Origin = ORIGIN) -> None:
        self.origin = origin
        self.busy = True  # handed to the request that made it
        self.closed = False
        self.expired = False
        self.questions = 0
        self.expiry_checks = 0

    def is_closed(self) -> bool:
        self.questions += 1
        return self.closed

    def has_expired(self) -> bool:
        self.questions += 1
        self.expiry_checks += 1
        return self.expired

    def is_idle(self) -> bool:
        self.questions += 1
        return not self.busy and not self.closed

    def is_available(self) -> bool:
        self.questions += 1
        return not self.busy and not self.closed

    def can_handle_request(self, origin: httpcore.Origin) -> bool:
        self.questions += 1
        return origin == self.origin


def _pool_of(max_connections: int, keepalive: int, expiry: float = 30.0) -> Any:
    limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=keepalive, keepalive_expiry=expiry)
    pool: Any = pooled_transport(limits=limits)._pool
    assert isinstance(pool, _ConstantPool)
    made: list[Connection] = []

    def create_connection(origin: httpcore.Origin) -> Connection:
        made.append(Connection(origin))
        return made[-1]

    pool.create_connection = create_connection
    pool.made = made
    return pool


def _take(pool: Any, origin: httpcore.Origin = ORIGIN) -> AsyncPoolRequest:
    """A request entering the pool as handle_async_request starts it: served at once, or queued."""
    request = AsyncPoolRequest(httpcore.Request("GET", f"http://{origin.host.decode()}:{origin.port}/"))
    pool._requests.append(request)
    if not pool._waiting:
        request.connection = pool._acquire(origin, [])
    if request.connection is None:
        pool._waiting[request] = None
    return request


def _finish(pool: Any, request: AsyncPoolRequest) -> list[Any]:
    """The request's response closes (what httpcore's PoolByteStream.aclose does)."""
    connection: Any = request.connection
    if connection is not None:
        connection.busy = False
    pool._requests.remove(request)
    return list(pool._assign_requests_to_connections())


def _run(test: Any) -> None:
    asyncio.run(test())


def test_a_released_connection_goes_to_the_first_waiting_request_only() -> None:
    async def go() -> None:
        pool = _pool_of(max_connections=2, keepalive=2)
        first, second = _take(pool), _take(pool)
        waiting = [_take(pool) for _ in range(3)]
        assert len(pool.made) == 2 and all(r.is_queued() for r in waiting)
        held = first.connection
        _finish(pool, first)
        held.busy = True  # now the first waiting request's
        assert waiting[0].connection is held
        assert [r.is_queued() for r in waiting] == [False, True, True]  # httpcore's own pool hands it to all three
        assert second.connection is not held

    _run(go)


def test_idle_connections_beyond_the_keepalive_limit_are_closed() -> None:
    async def go() -> None:
        pool = _pool_of(max_connections=10, keepalive=2)
        requests = [_take(pool) for _ in range(4)]
        closing = [c for r in requests for c in _finish(pool, r)]
        assert closing == pool.made[2:]  # the two kept are the first two released
        assert pool._connections == pool.made[:2]

    _run(go)


def test_the_most_recently_used_connection_is_handed_out_first() -> None:
    async def go() -> None:
        pool = _pool_of(max_connections=4, keepalive=4)
        a, b = _take(pool), _take(pool)
        _finish(pool, a)
        _finish(pool, b)
        assert _take(pool).connection is pool.made[1]

    _run(go)


def test_bookkeeping_per_request_does_not_grow_with_the_pool() -> None:
    """A request cycle (take, finish) asks a bounded number of questions of the connections, whatever
    their number: httpcore's own pool asks every connection several on every start and end."""

    async def cycle_cost(size: int) -> int:
        pool = _pool_of(max_connections=size, keepalive=size)
        busy = [_take(pool) for _ in range(size)]
        for request in busy[: size // 2]:
            _finish(pool, request)
        pool._next_sweep = float("inf")  # the once-a-second sweep is not per request
        before = sum(c.questions for c in pool.made)
        for _ in range(100):
            request = _take(pool)
            request.connection.busy = True
            _finish(pool, request)
        return sum(c.questions for c in pool.made) - before

    async def go() -> None:
        small, large = await cycle_cost(4), await cycle_cost(256)
        assert small == large
        assert large <= 100 * 6

    _run(go)


def test_a_connection_idle_for_a_while_is_checked_as_it_is_handed_out(monkeypatch: pytest.MonkeyPatch) -> None:
    async def go() -> None:
        now = [1000.0]
        monkeypatch.setattr(_pool.time, "monotonic", lambda: now[0])
        pool = _pool_of(max_connections=3, keepalive=3)
        first, second = _take(pool), _take(pool)
        _finish(pool, second)
        _finish(pool, first)  # on top of the stack
        dropped, kept = pool.made
        dropped.expired = True  # the server closed it
        now[0] += 0.5
        closing: list[Any] = []
        assert pool._acquire(ORIGIN, closing) is dropped  # idle 0.5 s: handed out unpolled
        assert dropped.expiry_checks == 0  # never polled so far
        pool._settle(dropped, ORIGIN, now[0] - 5, closing)  # back, as if idle for 5 s
        assert pool._acquire(ORIGIN, closing) is kept  # the dropped one is polled, found closed
        assert closing == [dropped] and dropped not in pool._connections
        assert kept.expiry_checks == 1  # by the sweep of the first planning only

    _run(go)


def test_idle_connections_are_polled_at_most_once_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    async def go() -> None:
        now = [1000.0]
        monkeypatch.setattr(_pool.time, "monotonic", lambda: now[0])
        pool = _pool_of(max_connections=8, keepalive=8)
        requests = [_take(pool) for _ in range(4)]
        for request in requests:
            _finish(pool, request)
        before = [c.expiry_checks for c in pool.made]
        for _ in range(50):
            pool._assign_requests_to_connections()
        assert [c.expiry_checks for c in pool.made] == before  # httpcore's own pool: 50 each
        now[0] += 1.5
        pool._assign_requests_to_connections()
        assert [c.expiry_checks for c in pool.made] == [n + 1 for n in before]

    _run(go)


def test_a_full_pool_closes_another_origins_idle_connection_to_serve_a_new_origin() -> None:
    async def go() -> None:
        pool = _pool_of(max_connections=2, keepalive=2)
        a, b = _take(pool), _take(pool)
        _finish(pool, a)
        closing: list[Any] = []
        other = pool._acquire(OTHER, closing)
        assert other is pool.made[2] and other.origin == OTHER
        assert closing == [pool.made[0]]
        assert len(pool._connections) == 2 and b.connection in pool._connections

    _run(go)


def test_a_cancelled_waiting_request_leaves_the_queue_and_a_cancelled_holder_frees_its_connection() -> None:
    async def go() -> None:
        pool = _pool_of(max_connections=1, keepalive=1)
        holder, waiter, later = _take(pool), _take(pool), _take(pool)
        pool._requests.remove(waiter)  # cancelled while queued
        assert list(pool._waiting) == [later]
        made = holder.connection
        made.busy = False
        pool._requests.remove(holder)  # cancelled while holding a connection
        pool._assign_requests_to_connections()
        assert later.connection is made

    _run(go)


def test_proxied_and_http2_pools_keep_httpcore_planning() -> None:
    assert not isinstance(pooled_transport(proxy="http://127.0.0.1:9")._pool, _ConstantPool)
    assert not isinstance(pooled_transport(http2=True)._pool, _ConstantPool)


def test_the_sdks_clients_read_cookies_only_from_responses_that_set_one(monkeypatch: pytest.MonkeyPatch) -> None:
    from http.cookiejar import CookieJar

    from apiframe import Apiframe, AsyncApiframe

    reads: list[int] = []
    original = CookieJar.extract_cookies

    def counting(self: CookieJar, response: Any, request: Any) -> None:
        reads.append(1)
        original(self, response, request)

    monkeypatch.setattr(CookieJar, "extract_cookies", counting)
    where = {"api_key": "afk_cookie_test", "base_url": "http://127.0.0.1:9"}
    sync = Apiframe(**where)
    clients = [sync._http, AsyncApiframe(**where)._http, AsyncApiframe(**where, http_backend="aiohttp")._http]
    request = httpx.Request("GET", "http://127.0.0.1:9/v2/jobs/1")
    for http in clients:
        reads.clear()
        http.cookies.extract_cookies(httpx.Response(200, headers={"x-request-id": "r"}, request=request))
        assert reads == [] and not http.cookies
        http.cookies.extract_cookies(httpx.Response(200, headers={"Set-Cookie": "lb=a1; Path=/"}, request=request))
        assert reads == [1] and http.cookies["lb"] == "a1"  # still kept and sent back, as httpx does
    sync.close()
