"""Memory stays bounded whatever the server sends (observation 7)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_server import KEY, HostileServer, Request, Wire, deep_json, endless, head, job_body, respond

from apiframe import (
    Apiframe,
    APIResponseValidationError,
    AsyncApiframe,
    InvalidRequestError,
    ServerError,
    ValidationError,
)
from apiframe._pipeline import MAX_ERROR_BYTES, MAX_JSON_DEPTH, MAX_RESPONSE_BYTES
from apiframe.batch import BatchState, Shard, open_store, parse_lines, read_batch, summarise
from apiframe.batch._budget import read_ledgers
from apiframe.cli._app import cli

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


DEEP_LINE = '{"model": "flux-1.1-pro", "prompt": ' + "[" * 100_000 + "]" * 100_000 + "}"


def test_a_deep_batch_line_is_a_usage_error_naming_the_line(server: HostileServer, tmp_path: Path) -> None:
    """Batch input is read by the one bounded reader: a line nested 100,000 deep is refused before
    anything is sent, never a RecursionError."""
    batch = tmp_path / "in.jsonl"
    batch.write_text('{"model": "flux-1.1-pro", "prompt": "a cat"}\n' + DEEP_LINE + "\n")
    with pytest.raises(InvalidRequestError, match=f"line 2: JSON nested deeper than {MAX_JSON_DEPTH} levels"):
        read_batch(batch)
    with pytest.raises(InvalidRequestError, match="line 1: JSON nested deeper"):
        parse_lines([DEEP_LINE])
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["--api-key", KEY, "--base-url", server.url, "batch", str(batch), "--out", str(out)]
    )
    assert result.exit_code == 2, result.output
    assert "line 2: JSON nested deeper" in result.stderr and "Traceback" not in result.output
    assert server.requests == []
    deep_flag = "[" * 100_000 + "]" * 100_000
    result = CliRunner().invoke(cli, ["--base-url", server.url, "--api-key", KEY, "generate", "image",
                                      "-m", "flux-1.1-pro", "-p", "a cat", "--extra-body", deep_flag])  # fmt: skip
    assert result.exit_code == 2 and "--extra-body is not JSON: JSON nested deeper" in result.stderr, result.output
    result = CliRunner().invoke(cli, ["--base-url", server.url, "--api-key", KEY, "generate", "image",
                                      "-m", "flux-1.1-pro", "-p", "a cat", "--param", f"seed={deep_flag}"])  # fmt: skip
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert server.requests == []


def test_deep_json_in_the_out_store_is_a_damaged_record(tmp_path: Path) -> None:
    """Records, shard plans and credit ledgers another process could have written are read by the
    bounded reader: deep nesting marks them damaged, it does not end the run."""
    deep = b"[" * 30_000 + b"]" * 30_000  # within every read limit of the store

    async def check() -> None:
        store = open_store(str(tmp_path / "out"))
        state = BatchState(store)
        await state.write_plan(Shard(1, 1), 1)
        record = await state.record(1, "pending", key="k-1")
        for name in (record.name, "shards/1/1.json", "credits/1/1.json"):
            await store.write_bytes(name, deep)
        assert [item.name for item in (await state.latest()).damaged] == [record.name]
        summary = await summarise(store)
        assert {item.name for item in summary.damaged} == {"shards/1/1.json", "credits/1/1.json"}
        _, damaged = await read_ledgers(store)
        assert [name for name, _ in damaged] == ["credits/1/1.json"]

    asyncio.run(check())
