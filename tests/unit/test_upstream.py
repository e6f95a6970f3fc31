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
