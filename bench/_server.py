"""A minimal HTTP/1.1 keep-alive server answering every request with one fixed Job JSON.

Run in its own process by ``bench/run.py`` so that the server is never the bottleneck of the
fan-out and throughput benchmarks (2 and 9): it prints its port on stdout and serves until stdin closes.
"""

from __future__ import annotations

import asyncio
import json
import socket
import sys

JOB = {
    "id": "0b6f4c1e-2f7a-4d3b-9a53-0d9e3f1c2b7a",
    "status": "COMPLETED",
    "model": "flux-1.1-pro",
    "progress": 100,
    "error": None,
    "creditCost": 4,
    "webhookStatus": None,
    "createdAt": "2026-01-01T00:00:00.000Z",
    "completedAt": "2026-01-01T00:00:03.000Z",
    "expired": False,
    "input": {"model": "flux-1.1-pro", "prompt": "a lighthouse at dusk"},
    "result": {
        "outputs": [{"index": 1, "url": "http://127.0.0.1/files/1.png", "contentType": "image/png", "kind": "image"}],
        "urls": ["http://127.0.0.1/files/1.png"],
    },
}
BODY = json.dumps(JOB).encode()
RESPONSE = (
    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
    + str(len(BODY)).encode()
    + b"\r\n\r\n"
    + BODY
)


class _Connection(asyncio.Protocol):
    """Answers each request head (no request bodies are expected) with the fixed response."""

    def __init__(self) -> None:
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        count = self.buffer.count(b"\r\n\r\n")
        if count and self.transport is not None:
            self.buffer = self.buffer[self.buffer.rfind(b"\r\n\r\n") + 4 :]
            self.transport.write(RESPONSE * count)


async def _main() -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_Connection, "127.0.0.1", 0, backlog=4096)
    port = server.sockets[0].getsockname()[1]
    print(port, flush=True)
    await loop.run_in_executor(None, sys.stdin.read)  # serve until the parent closes our stdin
    server.close()


if __name__ == "__main__":
    asyncio.run(_main())
