"""The SDK's reaches into the internals of httpx and httpcore, each in one function.

Each relies on a shape those packages do not promise; ``tests/unit/test_upstream.py`` checks each
shape against the installed versions, so an upgrade that changes one fails there (not in a user's
request), and ``pyproject.toml`` bounds both packages to the versions checked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpcore
import httpx

__all__ = ["keep_body", "transports_of", "wrap_network_backend"]


def keep_body(response: httpx.Response, content: bytes) -> None:
    """Give ``response`` the body the driver read (within its caps and deadline), as ``read()`` would.

    httpx keeps a read body in ``Response._content``; ``.content``, ``.text`` and ``.json()`` read it.
    """
    response._content = content


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
