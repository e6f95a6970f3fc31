"""The async driver's direct path (``apiframe/_direct.py``) sends what ``httpx.AsyncClient.send`` sends.

The same pool is used twice: by an ``AsyncApiframe`` that made it (the direct path) and by one it is
handed to as ``http_client=`` (httpx's client layer). A server on 127.0.0.1 records each request head;
both must be the same, for a GET with a query and a POST with a body, cookies included."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from wire_job import JOB, JOB_ID

from apiframe import ApiframeError, AsyncApiframe
from apiframe._flow import RequestSpec

KEY = "afk_direct_test_key"
Head = tuple[bytes, list[tuple[bytes, bytes]], bytes]
pytestmark = pytest.mark.asyncio


@contextlib.asynccontextmanager
async def _recording(heads: list[Head]) -> AsyncIterator[str]:
    """A keep-alive HTTP/1.1 server answering every request with a job (and a cookie)."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                raw = await reader.readuntil(b"\r\n\r\n")
                line, *fields = raw[:-4].split(b"\r\n")
                headers = [tuple(field.split(b": ", 1)) for field in fields]
                length = next((int(value) for name, value in headers if name.lower() == b"content-length"), 0)
                body = await reader.readexactly(length)
                heads.append((line, headers, body))  # type: ignore[arg-type]
                writer.write(
                    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nset-cookie: seen=1; Path=/\r\n"
                    b"content-length: %d\r\n\r\n%s" % (len(JOB), JOB)
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    async with server:
        yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"


async def _calls(client: AsyncApiframe) -> None:
    await client.jobs.get(JOB_ID)
    with contextlib.suppress(ApiframeError):  # a job is not a page: only the request matters here
        await client.jobs.list(limit=5, cursor="a b/ü?&", status="COMPLETED")
    with contextlib.suppress(ApiframeError):
        await client.images.generate(model="flux-1.1-pro", prompt="a lighthouse", idempotency_key="same")


@pytest.mark.parametrize("backend", ["httpx", "aiohttp"])
async def test_the_direct_path_sends_what_httpx_sends(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    heads: list[Head] = []
    through_httpx = 0
    send = httpx.AsyncClient.send

    async def counted(self: httpx.AsyncClient, *args: Any, **kwargs: Any) -> httpx.Response:
        nonlocal through_httpx
        through_httpx += 1
        return await send(self, *args, **kwargs)

    monkeypatch.setattr(httpx.AsyncClient, "send", counted)
    async with _recording(heads) as base, AsyncApiframe(api_key=KEY, base_url=base, http_backend=backend) as direct:  # type: ignore[arg-type]
        await direct.jobs.get(JOB_ID)  # the server's cookie is in the pool's jar from here on
        assert through_httpx == 0
        await _calls(direct)
        assert through_httpx == 0  # every request went the direct way
        await _calls(AsyncApiframe(api_key=KEY, base_url=base, http_client=direct._http))
        assert through_httpx == 3
    sent_direct, sent_httpx = heads[1:4], heads[4:]
    assert len(sent_httpx) == 3
    for ours, theirs in zip(sent_direct, sent_httpx, strict=True):
        assert ours[0] == theirs[0]  # method and target, query written the same way
        assert sorted(ours[1]) == sorted(theirs[1])  # the same headers: Host, defaults, cookie, length
        assert ours[2] == theirs[2]
    assert (b"Cookie", b"seen=1") in sent_direct[0][1]
    assert sent_direct[1][0].startswith(b"GET /v2/jobs?")


@pytest.mark.parametrize("backend", ["httpx", "aiohttp"])
async def test_a_url_httpx_did_not_write_goes_through_httpx(backend: str) -> None:
    client = AsyncApiframe(api_key=KEY, base_url="http://127.0.0.1:9", http_backend=backend)  # type: ignore[arg-type]
    opener = client._session.pool.current()[1]
    assert opener is not None
    for url in (
        "http://127.0.0.1:9/a b",
        "http://127.0.0.1:9/a\r\nX: y",
        "http://127.0.0.1:9/é",
        "http://u:p@127.0.0.1:9/",
    ):
        assert await opener.open(RequestSpec(method="GET", url=url, headers={})) is None
    await client.aclose()
