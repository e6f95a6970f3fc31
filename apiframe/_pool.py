"""The async client's default transport: httpx's, on a connection pool whose bookkeeping is O(1) per request.

httpcore 1.0's pool re-plans from scratch on every request start and end: it visits every connection
(twice for each idle one, to apply ``max_keepalive_connections``) and every queued request, and it
hands the first idle connection to every queued request at once, so all but one fail with
``ConnectionNotAvailable`` and queue again. At 64 concurrent ``jobs.get`` that planning was most of
the client's CPU.

:class:`_ConstantPool` keeps the state instead of recomputing it: a stack of idle connections per
origin (the most recently used on top) and a first-in first-out queue of the requests that wait for
one. A request takes the top idle connection of its origin, or opens a new one while there is room,
or waits; a finished response hands its connection straight to the first waiting request, or back to
the stack (closed beyond ``max_keepalive_connections``). Each step touches one connection and one
request. A connection that sat idle for a while (a second, or the keep-alive expiry if shorter) is
checked for expiry as it is handed out (the server may have closed it); every idle connection is
checked at most once a second. Everything else (connecting, HTTP/1.1, timeouts, proxies) is
httpcore's own. It is used only for an HTTP/1.1-only pool of the httpcore version it was written
against; otherwise httpcore's pool is kept.

:class:`HttpcoreDirect` is how the async driver sends on that client's transports without the
client (``_direct.py``): an ``httpcore.Request`` built as httpx's transport builds it, handed to the
httpcore pool of the transport httpx picks for the URL (the constant-time pool, or a proxy's).

:func:`lean_cookies` gives the httpx clients the SDK creates a cookie store that skips responses
setting no cookie (httpx copies every response's headers into an email message to look for one).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator
from typing import Any, TypeVar

import httpcore
import httpx
from httpcore._async.connection_pool import AsyncPoolRequest, PoolByteStream

from ._direct import Direct, Opened, Outgoing
from ._upstream import HTTPCORE_ERRORS, pool_of

__all__ = ["HttpcoreDirect", "lean_cookies", "pooled_transport", "use_constant_pool"]

Connection = httpcore.AsyncConnectionInterface
Key = tuple[bytes, bytes, int]
"""An origin as a dict key (httpcore's Origin is not hashable): scheme, host, port."""


def _key(origin: httpcore.Origin) -> Key:
    return origin.scheme, origin.host, origin.port


SWEEP_SECONDS = 1.0
"""How often every idle connection is checked for expiry (a socket poll each); a connection idle for
less than this is handed out unchecked."""


class _Cookies(httpx.Cookies):
    """httpx's cookie store, which reads a response only when it sets a cookie: httpx otherwise copies
    every response's headers into an ``email.message.Message`` to look for one (~20 us a request)."""

    def extract_cookies(self, response: httpx.Response) -> None:
        headers = response.headers
        if "set-cookie" in headers or "set-cookie2" in headers:
            super().extract_cookies(response)


C = TypeVar("C", httpx.Client, httpx.AsyncClient)


def lean_cookies(client: C) -> C:
    """``client`` (one the SDK creates) with a cookie store that skips responses setting no cookie."""
    if isinstance(getattr(client, "_cookies", None), httpx.Cookies):
        client._cookies = _Cookies(client.cookies)
    return client


class _Requests:
    """The pool's requests (httpcore reads ``pool._requests``): an insertion-ordered set whose
    ``append`` queues a request and whose ``remove`` releases its connection to the pool."""

    def __init__(self, pool: _ConstantPool) -> None:
        self._pool = pool
        self._all: dict[AsyncPoolRequest, None] = {}

    def append(self, request: AsyncPoolRequest) -> None:
        self._all[request] = None

    def remove(self, request: AsyncPoolRequest) -> None:
        del self._all[request]
        self._pool._done(request)

    def __iter__(self) -> Any:
        return iter(list(self._all))

    def __len__(self) -> int:
        return len(self._all)


class _ConstantPool(httpcore.AsyncConnectionPool):
    def _start(self) -> None:
        """The state :func:`pooled_transport` adds to an httpcore pool it takes over."""
        self._requests: Any = _Requests(self)
        self._idle: dict[Key, list[tuple[Connection, float]]] = {}
        self._idle_count = 0
        self._waiting: dict[AsyncPoolRequest, None] = {}
        self._released: list[tuple[Connection, httpcore.Origin]] = []
        self._next_sweep = 0.0
        expiry = self._keepalive_expiry
        self._check_after = SWEEP_SECONDS if expiry is None else min(SWEEP_SECONDS, expiry)

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        scheme = request.url.scheme
        if scheme not in (b"http", b"https", b"ws", b"wss"):
            shown = f"'{scheme.decode('ascii', 'replace')}://'" if scheme else "no 'http://' or 'https://'"
            raise httpcore.UnsupportedProtocol(f"Request URL has an unsupported protocol: {shown}.")
        timeout = request.extensions.get("timeout", {}).get("pool")
        pool_request = AsyncPoolRequest(request)
        self._requests.append(pool_request)
        try:
            closing: list[Connection] = []
            if not self._waiting:  # nobody is ahead: take a connection now, without an event
                pool_request.connection = self._acquire(request.url.origin, closing)
            if pool_request.connection is None:
                self._waiting[pool_request] = None
            await self._close_connections(closing)
            while True:
                connection = await pool_request.wait_for_connection(timeout=timeout)
                try:
                    response = await connection.handle_async_request(request)
                    break
                except httpcore.ConnectionNotAvailable:  # it closed between planning and sending: plan again
                    self._released.append((connection, request.url.origin))
                    pool_request.clear_connection()
                    self._waiting[pool_request] = None
                    await self._close_connections(self._assign_requests_to_connections())
        except BaseException:
            self._requests.remove(pool_request)
            await self._close_connections(self._assign_requests_to_connections())
            raise
        stream = PoolByteStream(stream=response.stream, pool_request=pool_request, pool=self)  # type: ignore[arg-type]
        return httpcore.Response(
            status=response.status, headers=response.headers, content=stream, extensions=response.extensions
        )

    def _done(self, pool_request: AsyncPoolRequest) -> None:
        """A request left the pool (its response closed, or it failed or was cancelled)."""
        if self._waiting.pop(pool_request, 0) is None:
            return  # it never had a connection
        if pool_request.connection is not None:
            self._released.append((pool_request.connection, pool_request.request.url.origin))

    def _assign_requests_to_connections(self) -> list[Connection]:
        """Settle the released connections and serve the waiting requests; returns those to close."""
        closing: list[Connection] = []
        now = time.monotonic()
        for connection, origin in self._released:
            self._settle(connection, origin, now, closing)
        self._released.clear()
        if now >= self._next_sweep:
            self._next_sweep = now + SWEEP_SECONDS
            self._sweep(closing)
        while self._waiting:
            pool_request = next(iter(self._waiting))
            chosen = self._acquire(pool_request.request.url.origin, closing)
            if chosen is None:
                break  # every connection is busy: the queue waits for the next release
            del self._waiting[pool_request]
            pool_request.assign_to_connection(chosen)
        return closing

    def _settle(self, connection: Connection, origin: httpcore.Origin, now: float, closing: list[Connection]) -> None:
        """A connection no request holds: back on its origin's stack, or closed."""
        if connection.is_closed():
            self._forget(connection)
        elif connection.is_idle() and self._idle_count < self._max_keepalive_connections:
            self._idle.setdefault(_key(origin), []).append((connection, now))
            self._idle_count += 1
        else:  # beyond the keep-alive limit, or never connected (its request was cancelled)
            self._forget(connection)
            closing.append(connection)

    def _acquire(self, origin: httpcore.Origin, closing: list[Connection]) -> Connection | None:
        """An idle connection to ``origin``, else a new one while there is room (closing another
        origin's idle connection to make it if needed), else None."""
        stack = self._idle.get(_key(origin))
        now = time.monotonic()
        while stack:
            connection, since = stack.pop()
            self._idle_count -= 1
            if connection.is_closed():
                self._forget(connection)
            elif not connection.is_available() or (now - since >= self._check_after and connection.has_expired()):
                self._forget(connection)
                closing.append(connection)
            else:
                return connection
        if len(self._connections) >= self._max_connections:
            spare = next((other for other in self._idle.values() if other), None)
            if spare is None:
                return None
            connection, _ = spare.pop()
            self._idle_count -= 1
            self._forget(connection)
            closing.append(connection)
        connection = self.create_connection(origin)
        self._connections.append(connection)
        return connection

    def _sweep(self, closing: list[Connection]) -> None:
        """Close every idle connection that expired or that the server dropped (at most once a second)."""
        for origin, stack in list(self._idle.items()):
            kept = []
            for connection, since in stack:
                if connection.is_closed():
                    self._forget(connection)
                elif connection.has_expired():
                    self._forget(connection)
                    closing.append(connection)
                else:
                    kept.append((connection, since))
            self._idle_count -= len(stack) - len(kept)
            if kept:
                self._idle[origin] = kept
            else:
                del self._idle[origin]

    def _forget(self, connection: Connection) -> None:
        with contextlib.suppress(ValueError):
            self._connections.remove(connection)  # a connection closes: rare, not once per request

    async def _close_connections(self, closing: list[Connection]) -> None:
        if closing:  # httpcore's shields even an empty list from cancellation
            await super()._close_connections(closing)

    async def aclose(self) -> None:
        self._idle.clear()
        self._idle_count = 0
        await super().aclose()


def _compatible(pool: object) -> bool:
    return (
        type(pool) is httpcore.AsyncConnectionPool
        and httpcore.__version__.startswith("1.0.")
        and not getattr(pool, "_http2", True)
        and isinstance(getattr(pool, "_requests", None), list)
        and isinstance(getattr(pool, "_connections", None), list)
    )


def pooled_transport(**kwargs: Any) -> httpx.AsyncHTTPTransport:
    """``httpx.AsyncHTTPTransport(**kwargs)`` on the constant-time pool (httpcore's when it does not apply)."""
    return use_constant_pool(httpx.AsyncHTTPTransport(**kwargs))


def use_constant_pool(transport: httpx.AsyncHTTPTransport) -> httpx.AsyncHTTPTransport:
    """``transport`` (one httpx made, proxies included) on the constant-time pool when it applies."""
    pool: Any = transport._pool
    if _compatible(pool):
        pool.__class__ = _ConstantPool  # same settings; the requests and idle connections are tracked anew
        pool._start()
    return transport


def _httpx_error(error: Exception, request: httpx.Request) -> httpx.TransportError | None:
    """The httpx error httpx's transport raises for an httpcore one (None: not httpcore's)."""
    for kind in type(error).__mro__:
        mapped = HTTPCORE_ERRORS.get(kind)
        if mapped is not None:
            return mapped(str(error), request=request)
    return None


class _Body(httpx.AsyncByteStream):
    """An httpcore response's body, with httpcore's errors as httpx's."""

    def __init__(self, stream: Any, request: httpx.Request) -> None:
        self._stream = stream
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for part in self._stream:
                yield part
        except Exception as error:
            mapped = _httpx_error(error, self._request)
            if mapped is None:
                raise
            raise mapped from error

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        except Exception as error:
            mapped = _httpx_error(error, self._request)
            if mapped is None:
                raise
            raise mapped from error


class HttpcoreDirect(Direct):
    """Sends the SDK's requests on the httpcore pool of the transport httpx picks for their URL."""

    def _target(self, transport: Any, origin: httpx.URL) -> tuple[Any, bytes, bytes, int | None] | None:
        if not isinstance(transport, httpx.AsyncHTTPTransport):
            return None
        return pool_of(transport), origin.raw_scheme, origin.raw_host, origin.port

    async def _send(self, out: Outgoing) -> Opened:
        pool, scheme, host, port = out.route.target
        request = out.request
        core = httpcore.Request(
            method=request.method.encode("ascii"),
            url=httpcore.URL(scheme=scheme, host=host, port=port, target=out.target.encode("ascii")),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        try:
            response = await pool.handle_async_request(core)
        except Exception as error:
            mapped = _httpx_error(error, request)
            if mapped is None:
                raise
            raise mapped from error
        answer = httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_Body(response.stream, request),
            request=request,
            extensions=response.extensions,
        )
        return Opened(answer, self.decoded(answer, aiter(answer.stream)))  # type: ignore[arg-type]
