"""The connection pools a client sends through: one per process, and for the async client one per
running event loop.

Connections are sockets. After ``os.fork()`` parent and child would share them and read each
other's answers, so a pool notices the process id change and starts over (the parent's pool is
left alone). An async pool also belongs to the event loop it was first used on: its sockets and,
with aiohttp, its session are tied to that loop, and a second loop (``asyncio.run`` twice, a loop
per thread, pytest-asyncio's loops, a notebook) gets a pool of its own. A user-supplied
``http_client`` is the user's: it is used as it is, everywhere.

The pools the SDK makes are httpx clients built the usual way, so environment proxies
(``HTTPS_PROXY``, ``HTTP_PROXY``, ``ALL_PROXY``, ``NO_PROXY``) and ``trust_env`` behave exactly as
they do for httpx, with the SDK's own pool planning and with aiohttp alike. An async pool the SDK
makes comes with its :class:`~apiframe._flow.Opener` (``_direct.py``), through which the async driver
sends past the client's per-request machinery; a user's ``http_client`` has none.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, get_args

import httpx

from ._config import POOL_LIMITS
from ._deadline import guard_client
from ._errors import ConfigurationError
from ._tls import verifying_context
from ._upstream import transports_of

if TYPE_CHECKING:
    import asyncio

    from ._flow import Opener

__all__ = ["AsyncPool", "HttpBackend", "LoopPool", "ProcessPool", "async_factory", "check_backend", "sync_factory"]

HttpBackend = Literal["httpx", "aiohttp"]
_BACKENDS: tuple[str, ...] = get_args(HttpBackend)


class ProcessPool:
    """One pool per process (the sync client's, shared by its copies and its threads)."""

    def __init__(self, factory: Callable[[], httpx.Client] | None, given: httpx.Client | None = None) -> None:
        self._factory = factory
        self._pid = os.getpid()
        self._http: httpx.Client | None = given
        self.owned = given is None
        """Whether the SDK made this pool (and so closes it)."""

    def get(self) -> httpx.Client:
        if self._factory is not None and (self._http is None or os.getpid() != self._pid):
            self._http = self._factory()
            self._pid = os.getpid()
        assert self._http is not None
        return self._http

    def close(self) -> None:
        """Close the pool for good: a later request fails as on a closed ``httpx.Client``."""
        if not self.owned or self._factory is None:
            return
        if self._http is None:
            self._http = self._factory()  # nothing was sent: a closed pool, so that closed stays closed
        self._http.close()
        self._factory = None


AsyncPool = tuple[httpx.AsyncClient, "Opener | None"]
"""An async pool: its ``httpx.AsyncClient`` and, for one the SDK made, the opener that sends past it."""


class LoopPool:
    """One pool per process and per running event loop (the async client's)."""

    def __init__(self, factory: Callable[[], AsyncPool] | None, given: httpx.AsyncClient | None = None) -> None:
        self._factory = factory
        self._given: AsyncPool | None = None if given is None else (given, None)
        self.owned = given is None
        self._pid = os.getpid()
        self._pools: dict[asyncio.AbstractEventLoop | None, AsyncPool] = {}
        self._last: tuple[asyncio.AbstractEventLoop | None, AsyncPool] | None = None
        self._closed: AsyncPool | None = None
        self._lock = threading.Lock()  # loops in other threads make their pools too

    def get(self) -> httpx.AsyncClient:
        """The ``httpx.AsyncClient`` of the running loop's pool."""
        return self.current()[0]

    def current(self) -> AsyncPool:
        """The pool of the running loop (made on first use; outside a loop, one for no loop)."""
        if self._given is not None:
            return self._given
        loop = _running_loop()
        last = self._last
        if last is not None and last[0] is loop and self._pid == os.getpid():
            return last[1]
        return self._pool_for(loop)

    def _pool_for(self, loop: asyncio.AbstractEventLoop | None) -> AsyncPool:
        with self._lock:
            if self._closed is not None:
                return self._closed  # closed for good: a request fails as on a closed httpx.AsyncClient
            if self._pid != os.getpid():
                self._pools.clear()  # the parent's sockets: never used here, never closed from here
                self._pid = os.getpid()
            pool = self._pools.get(loop)
            if pool is None:
                for gone in [other for other in self._pools if other is not None and other.is_closed()]:
                    del self._pools[gone]  # its loop is closed: its sockets can be neither used nor closed
                assert self._factory is not None
                pool = self._pools[loop] = self._factory()
            self._last = (loop, pool)
            return pool

    async def aclose(self) -> None:
        """Close the pools this loop can close (its own, and one made outside any loop); those of
        closed loops or of other threads' loops are dropped. Closed is for good."""
        if not self.owned or self._closed is not None:
            return
        loop = _running_loop()
        with self._lock:
            mine = [self._pools[key][0] for key in dict.fromkeys((loop, None)) if key in self._pools]
            if not mine and self._factory is not None:
                mine = [self._factory()[0]]  # nothing was sent: a closed pool, so that closed stays closed
            self._pools.clear()
            self._last = None
            self._closed = (mine[0], None) if mine else None  # no opener: httpx says the client is closed
        for http in mine:
            await http.aclose()


def _running_loop() -> asyncio.AbstractEventLoop | None:
    import asyncio  # an async client's first request has loaded it already

    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def sync_factory(timeout: httpx.Timeout) -> Callable[[], httpx.Client]:
    """What makes a sync client's pool: httpx's, every transport bounded by the request deadline."""

    def make() -> httpx.Client:
        from ._pool import lean_cookies

        http = httpx.Client(timeout=timeout, limits=POOL_LIMITS, verify=verifying_context())
        return guard_client(lean_cookies(http))

    return make


def check_backend(backend: str | None) -> HttpBackend:
    """The async transport chosen by ``http_backend`` or ``APIFRAME_HTTP_BACKEND`` (httpx by default),
    checked (and its extra imported) at construction."""
    chosen = backend if backend is not None else os.environ.get("APIFRAME_HTTP_BACKEND") or "httpx"
    if chosen not in _BACKENDS:
        where = "http_backend" if backend is not None else "the APIFRAME_HTTP_BACKEND environment variable"
        raise ConfigurationError(f"{where} must be 'httpx' or 'aiohttp', got {chosen!r}")
    if chosen == "aiohttp":
        try:
            from ._aiohttp import AiohttpClient  # noqa: F401  (the extra, loaded only when chosen)
        except ImportError as error:
            raise ConfigurationError(f"http_backend='aiohttp': {error}") from None
        return "aiohttp"
    return "httpx"


def async_factory(backend: HttpBackend, timeout: httpx.Timeout) -> Callable[[], AsyncPool]:
    """What makes an async client's pool: httpcore's (planned in constant time) or aiohttp's, each
    with the opener that sends on it directly."""

    def make() -> AsyncPool:
        if backend == "aiohttp":
            from ._aiohttp import AiohttpClient, AiohttpDirect

            client = AiohttpClient(timeout=timeout, verify=verifying_context())
            return client, AiohttpDirect(client)
        from ._pool import HttpcoreDirect, lean_cookies, use_constant_pool

        # proxies as httpx has them; the client and its proxy transports share one SSL context
        http = httpx.AsyncClient(timeout=timeout, limits=POOL_LIMITS, verify=verifying_context())
        for transport in transports_of(http):
            if isinstance(transport, httpx.AsyncHTTPTransport):
                use_constant_pool(transport)
        return lean_cookies(http), HttpcoreDirect(http)

    return make
