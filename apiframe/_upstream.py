"""The SDK's reaches into the internals of httpx and httpcore, each in one function.

Each relies on a shape those packages do not promise; ``tests/unit/test_upstream.py`` checks each
shape against the installed versions, so an upgrade that changes one fails there (not in a user's
request), and ``pyproject.toml`` bounds both packages to the versions checked. Two subclasses reach
in as well and are checked by the same test: ``_pool._ConstantPool`` (httpcore's async pool, used
only when ``_pool._compatible`` finds the shape it knows) and ``_aiohttp.AiohttpClient`` (httpx's
two transport factories).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpcore
import httpx

__all__ = [
    "HTTPCORE_ERRORS",
    "keep_body",
    "pool_of",
    "transport_for",
    "transports_of",
    "url_at",
    "wrap_network_backend",
]


def keep_body(response: httpx.Response, content: bytes) -> None:
    """Give ``response`` the body the driver read (within its caps and deadline), as ``read()`` would.

    httpx keeps a read body in ``Response._content``; ``.content``, ``.text`` and ``.json()`` read it.
    """
    response._content = content


def url_at(origin: httpx.URL, path: str, query: str | None, fragment: str | None) -> httpx.URL:
    """``origin`` with another path, query and fragment, each already as ``str(httpx.URL(...))`` writes
    it, without parsing them again: httpx keeps a URL's parts in ``URL._uri_reference``, a named tuple."""
    url = object.__new__(httpx.URL)
    url._uri_reference = origin._uri_reference._replace(path=path, query=query, fragment=fragment)
    return url


def transport_for(client: httpx.AsyncClient, url: httpx.URL) -> Any:
    """The transport ``client`` sends a request for ``url`` through (a mount's for a proxied origin),
    chosen as httpx chooses it in ``_transport_for_url``."""
    return client._transport_for_url(url)


def pool_of(transport: httpx.AsyncHTTPTransport) -> httpcore.AsyncConnectionPool:
    """The httpcore pool (a proxy's, for a proxy mount) an httpx transport keeps in ``_pool``."""
    pool: httpcore.AsyncConnectionPool = transport._pool
    return pool


HTTPCORE_ERRORS: dict[type[Exception], type[httpx.TransportError]] = {
    httpcore.ConnectTimeout: httpx.ConnectTimeout,
    httpcore.ReadTimeout: httpx.ReadTimeout,
    httpcore.WriteTimeout: httpx.WriteTimeout,
    httpcore.PoolTimeout: httpx.PoolTimeout,
    httpcore.TimeoutException: httpx.TimeoutException,
    httpcore.ConnectError: httpx.ConnectError,
    httpcore.ReadError: httpx.ReadError,
    httpcore.WriteError: httpx.WriteError,
    httpcore.NetworkError: httpx.NetworkError,
    httpcore.ProxyError: httpx.ProxyError,
    httpcore.UnsupportedProtocol: httpx.UnsupportedProtocol,
    httpcore.LocalProtocolError: httpx.LocalProtocolError,
    httpcore.RemoteProtocolError: httpx.RemoteProtocolError,
    httpcore.ProtocolError: httpx.ProtocolError,
}
"""httpcore's errors and the httpx errors its transport raises for them (``map_httpcore_exceptions``)."""


def transports_of(client: httpx.Client | httpx.AsyncClient) -> list[Any]:
    """The transports ``client`` sends through: its own, then one per mount (proxies from the
    environment or ``proxy=``), as httpx keeps them in ``_transport`` and ``_mounts``."""
    mounts: dict[Any, Any] = getattr(client, "_mounts", {})
    found = [getattr(client, "_transport", None), *mounts.values()]
    return [transport for transport in found if transport is not None]


def wrap_network_backend(
    transport: httpx.HTTPTransport, wrap: Callable[[httpcore.NetworkBackend], httpcore.NetworkBackend]
) -> bool:
    """Open ``transport``'s new connections through ``wrap(its network backend)``; False when it has no
    httpcore pool (a custom transport). httpcore's pools keep the backend in ``_network_backend``."""
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if not isinstance(pool, httpcore.ConnectionPool) or not isinstance(backend, httpcore.NetworkBackend):
        return False
    pool._network_backend = wrap(backend)
    return True
