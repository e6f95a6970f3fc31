"""A deliberately misbehaving HTTP server on 127.0.0.1 for the hostile-server tests.

It speaks just enough HTTP/1.1 by hand (raw sockets, one thread per connection, keep-alive)
to send what a framework never would: trickled, stalled, endless and oversized bodies, lying
``Content-Length`` headers, broken compression, deep JSON and redirects anywhere. Each test
sets ``server.handler`` to a function ``(request, wire) -> None`` that writes the answer.
Every request is recorded with the connection it came on.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "KEY",
    "HostileServer",
    "Request",
    "Wire",
    "deep_json",
    "endless",
    "job_body",
    "redirect",
    "respond",
    "respond_json",
    "trickle",
]

KEY = "afk_hostile_secret_0123456789abcdef"
"""The API key every hostile test uses; it must never show up anywhere it should not."""

REASONS = {
    200: "OK",
    301: "Moved Permanently",
    302: "Found",
    307: "Temporary Redirect",
    400: "Bad Request",
    401: "Unauthorized",
    409: "Conflict",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


@dataclass
class Request:
    """One request as the server read it (header names lower-cased)."""

    method: str
    target: str
    headers: dict[str, str]
    body: bytes
    connection: int

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]


@dataclass
class Wire:
    """The connection a handler answers on: ``send`` and ``pause`` say False once it is over."""

    sock: socket.socket
    stop: threading.Event
    sent: int = 0
    keep_alive: bool = True

    def send(self, data: bytes) -> bool:
        try:
            self.sock.sendall(data)
        except OSError:
            self.keep_alive = False
            return False
        self.sent += len(data)
        return True

    def pause(self, seconds: float) -> bool:
        return not self.stop.wait(seconds)


Handler = Callable[[Request, Wire], None]


@dataclass
class HostileServer:
    """The server: ``url``, the ``requests`` it saw, and the ``handler`` that answers them."""

    handler: Handler | None = None
    requests: list[Request] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._connections: list[socket.socket] = []
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._accept, name="hostile-accept", daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        number = 0
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            number += 1
            with self._lock:
                self._connections.append(conn)
            threading.Thread(target=self._serve, args=(conn, number), name="hostile-conn", daemon=True).start()

    def _serve(self, conn: socket.socket, number: int) -> None:
        reader = _Reader(conn)
        wire = Wire(conn, self._stop)
        try:
            while wire.keep_alive and not self._stop.is_set():
                request = reader.request(number)
                if request is None:
                    return
                with self._lock:
                    self.requests.append(request)
                handler = self.handler
                if handler is None:
                    respond_json(404, {"error": "no handler"})(request, wire)
                else:
                    handler(request, wire)
        except OSError:
            return
        finally:
            _close(conn)

    def paths(self) -> list[str]:
        with self._lock:
            return [request.path for request in self.requests]

    def close(self) -> None:
        self._stop.set()
        _close(self._listener)
        with self._lock:
            for conn in self._connections:
                _close(conn)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


class _Reader:
    def __init__(self, conn: socket.socket) -> None:
        self.conn = conn
        self.buffer = b""

    def _fill(self) -> bool:
        data = self.conn.recv(65536)
        self.buffer += data
        return bool(data)

    def request(self, connection: int) -> Request | None:
        while b"\r\n\r\n" not in self.buffer:
            if len(self.buffer) > 1 << 20 or not self._fill():
                return None
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ", 2)
        headers: dict[str, str] = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if headers.get("transfer-encoding", "").lower() == "chunked":
            body = self._chunked()
        else:
            length = int(headers.get("content-length", "0"))
            while len(self.buffer) < length:
                if not self._fill():
                    return None
            body, self.buffer = self.buffer[:length], self.buffer[length:]
        return Request(method, target, headers, body, connection)

    def _chunked(self) -> bytes:
        body = b""
        while True:
            while b"\r\n" not in self.buffer:
                self._fill()
            size_line, self.buffer = self.buffer.split(b"\r\n", 1)
            size = int(size_line.split(b";")[0], 16)
            while len(self.buffer) < size + 2:
                self._fill()
            body += self.buffer[:size]
            self.buffer = self.buffer[size + 2 :]
            if size == 0:
                return body


def head(status: int, headers: Mapping[str, str] | None = None) -> bytes:
    """A status line and headers, ready to send."""
    lines = [f"HTTP/1.1 {status} {REASONS.get(status, 'Whatever')}"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def respond(status: int, body: bytes = b"", headers: Mapping[str, str] | None = None) -> Handler:
    """A well-formed answer with a Content-Length."""

    def handler(request: Request, wire: Wire) -> None:
        wire.send(head(status, {"Content-Length": str(len(body)), **(headers or {})}) + body)

    return handler


def respond_json(status: int, body: Any, headers: Mapping[str, str] | None = None) -> Handler:
    return respond(status, json.dumps(body).encode(), {"Content-Type": "application/json", **(headers or {})})


def redirect(status: int, location: str) -> Handler:
    return respond(status, b"<html>moved</html>", {"Location": location, "Content-Type": "text/html"})


def trickle(status: int, body: bytes, every: float, headers: Mapping[str, str] | None = None) -> Handler:
    """Headers at once, then the body one byte every ``every`` seconds."""

    def handler(request: Request, wire: Wire) -> None:
        wire.keep_alive = False
        if not wire.send(head(status, {"Content-Length": str(len(body)), **(headers or {})})):
            return
        for byte in body:
            if not wire.pause(every) or not wire.send(bytes([byte])):
                return

    return handler


def trickle_head(status: int, every: float, *, endless: bool = False) -> Handler:
    """The status line and headers one byte every ``every`` seconds (then an endless run of header
    lines when ``endless``): nothing for a per-read timeout to catch."""

    def handler(request: Request, wire: Wire) -> None:
        wire.keep_alive = False
        text = head(status, {"Content-Type": "application/json", "Content-Length": "2"}) + b"{}"
        if endless:
            text = head(status).removesuffix(b"\r\n") + b"X-More: 1\r\n" * 100_000
        for byte in text:
            if not wire.pause(every) or not wire.send(bytes([byte])):
                return

    return handler


def endless(status: int = 200, *, chunked: bool = True, content_type: str = "application/json") -> Handler:
    """A body that never ends: chunked, or delimited by closing the connection (which never comes)."""
    piece = b"[" * 65536

    def handler(request: Request, wire: Wire) -> None:
        wire.keep_alive = False
        headers = {"Content-Type": content_type}
        if chunked:
            headers["Transfer-Encoding"] = "chunked"
        else:
            headers["Connection"] = "close"
        if not wire.send(head(status, headers)):
            return
        frame = f"{len(piece):x}\r\n".encode() + piece + b"\r\n" if chunked else piece
        while not wire.stop.is_set() and wire.send(frame):
            pass

    return handler


def deep_json(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def job_body(job_id: str, status: str = "COMPLETED", result: Any = None) -> dict[str, Any]:
    """A job snapshot in the API's shape."""
    return {
        "id": job_id,
        "status": status,
        "model": "midjourney",
        "progress": 100 if status == "COMPLETED" else 10,
        "error": None,
        "creditCost": None,
        "webhookStatus": None,
        "createdAt": "2026-11-23T10:00:00Z",
        "completedAt": None,
        "expired": False,
        "result": result,
    }


def job_id_from(request: Request) -> str:
    return request.path.rsplit("/", 1)[-1]


def serving(server: HostileServer) -> Iterator[HostileServer]:
    try:
        yield server
    finally:
        server.close()
