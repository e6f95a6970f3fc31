"""A whole-request deadline for the sync client, down to every socket read and write.

httpx's sync transport applies its timeouts per socket operation, so a server that sends its
status line and headers one byte at a time keeps a request alive far past ``timeout=``. The async
driver bounds a request with ``asyncio.timeout``; a thread cannot be interrupted that way. Instead
the sync driver states the request's deadline in :data:`DEADLINE` while it sends, and the network
streams of the SDK's transports clamp every read, write and TLS handshake to the time left, failing
with a timeout once it is gone. Outside an SDK request (``DEADLINE`` unset) they behave exactly
like httpcore's own streams, so wrapping a user's ``httpx.Client`` changes nothing else it does.
"""

from __future__ import annotations

import contextlib
import ssl
import time
import typing
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from typing import Protocol

import httpcore
import httpx

__all__ = ["DEADLINE", "Deadline", "bounded", "guard_client", "guard_transport"]


class Deadline(Protocol):
    """When the current request must have ended: ``at``, a ``time.monotonic()`` value, or None (an
    upload's deadline is set only once its body is sent)."""

    at: float | None


DEADLINE: ContextVar[Deadline | None] = ContextVar("apiframe_request_deadline", default=None)
"""The deadline of the sync request being sent in this context, if any."""


@contextlib.contextmanager
def bounded(deadline: Deadline) -> Iterator[None]:
    """Send the enclosed sync request under ``deadline``."""
    token = DEADLINE.set(deadline)
    try:
        yield
    finally:
        DEADLINE.reset(token)


def _left(timeout: float | None, error: type[Exception]) -> float | None:
    holder = DEADLINE.get()
    deadline = None if holder is None else holder.at
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("the request ran past its whole-request deadline")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        tls = self._stream.start_tls(ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout))
        return _Stream(tls)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(
            host, port, _left(timeout, httpcore.ConnectTimeout), local_address, socket_options
        )
        return _Stream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[typing.Any] | None = None
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_unix_socket(path, _left(timeout, httpcore.ConnectTimeout), socket_options)
        return _Stream(stream)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def guard_transport(transport: httpx.BaseTransport) -> bool:
    """Make ``transport``'s connections honour :data:`DEADLINE`; False when it has no httpcore pool
    to guard (a mock or custom transport: its reads are its own)."""
    pool = getattr(transport, "_pool", None)
    if not isinstance(pool, httpcore.ConnectionPool):
        return False
    backend = getattr(pool, "_network_backend", None)
    if isinstance(backend, _Backend):
        return True
    if not isinstance(backend, httpcore.NetworkBackend):
        return False
    pool._network_backend = _Backend(backend)
    return True


def guard_client(client: httpx.Client) -> httpx.Client:
    """:func:`guard_transport` on every transport of ``client`` (its own and its proxy mounts)."""
    transports = [getattr(client, "_transport", None), *getattr(client, "_mounts", {}).values()]
    for transport in transports:
        if isinstance(transport, httpx.BaseTransport):
            guard_transport(transport)
    return client
