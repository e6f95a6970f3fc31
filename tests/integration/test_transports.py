"""The async client's transports (httpx's pool and aiohttp's) against real local servers that reuse,
drop, garble or stall connections. Every server listens on 127.0.0.1 with a port the OS picks."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
from wire_job import JOB, JOB_ID

from apiframe import ApiframeError, AsyncApiframe, NetworkError, RequestTimeoutError
from apiframe.testing import Sandbox

KEY = "afk_transport_test_key"
BACKENDS = ["httpx", "aiohttp"]
OK = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n%s" % (len(JOB), JOB)

Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


def _is_aiohttp_error(error: BaseException) -> bool:
    import aiohttp  # here, not at the top: ~0.1 s of every xdist worker's collection

    return isinstance(error, aiohttp.ClientError)


@contextlib.asynccontextmanager
async def _serving(handler: Handler) -> AsyncIterator[str]:
    """Serve ``handler`` on 127.0.0.1; yields the base URL. On exit, handlers still running (a
    stalled server's) are cancelled first: since Python 3.12, ``Server.wait_closed()`` (and so
    ``async with server``) waits for every running handler, so a stalled one would outlive the test."""
    running: set[asyncio.Task[None]] = set()

    async def tracked(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        running.add(task)  # type: ignore[arg-type]
        try:
            await handler(reader, writer)
        finally:
            running.discard(task)  # type: ignore[arg-type]
            writer.close()

    server = await asyncio.start_server(tracked, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.close()
        for task in list(running):
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)
        await server.wait_closed()


async def _read_head(reader: asyncio.StreamReader) -> bool:
    try:
        await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, ConnectionError):
        return False
    return True


def _count_connections(opened: list[int]) -> Handler:
    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        opened[0] += 1
        while await _read_head(reader):
            writer.write(OK)
            await writer.drain()
        writer.close()

    return handler


async def _steady(client: AsyncApiframe, workers: int, requests: int) -> None:
    left = iter(range(requests))

    async def worker() -> None:
        for _ in left:
            assert (await client.jobs.get(JOB_ID)).status == "COMPLETED"

    await asyncio.gather(*(worker() for _ in range(workers)))


@pytest.mark.parametrize("backend", BACKENDS)
def test_steady_concurrency_opens_one_connection_per_worker_and_keeps_it(backend: str) -> None:
    """32 workers, 480 requests: never more connections than workers. httpcore's own pool hands one
    idle connection to several queued requests at once and closes idle ones above 20, so under the
    same load it keeps opening new connections (and spends most of its CPU re-planning the pool)."""
    opened = [0]

    async def go() -> None:
        async with (
            _serving(_count_connections(opened)) as base,
            AsyncApiframe(api_key=KEY, base_url=base, http_backend=backend) as client,  # type: ignore[arg-type]
        ):
            await _steady(client, 32, 480)

    asyncio.run(go())
    assert 1 <= opened[0] <= 32


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


async def _drop(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    await _read_head(reader)
    writer.close()


async def _garble(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    await _read_head(reader)
    writer.write(b"NOT HTTP AT ALL\r\n\r\n")
    await writer.drain()
    writer.close()


async def _huge_header(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    await _read_head(reader)
    writer.write(b"HTTP/1.1 200 OK\r\nx-big: " + b"a" * 200_000 + b"\r\ncontent-length: 2\r\n\r\n{}")
    await writer.drain()
    writer.close()


async def _truncate(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    await _read_head(reader)
    writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n" + JOB[:40])
    await writer.drain()
    writer.close()


async def _stall(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    await _read_head(reader)
    await asyncio.sleep(30)


FAULTS: dict[str, tuple[Handler, type[ApiframeError]]] = {
    "drop": (_drop, NetworkError),
    "garble": (_garble, NetworkError),
    "huge-header": (_huge_header, NetworkError),
    "truncate": (_truncate, NetworkError),
    "stall": (_stall, RequestTimeoutError),
}


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("fault", list(FAULTS))
def test_broken_servers_give_typed_errors_with_no_aiohttp_exception_in_the_chain(backend: str, fault: str) -> None:
    handler, expected = FAULTS[fault]

    async def go() -> BaseException:
        async with _serving(handler) as base:
            async with AsyncApiframe(
                api_key=KEY,
                base_url=base,
                timeout=0.3,
                max_retries=1,
                http_backend=backend,  # type: ignore[arg-type]
            ) as client:
                with pytest.raises(ApiframeError) as caught:
                    await client.jobs.get(JOB_ID)
            return caught.value

    error = asyncio.run(asyncio.wait_for(go(), 20))
    assert isinstance(error, expected), repr(error)
    chain = _chain(error)
    assert not [e for e in chain if _is_aiohttp_error(e)], chain
    assert all(KEY not in str(e) for e in chain)


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_upload_the_server_stops_reading_times_out_on_the_write_timeout(backend: str, tmp_path: Path) -> None:
    """The server reads the request head, then nothing: the upload must fail within its write timeout."""
    path = tmp_path / "big.png"
    with path.open("wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.write(b"\0" * (48 * 1024 * 1024))  # far more than the socket buffers hold
    held: list[asyncio.StreamWriter] = []

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_head(reader)
        held.append(writer)  # keep the connection open, unread
        await asyncio.sleep(30)

    async def go() -> BaseException:
        async with _serving(handler) as base:
            async with AsyncApiframe(
                api_key=KEY,
                base_url=base,
                timeout=0.5,
                max_retries=0,
                http_backend=backend,  # type: ignore[arg-type]
            ) as client:
                with pytest.raises(ApiframeError) as caught:
                    await client.uploads.create(path)
            return caught.value

    error = asyncio.run(asyncio.wait_for(go(), 20))  # without a write timeout: wait_for's TimeoutError
    assert isinstance(error, RequestTimeoutError), repr(error)
    assert not [e for e in _chain(error) if _is_aiohttp_error(e)]


def test_a_large_streamed_upload_arrives_intact_over_aiohttp(tmp_path: Path) -> None:
    path = tmp_path / "clip.mp4"
    header = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
    with path.open("wb") as out:
        out.write(header)
        out.write(bytes(range(256)) * (12 * 4096))  # 12 MiB
    size = path.stat().st_size

    async def go(sandbox: Sandbox) -> int:
        async with AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, http_backend="aiohttp") as client:
            upload = await client.uploads.create(path)
            return upload.byte_size

    with Sandbox() as sandbox:
        assert asyncio.run(go(sandbox)) == size
