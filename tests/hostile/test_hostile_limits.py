"""Memory stays bounded whatever the server sends (observation 7)."""

from __future__ import annotations

import json

import pytest
from hostile_server import KEY, HostileServer, Request, Wire, deep_json, endless, head, job_body, respond

from apiframe import Apiframe, APIResponseValidationError, AsyncApiframe, ServerError, ValidationError
from apiframe._pipeline import MAX_ERROR_BYTES, MAX_JSON_DEPTH, MAX_RESPONSE_BYTES

SLACK = 40 * 1024 * 1024
"""Bytes the kernel's socket buffers may hold beyond what the client read (tcp_rmem and tcp_wmem
can grow to 32 MiB and 4 MiB); an unbounded reader would take gigabytes."""


def _declares(length: int) -> object:
    def handler(request: Request, wire: Wire) -> None:
        wire.keep_alive = False
        wire.send(head(200, {"Content-Length": str(length), "Content-Type": "application/json"}) + b"[[[")
        wire.pause(30)

    return handler


def test_a_declared_oversized_body_is_refused_before_it_is_read(client: Apiframe, server: HostileServer) -> None:
    server.handler = _declares(2 * 1024**3)  # type: ignore[assignment]
    with pytest.raises(APIResponseValidationError, match="declares a 2,147,483,648-byte body"):
        client.jobs.get("job_1")


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "until-close"])
def test_an_endless_body_is_cut_at_the_cap(chunked: bool, client: Apiframe, server: HostileServer) -> None:
    sent: list[Wire] = []
    endless_body = endless(chunked=chunked)

    def handler(request: Request, wire: Wire) -> None:
        sent.append(wire)
        endless_body(request, wire)

    server.handler = handler
    with pytest.raises(APIResponseValidationError, match="limit for API responses"):
        client.jobs.get("job_1")
    assert MAX_RESPONSE_BYTES <= sent[0].sent < MAX_RESPONSE_BYTES + SLACK


@pytest.mark.asyncio
async def test_an_endless_body_is_cut_at_the_cap_async(server: HostileServer) -> None:
    server.handler = endless()
    async with AsyncApiframe(api_key=KEY, base_url=server.url, max_retries=0) as client:
        with pytest.raises(APIResponseValidationError, match="limit for API responses"):
            await client.jobs.get("job_1")


def test_an_endless_error_body_is_read_only_up_to_its_cap(client: Apiframe, server: HostileServer) -> None:
    server.handler = endless(500, content_type="text/plain")
    with pytest.raises(ServerError) as caught:
        client.jobs.get("job_1")
    assert isinstance(caught.value.body, str) and len(caught.value.body) <= 2000
    assert MAX_ERROR_BYTES < 8 * 1024 * 1024


def _deep(status: int, depth: int = 100_000) -> object:
    return respond(status, deep_json(depth), {"Content-Type": "application/json"})


def test_deep_json_is_a_typed_error_on_every_path(client: Apiframe, server: HostileServer) -> None:
    server.handler = _deep(200)  # type: ignore[assignment]
    with pytest.raises(APIResponseValidationError, match=f"nested deeper than {MAX_JSON_DEPTH}"):
        client.jobs.get("job_1")
    with pytest.raises(APIResponseValidationError, match=f"nested deeper than {MAX_JSON_DEPTH}"):
        client.jobs.list()
    with pytest.raises(APIResponseValidationError, match=f"nested deeper than {MAX_JSON_DEPTH}"):
        client.jobs.wait("job_1", timeout=5)
    server.handler = _deep(400)  # type: ignore[assignment]
    with pytest.raises(ValidationError) as caught:
        client.jobs.get("job_1")
    assert isinstance(caught.value.body, str)  # kept as (truncated) text, never parsed


def test_json_just_within_the_nesting_limit_is_parsed(client: Apiframe, server: HostileServer) -> None:
    nested: object = "deep"
    for _ in range(MAX_JSON_DEPTH - 2):
        nested = [nested]
    body = json.dumps(job_body("job_1", result={"nested": nested})).encode()
    server.handler = respond(200, body, {"Content-Type": "application/json"})
    assert client.jobs.get("job_1").id == "job_1"
