"""Failures that end (issue 22, point 1): a host that never answers the connection attempt fails on the
connect timeout, retried and announced; a server that accepts and never answers costs one call
deadline, not one per attempt (before: 3 attempts of 60 s, 181 s)."""

from __future__ import annotations

import asyncio
import logging

import httpx
import pytest
from hostile_server import KEY, HostileServer, Request, Wire

from apiframe import Apiframe, AsyncApiframe, RequestTimeoutError
from apiframe._retry import RetryNotice


def _notices(caplog: pytest.LogCaptureFixture) -> list[RetryNotice]:
    return [record.apiframe_retry for record in caplog.records if hasattr(record, "apiframe_retry")]


@pytest.mark.parametrize("kind", ["sync", "httpx", "aiohttp"])
def test_a_black_holed_host_fails_on_the_connect_timeout_announcing_each_retry(
    black_hole: str, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    timeout = httpx.Timeout(30.0, connect=0.3)
    with caplog.at_level(logging.INFO, logger="apiframe"), pytest.raises(RequestTimeoutError):
        if kind == "sync":
            with Apiframe(api_key=KEY, base_url=black_hole, timeout=timeout, max_retries=2) as client:
                client.me()
        else:

            async def go() -> None:
                async with AsyncApiframe(
                    api_key=KEY, base_url=black_hole, timeout=timeout, max_retries=2, http_backend=kind
                ) as client:
                    await client.me()

            asyncio.run(go())
    notices = _notices(caplog)
    assert [(n.attempt, n.attempts) for n in notices] == [(1, 2), (2, 2)]
    assert {n.reason for n in notices} == {"no answer from 127.0.0.1 after 0.3 s"}
    assert all(n.delay >= 0 for n in notices)


def _silent(request: Request, wire: Wire) -> None:
    wire.keep_alive = False
    wire.pause(30)  # accepted and read, never answered


@pytest.mark.parametrize("kind", ["sync", "httpx", "aiohttp"])
def test_a_silent_server_costs_one_call_deadline_not_one_per_attempt(server: HostileServer, kind: str) -> None:
    server.handler = _silent
    with pytest.raises(RequestTimeoutError, match="timed out"):
        if kind == "sync":
            with Apiframe(api_key=KEY, base_url=server.url, max_retries=2) as client:
                client.jobs.get("job_1", timeout=1)
        else:

            async def go() -> None:
                async with AsyncApiframe(api_key=KEY, base_url=server.url, max_retries=2, http_backend=kind) as client:
                    await client.jobs.get("job_1", timeout=1)

            asyncio.run(go())
    assert len(server.requests) == 1  # the attempt used the call's whole deadline: no retry past it
