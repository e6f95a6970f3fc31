"""Deadlines: the one type for "this must have ended by then", and how the sync client holds one.

:class:`Deadline` is a moment on a monotonic clock (a wait's, a download's, one request's or an
upload's, which starts once its body is sent). Everything that must end in time asks it what is
left, whether it passed, and how long a pause may last.

httpx's sync transport applies its timeouts per socket operation, so a server that sends its status
line and headers one byte at a time keeps a request alive far past ``timeout=``. The async driver
bounds a request with ``asyncio.timeout``; a thread cannot be interrupted that way. Instead the sync
driver states the request's deadline in :data:`DEADLINE` while it sends (:func:`bounded`), and the
network streams of the SDK's transports (:func:`guard_client`) clamp every read, write and TLS
handshake to the time left, failing with a timeout once it is gone. Outside an SDK request
(``DEADLINE`` unset) they behave exactly like httpcore's own streams, so guarding a user's
``httpx.Client`` changes nothing else it does.
"""

from __future__ import annotations

import contextlib
import ssl
import time
import typing
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar

import httpcore
import httpx

from ._upstream import transports_of, wrap_network_backend

__all__ = ["DEADLINE", "Deadline", "bounded", "guard_client"]


class Deadline:
    """When something must have ended, as a value of its clock's ``now()`` (``time.monotonic`` unless
    given); ``Deadline(None)`` never passes.

    ``at`` is None for no deadline, and for one not started yet (``start=False``: an upload's
    deadline starts once its body is sent, :meth:`start`).
    """

    __slots__ = ("at", "now", "seconds")

    def __init__(self, seconds: float | None, *, now: Callable[[], float] = time.monotonic, start: bool = True) -> None:
        self.seconds = seconds
        self.now = now
        self.at: float | None = None
        if start:
            self.start()

    def start(self) -> None:
        """Count ``seconds`` from now."""
        if self.seconds is not None:
            self.at = self.now() + self.seconds

    def remaining(self) -> float | None:
        """Seconds left (negative once passed), or None without a deadline."""
        return None if self.at is None else self.at - self.now()

    def passed(self) -> bool:
        return self.at is not None and self.now() >= self.at

    def pause_until(self, when: float) -> float:
        """Seconds to pause to reach ``when`` (a value of the clock), never past the deadline."""
        pause = when - self.now()
        return pause if self.at is None else min(pause, self.at - self.now())

    def clip(self, seconds: float) -> float:
        """``seconds``, shortened to the time left (never below zero)."""
        return seconds if self.at is None else max(0.0, min(seconds, self.at - self.now()))

    def sooner(self, seconds: float) -> Deadline:
        """The earlier of this deadline and ``seconds`` from now."""
        limit = Deadline(seconds, now=self.now)
        if self.at is not None and limit.at is not None and self.at < limit.at:
            limit.at = self.at
        return limit

    def __repr__(self) -> str:
        left = self.remaining()
        return "Deadline(none)" if left is None else f"Deadline({left:.3f} s left)"


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
    left = None if holder is None else holder.remaining()
    if left is None:
        return timeout
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
    """httpcore's network backend with every operation clamped to :data:`DEADLINE`."""

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


def _guarded(backend: httpcore.NetworkBackend) -> httpcore.NetworkBackend:
    return backend if isinstance(backend, _Backend) else _Backend(backend)


def guard_client(client: httpx.Client) -> httpx.Client:
    """Make every transport of ``client`` (its own and its proxy mounts) honour :data:`DEADLINE`.

    A transport without an httpcore pool (a mock or custom one) is left alone: its reads are its own.
    """
    for transport in transports_of(client):
        if isinstance(transport, httpx.HTTPTransport):
            wrap_network_backend(transport, _guarded)
    return client
