"""Every deadline holds in wall-clock time and no server hint can stretch it (observation 6).

Bounds are generous (a 1 s deadline must end before 5 s) so that a loaded machine cannot flake them;
before the fix these calls ran for 15 s and more, or slept for days.
"""

from __future__ import annotations

import asyncio
import json
import math
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from hostile_server import (
    KEY,
    HostileServer,
    Request,
    Wire,
    head,
    job_body,
    respond,
    respond_json,
    trickle,
    trickle_head,
)

from apiframe import (
    Apiframe,
    AsyncApiframe,
    DownloadError,
    InvalidRequestError,
    RateLimitError,
    RequestTimeoutError,
    ServerError,
    WaitTimeoutError,
)

JOB = json.dumps(job_body("job_1", "PROCESSING")).encode()


def _stall_after(status: int, body: bytes, sent: int) -> object:
    """Headers and the first ``sent`` bytes of the body, then nothing (the connection stays open)."""

    def handler(request: Request, wire: Wire) -> None:
        wire.keep_alive = False
        wire.send(head(status, {"Content-Length": str(len(body)), "Content-Type": "image/png"}) + body[:sent])
        wire.pause(30)

    return handler


def test_a_trickled_body_cannot_stretch_a_requests_deadline(client: Apiframe, server: HostileServer) -> None:
    server.handler = trickle(200, JOB, every=0.3)
    started = time.monotonic()
    with pytest.raises(RequestTimeoutError, match="timed out"):
        client.jobs.get("job_1", timeout=1)
    assert time.monotonic() - started < 5


@pytest.mark.asyncio
async def test_a_trickled_body_cannot_stretch_an_async_requests_deadline(server: HostileServer) -> None:
    server.handler = trickle(200, JOB, every=0.3)
    started = time.monotonic()
    async with AsyncApiframe(api_key=KEY, base_url=server.url, max_retries=0) as client:
        with pytest.raises(RequestTimeoutError):
            await client.jobs.get("job_1", timeout=1)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("endless", [False, True], ids=["trickled-head", "endless-head"])
@pytest.mark.parametrize("own_client", [False, True], ids=["sdk-pool", "users-client"])
def test_trickled_headers_cannot_stretch_a_sync_requests_deadline(
    server: HostileServer, endless: bool, own_client: bool
) -> None:
    server.handler = trickle_head(200, every=0.2, endless=endless)
    http = httpx.Client() if own_client else None
    started = time.monotonic()
    with Apiframe(api_key=KEY, base_url=server.url, max_retries=0, http_client=http) as client:
        with pytest.raises(RequestTimeoutError, match="timed out"):
            client.jobs.get("job_1", timeout=1)
        assert time.monotonic() - started < 5
        with pytest.raises(WaitTimeoutError):
            client.jobs.wait("job_1", timeout=2, interval=0.1, max_interval=0.5)
        assert time.monotonic() - started < 12
    if http is not None:
        http.close()


def test_trickled_headers_cannot_stretch_a_sync_download(
    client: Apiframe, server: HostileServer, other: HostileServer, tmp_path: Path
) -> None:
    server.handler = respond_json(200, job_body("job_1", result={"url": f"{other.url}/f.png"}))
    other.handler = trickle_head(200, every=0.2)
    started = time.monotonic()
    with pytest.raises(DownloadError):
        client.jobs.download("job_1", tmp_path, timeout=2)
    assert time.monotonic() - started < 8
    assert list(tmp_path.iterdir()) == []


def test_a_stalled_body_cannot_stretch_a_requests_deadline(client: Apiframe, server: HostileServer) -> None:
    server.handler = _stall_after(200, JOB, sent=10)  # type: ignore[assignment]
    started = time.monotonic()
    with pytest.raises(RequestTimeoutError):
        client.jobs.get("job_1", timeout=1)
    assert time.monotonic() - started < 5


def test_a_trickling_server_cannot_stretch_a_wait(server: HostileServer) -> None:
    server.handler = trickle(200, JOB, every=0.3)
    started = time.monotonic()
    with Apiframe(api_key=KEY, base_url=server.url) as client, pytest.raises(WaitTimeoutError):
        client.jobs.wait("job_1", timeout=2)
    assert time.monotonic() - started < 6


@pytest.mark.parametrize("stall", [False, True], ids=["trickled", "stalled"])
def test_a_download_deadline_holds(
    stall: bool, client: Apiframe, server: HostileServer, other: HostileServer, tmp_path: Path
) -> None:
    body = b"\x89PNG" + b"x" * 400
    server.handler = respond_json(200, job_body("job_1", result={"urls": [f"{other.url}/a.png"]}))
    other.handler = _stall_after(200, body, 100) if stall else trickle(200, body, 0.2, {"Content-Type": "image/png"})  # type: ignore[assignment]
    started = time.monotonic()
    with pytest.raises(DownloadError, match=r"did not finish within timeout=1\.5 s"):
        client.jobs.download("job_1", tmp_path, timeout=1.5)
    assert time.monotonic() - started < 6
    assert list(tmp_path.iterdir()) == []


def test_a_silent_file_host_cannot_stretch_a_download_with_retries(
    server: HostileServer, other: HostileServer, tmp_path: Path
) -> None:
    def silent(request: Request, wire: Wire) -> None:
        wire.keep_alive = False
        wire.pause(30)  # never answers

    server.handler = respond_json(200, job_body("job_1", result={"urls": [f"{other.url}/a.png"]}))
    other.handler = silent
    started = time.monotonic()
    patient = Apiframe(api_key=KEY, base_url=server.url, max_retries=3)
    with patient as client, pytest.raises(DownloadError, match="did not finish within timeout=1 s"):
        client.jobs.download("job_1", tmp_path, timeout=1)
    assert time.monotonic() - started < 5
    assert list(tmp_path.iterdir()) == []


@pytest.mark.asyncio
async def test_an_async_download_deadline_holds(server: HostileServer, other: HostileServer, tmp_path: Path) -> None:
    server.handler = respond_json(200, job_body("job_1", result={"urls": [f"{other.url}/a.png"]}))
    other.handler = trickle(200, b"\x89PNG" + b"x" * 400, 0.2, {"Content-Type": "image/png"})
    started = time.monotonic()
    async with AsyncApiframe(api_key=KEY, base_url=server.url, max_retries=0) as client:
        with pytest.raises(DownloadError, match="did not finish within"):
            await client.jobs.download("job_1", tmp_path, timeout=1)
    assert time.monotonic() - started < 5
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("status", [429, 503])
@pytest.mark.parametrize("hint", ["999999", "99999999999", "1e308"])
def test_a_huge_retry_after_is_never_slept(status: int, hint: str, server: HostileServer) -> None:
    server.handler = respond_json(status, {"error": "busy"}, {"Retry-After": hint})
    started = time.monotonic()
    expected = RateLimitError if status == 429 else ServerError
    with Apiframe(api_key=KEY, base_url=server.url, max_retries=3) as client, pytest.raises(expected):
        client.jobs.get("job_1")
    assert time.monotonic() - started < 3
    assert len(server.requests) == 1


@pytest.mark.parametrize("hint", ["soon", "-5", "nan", "inf", "Mon, 99 Foo 2026"])
def test_a_garbage_retry_after_falls_back_to_backoff(hint: str, server: HostileServer) -> None:
    server.handler = respond_json(503, {"error": "busy"}, {"Retry-After": hint})
    with Apiframe(api_key=KEY, base_url=server.url, max_retries=2) as client, pytest.raises(ServerError):
        client.jobs.get("job_1")
    assert len(server.requests) == 3


def test_a_rate_limit_hint_inside_a_wait_is_capped_by_max_interval(server: HostileServer) -> None:
    server.handler = respond_json(429, {"error": "slow down"}, {"Retry-After": "30"})
    started = time.monotonic()
    with Apiframe(api_key=KEY, base_url=server.url) as client, pytest.raises(WaitTimeoutError):
        client.jobs.wait("job_1", timeout=2, max_interval=0.3)
    assert time.monotonic() - started < 6
    assert len(server.requests) >= 3  # looked again every max_interval, not once per 30 s hint


def test_a_retry_after_on_a_snapshot_is_capped_by_max_interval(server: HostileServer) -> None:
    server.handler = respond(200, JOB, {"Content-Type": "application/json", "Retry-After": "99999999999"})
    started = time.monotonic()
    with Apiframe(api_key=KEY, base_url=server.url) as client, pytest.raises(WaitTimeoutError):
        client.jobs.wait("job_1", timeout=1.5, max_interval=0.3)
    assert time.monotonic() - started < 6
    assert len(server.requests) >= 3


@pytest.mark.parametrize(
    "arguments",
    [
        {"max_interval": math.nan},
        {"timeout": math.nan},
        {"interval": math.nan},
        {"timeout": math.inf},
        {"interval": -1},
    ],
    ids=["max_interval-nan", "timeout-nan", "interval-nan", "timeout-inf", "interval-negative"],
)
def test_nonsense_wait_settings_are_refused_before_any_request(
    arguments: dict[str, float], client: Apiframe, server: HostileServer
) -> None:
    with pytest.raises(InvalidRequestError, match=r"finite|positive"):
        client.jobs.wait("job_1", **arguments)
    assert server.requests == []


def _slow_body(pieces: int, every: float) -> Iterator[bytes]:
    yield b"\x89PNG\r\n\x1a\n"
    for _ in range(pieces):
        time.sleep(every)
        yield b"x" * 1000


UPLOAD = {
    "byteSize": 5008,
    "contentType": "image/png",
    "expiresAt": "2026-11-23T12:00:00Z",
    "id": "up_1",
    "kind": "image",
    "url": "https://cdn.test/up_1.png",
}


def test_an_upload_slower_than_the_timeout_still_completes(client: Apiframe, server: HostileServer) -> None:
    server.handler = respond_json(200, UPLOAD)
    upload = client.uploads.create(_slow_body(5, 0.3), filename="a.png", timeout=1)
    assert upload.id == "up_1"
    assert len(server.requests) == 1 and len(server.requests[0].body) > 5000


def test_the_answer_to_an_upload_still_has_a_deadline(client: Apiframe, server: HostileServer) -> None:
    server.handler = trickle(200, json.dumps(UPLOAD).encode(), 0.3, {"Content-Type": "application/json"})
    started = time.monotonic()
    with pytest.raises(RequestTimeoutError):
        client.uploads.create(_slow_body(2, 0.2), filename="a.png", timeout=1)
    assert time.monotonic() - started < 6


@pytest.mark.asyncio
async def test_an_async_upload_slower_than_the_timeout_still_completes(server: HostileServer) -> None:
    server.handler = respond_json(200, UPLOAD)

    async def slow() -> AsyncIterator[bytes]:
        yield b"\x89PNG\r\n\x1a\n"
        for _ in range(5):
            await asyncio.sleep(0.3)
            yield b"x" * 1000

    async with AsyncApiframe(api_key=KEY, base_url=server.url, max_retries=0) as client:
        upload = await client.uploads.create(slow(), filename="a.png", timeout=1)
    assert upload.id == "up_1"
