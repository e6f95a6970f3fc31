"""The shapes of httpx and httpcore that ``apiframe/_upstream.py`` relies on, checked against the installed
versions: an upgrade that changes one fails here first (pyproject.toml bounds both packages)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import httpcore
import httpx
import pytest

from apiframe._upstream import keep_body, transports_of, wrap_network_backend


def test_a_kept_body_is_what_the_response_reads() -> None:
    response = httpx.Response(200, stream=httpx.ByteStream(b"unread"), headers={"content-type": "application/json"})
    keep_body(response, b'{"id": "job_1"}')
    assert response.content == b'{"id": "job_1"}'
    assert response.text == '{"id": "job_1"}'
    assert response.json() == {"id": "job_1"}


def test_the_transports_of_a_client_are_its_own_then_one_per_mount(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    for client in (httpx.Client(), httpx.AsyncClient()):
        transports = transports_of(client)
        assert transports[0] is client._transport
        assert len(transports) == 2  # the environment's proxy, as httpx mounts it
        assert isinstance(transports[1], httpx.HTTPTransport | httpx.AsyncHTTPTransport)
    plain = httpx.Client(trust_env=False)
    assert transports_of(plain) == [plain._transport]


class _Counting(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self.inner = inner
        self.connects = 0

    def connect_tcp(self, host: str, port: int, *args: object, **kwargs: object) -> httpcore.NetworkStream:
        self.connects += 1
        return self.inner.connect_tcp(host, port, *args, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def server() -> Iterator[str]:
    """A server on 127.0.0.1 that answers every request with 204."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.recv(65536)
                conn.sendall(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/"
    stop.set()
    thread.join()
    listener.close()


def test_a_wrapped_network_backend_opens_the_transports_connections(server: str) -> None:
    transport = httpx.HTTPTransport()
    seen: list[_Counting] = []

    def wrap(backend: httpcore.NetworkBackend) -> httpcore.NetworkBackend:
        seen.append(_Counting(backend))
        return seen[0]

    assert wrap_network_backend(transport, wrap)
    with httpx.Client(transport=transport) as client:
        assert client.get(server).status_code == 204
    assert seen[0].connects == 1
    assert not wrap_network_backend(httpx.MockTransport(lambda request: httpx.Response(204)), wrap)  # type: ignore[arg-type]


def test_the_pool_internals_the_constant_pool_builds_on_are_there() -> None:
    """apiframe/_pool.py subclasses httpcore's async pool (and falls back to it when the shape is not
    the one checked here): the attributes and methods it reads, calls or overrides."""
    import inspect

    from httpcore._async.connection_pool import AsyncPoolRequest, PoolByteStream

    from apiframe._pool import _compatible

    pool = httpx.AsyncHTTPTransport()._pool
    assert _compatible(pool)  # the constant-time pool applies to the installed httpcore
    for name in ("_keepalive_expiry", "_max_connections", "_max_keepalive_connections", "_connections", "_requests"):
        assert hasattr(pool, name), name
    for name in ("_assign_requests_to_connections", "_close_connections", "handle_async_request"):
        assert callable(getattr(httpcore.AsyncConnectionPool, name, None)), name
    request = AsyncPoolRequest(httpcore.Request("GET", "http://127.0.0.1/"))
    assert request.connection is None and request.request.url.host == b"127.0.0.1"
    for name in ("wait_for_connection", "clear_connection", "assign_to_connection"):
        assert callable(getattr(request, name, None)), name
    assert {"stream", "pool_request", "pool"} <= set(inspect.signature(PoolByteStream).parameters)
    assert isinstance(httpx.AsyncClient()._cookies, httpx.Cookies)  # what _pool.lean_cookies replaces


def test_the_client_hooks_the_aiohttp_client_overrides_take_its_arguments() -> None:
    """apiframe/_aiohttp.py's client overrides httpx.AsyncClient's two transport factories."""
    import inspect

    for name, extra in (("_init_transport", {"transport"}), ("_init_proxy_transport", {"proxy"})):
        hook = getattr(httpx.AsyncClient, name)
        expected = {"self", "verify", "cert", "trust_env", "http1", "http2", "limits"} | extra
        assert set(inspect.signature(hook).parameters) == expected, name
