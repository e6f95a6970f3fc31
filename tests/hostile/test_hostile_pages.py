"""Pages that never end (issue 17, point 3): every pager walk is bounded and ends in a typed error
that names the cursor; ``apiframe jobs list --limit N`` stops after N items.

Each server gives up after ``GIVE_UP`` pages with a last page, so the code before the fix ends too
(and the test fails on the number of requests instead of hanging).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import pytest
from click.testing import CliRunner
from hostile_server import KEY, HostileServer, Request, Wire, job_body, respond_json

from apiframe import Apiframe, APIResponseValidationError, AsyncApiframe, PaginationError
from apiframe.cli._app import cli

GIVE_UP = 200
Cursors = Callable[[int], "str | None"]


def lora_body(lora_id: str) -> dict[str, Any]:
    return {
        "id": lora_id, "name": "n", "status": "READY", "subjectKind": "style", "age": None, "gender": None,
        "ethnicity": None, "error": None, "triggerWord": None, "steps": 1000, "loraRank": 16, "imageCount": 20,
        "hasWeights": True, "isReady": True, "teamId": "t", "userId": "u", "createdAt": "2026-11-23T10:00:00Z",
        "startedAt": None, "completedAt": None,
    }  # fmt: skip


def install(server: HostileServer, next_cursor: Cursors, per_page: int = 1) -> None:
    """Answer the n-th list request with ``per_page`` items and ``next_cursor(n)`` (hasMore: true),
    until GIVE_UP requests: then a last page."""

    def handler(request: Request, wire: Wire) -> None:
        n = len(server.requests)
        cursor = next_cursor(n) if n < GIVE_UP else None
        if request.path == "/v2/loras":
            items = [lora_body(f"l{n}-{i}") for i in range(per_page)]
            body = {"items": items, "nextCursor": cursor}
        else:
            body = {"jobs": [job_body(f"j{n}-{i}") for i in range(per_page)], "nextCursor": cursor}
            body["hasMore"] = cursor is not None
        respond_json(200, body)(request, wire)

    server.handler = handler


REPEATED: Cursors = lambda n: "same-cursor"  # noqa: E731
CYCLE: Cursors = lambda n: "A" if n % 2 else "B"  # noqa: E731


@pytest.mark.parametrize(("shape", "cursors", "per_page"), [("repeat", REPEATED, 1), ("cycle", CYCLE, 1)])
@pytest.mark.parametrize("resource", ["jobs", "loras"])
def test_a_repeated_or_cyclic_cursor_ends_the_sync_walk(
    shape: str, cursors: Cursors, per_page: int, resource: str, client: Apiframe, server: HostileServer
) -> None:
    install(server, cursors, per_page)
    with pytest.raises(PaginationError) as caught:
        list(getattr(client, resource).list())
    assert len(server.requests) <= 4
    error = caught.value
    assert isinstance(error, APIResponseValidationError)
    assert error.cursor in ("same-cursor", "A", "B")
    assert f"'{error.cursor}'" in str(error)


@pytest.mark.parametrize("resource", ["jobs", "loras"])
def test_empty_pages_that_claim_more_end_the_walk(resource: str, client: Apiframe, server: HostileServer) -> None:
    install(server, lambda n: f"fresh-{n}", per_page=0)
    with pytest.raises(PaginationError, match="empty"):
        list(getattr(client, resource).list())
    assert len(server.requests) <= 5


def test_a_page_budget_bounds_a_walk_of_fresh_cursors(client: Apiframe, server: HostileServer) -> None:
    install(server, lambda n: f"fresh-{n}")
    first = client.jobs.list()
    with pytest.raises(PaginationError, match="pages") as caught:
        for _ in first.iter_pages(max_pages=7):
            pass
    assert len(server.requests) == 7
    assert caught.value.cursor == "fresh-7"


@pytest.mark.parametrize("resource", ["jobs", "loras"])
@pytest.mark.parametrize("cursors", [REPEATED, CYCLE, lambda n: f"empty-{n}"])
def test_async_for_over_a_pager_is_bounded(resource: str, cursors: Cursors, server: HostileServer) -> None:
    install(server, cursors, per_page=0 if cursors(1).startswith("empty") else 2)

    async def walk() -> None:
        async with AsyncApiframe(api_key=KEY, base_url=server.url, max_retries=0) as client:
            async for _ in getattr(client, resource).list():
                pass

    with pytest.raises(PaginationError):
        asyncio.run(walk())
    assert len(server.requests) <= 5


def test_a_cursor_in_the_message_is_bounded_and_redacted(client: Apiframe, server: HostileServer) -> None:
    cursor = "k" * 5000 + KEY.upper() + "\x1b[2J"
    install(server, lambda n: cursor)
    with pytest.raises(PaginationError) as caught:
        list(client.jobs.list())
    message = str(caught.value)
    assert len(message) < 1000
    assert KEY.upper() not in message and "\x1b" not in message
    assert caught.value.cursor == "k" * 5000 + "[redacted]" + "\x1b[2J"  # whole, for code; never the key


@pytest.mark.parametrize("cursors", [REPEATED, lambda n: f"empty-{n}"])
def test_jobs_list_limit_stops_the_command(cursors: Cursors, server: HostileServer) -> None:
    empty = cursors(1).startswith("empty")
    install(server, cursors, per_page=0 if empty else 1)
    result = CliRunner().invoke(
        cli, ["--api-key", KEY, "--base-url", server.url, "jobs", "list", "--limit", "5"], catch_exceptions=False
    )
    assert len(server.requests) <= 5
    if empty:
        assert result.exit_code == 1
        assert "error:" in result.stderr and "empty-" in result.stderr
    else:
        assert result.exit_code in (0, 1)


def test_jobs_list_limit_takes_n_items_of_fresh_pages(server: HostileServer) -> None:
    install(server, lambda n: f"fresh-{n}")
    result = CliRunner().invoke(
        cli, ["--api-key", KEY, "--base-url", server.url, "--json", "jobs", "list", "--limit", "5"]
    )
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 5
    assert len(server.requests) == 5


LONE: Cursors = lambda n: "c-\ud800"  # noqa: E731  (a JSON escape of half a surrogate pair: no UTF-8 can carry it)


@pytest.mark.parametrize("resource", ["jobs", "loras"])
@pytest.mark.parametrize("how", ["iterate", "next_page", "async for", "async next_page"])
def test_a_cursor_that_cannot_be_sent_back_ends_the_listing(
    how: str, resource: str, client: Apiframe, server: HostileServer
) -> None:
    install(server, LONE)

    async def walk() -> None:
        async with AsyncApiframe(api_key=KEY, base_url=server.url, max_retries=0) as aclient:
            pager = getattr(aclient, resource).list()
            if how == "async for":
                async for _ in pager:
                    pass
            else:
                await (await pager).next_page()

    with pytest.raises(PaginationError, match="cannot be sent back") as caught:
        if how == "iterate":
            list(getattr(client, resource).list())
        elif how == "next_page":
            getattr(client, resource).list().next_page()
        else:
            asyncio.run(walk())
    assert caught.value.cursor == "c-\ud800"
    assert len(server.requests) == 1  # nothing was sent with it


def test_a_cursor_that_cannot_be_sent_back_ends_the_command(server: HostileServer) -> None:
    install(server, LONE)
    result = CliRunner().invoke(cli, ["--api-key", KEY, "--base-url", server.url, "jobs", "list", "--limit", "5"])
    assert result.exit_code == 1, result.output
    assert "cannot be sent back" in result.stderr and "Traceback" not in result.output
    assert len(server.requests) == 1
