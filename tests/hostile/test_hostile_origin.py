"""The key stays with the API's origin and out of every error (observations 1 and 2)."""

from __future__ import annotations

import asyncio
import gc
import pickle
import traceback
import types
from typing import Any

import httpx
import pytest
from hostile_server import KEY, HostileServer, Request, Wire, job_body, redirect, respond, respond_json

from apiframe import (
    Apiframe,
    APIResponseValidationError,
    APIStatusError,
    AsyncApiframe,
    AuthenticationError,
    ConfigurationError,
    NetworkError,
)


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _assert_keyless(error: BaseException) -> None:
    """No trace of the key in the error, its chain, its repr, its pickle or its printed traceback."""
    for link in _chain(error):
        assert KEY not in repr(link) and KEY not in str(link)
        assert KEY not in repr(vars(link)) if hasattr(link, "__dict__") else True
    assert KEY.encode() not in pickle.dumps(error)
    assert KEY not in "".join(traceback.format_exception(error))


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_api_redirects_are_never_followed_even_by_a_following_client(
    status: int, server: HostileServer, other: HostileServer
) -> None:
    server.handler = redirect(status, f"{other.url}/steal")
    other.handler = respond_json(200, job_body("job_1"))
    http = httpx.Client(follow_redirects=True)
    with Apiframe(api_key=KEY, base_url=server.url, http_client=http, max_retries=0) as client:
        with pytest.raises(APIStatusError) as get_error:
            client.jobs.get("job_1")
        with pytest.raises(APIStatusError) as post_error:
            client.images.generate(model="midjourney", prompt="a fox")
    http.close()
    for caught in (get_error, post_error):
        assert type(caught.value) is APIStatusError and caught.value.status_code == status
        assert f"redirects to http://127.0.0.1:{other.port}" in str(caught.value)
        assert "check base_url" in str(caught.value)
    assert other.requests == []
    assert [request.method for request in server.requests] == ["GET", "POST"]


@pytest.mark.asyncio
async def test_async_api_redirects_are_never_followed(server: HostileServer, other: HostileServer) -> None:
    server.handler = redirect(307, f"{other.url}/steal")
    http = httpx.AsyncClient(follow_redirects=True)
    async with AsyncApiframe(api_key=KEY, base_url=server.url, http_client=http, max_retries=0) as client:
        with pytest.raises(APIStatusError, match="never follows a redirect"):
            await client.images.generate(model="midjourney", prompt="a fox")
    await http.aclose()
    assert other.requests == []


@pytest.mark.parametrize(
    "key",
    [KEY + "\r\nX-Injected: 1", KEY + "\x00", KEY + "\x7f", KEY + "é", KEY + "\u2028", " " + KEY, KEY + " x"],
    ids=["crlf", "nul", "del", "non-ascii", "line-separator", "leading-space", "inner-space"],
)
def test_a_malformed_key_is_refused_at_construction_without_echoing_it(key: str, server: HostileServer) -> None:
    with pytest.raises(ConfigurationError) as caught:
        Apiframe(api_key=key, base_url=server.url)
    _assert_keyless(caught.value)
    assert "KEY" in str(caught.value).upper()
    assert server.requests == []


def test_a_key_echoed_by_the_server_is_redacted_in_what_the_error_keeps(server: HostileServer) -> None:
    def echo(request: Request, wire: Wire) -> None:
        given = request.headers["x-api-key"]
        respond_json(401, {"error": f"invalid key {given}", "you_sent": [given]}, {"X-Echo": given})(request, wire)

    server.handler = echo
    with Apiframe(api_key=KEY, base_url=server.url) as client, pytest.raises(AuthenticationError) as caught:
        client.jobs.get("job_1")
    error = caught.value
    assert error.body == {"error": "invalid key [redacted]", "you_sent": ["[redacted]"]}
    assert error.headers["x-echo"] == "[redacted]"
    _assert_keyless(error)
    restored: Any = pickle.loads(pickle.dumps(error))
    assert restored.body == error.body and restored.status_code == 401


def test_a_key_echoed_in_an_unparseable_answer_is_redacted(client: Apiframe, server: HostileServer) -> None:
    def echo(request: Request, wire: Wire) -> None:
        given = request.headers["x-api-key"].encode()
        respond(200, b"<html><title>proxy " + given + b"</title>key=" + given, {"Content-Type": "text/html"})(
            request, wire
        )

    server.handler = echo
    with pytest.raises(APIResponseValidationError) as caught:
        client.jobs.get("job_1")
    assert "[redacted]" in caught.value.body
    _assert_keyless(caught.value)


def test_network_errors_carry_no_request_and_so_no_key(server: HostileServer) -> None:
    def hang_up(request: Request, wire: Wire) -> None:
        wire.keep_alive = False  # read the request, answer nothing, close

    server.handler = hang_up
    with Apiframe(api_key=KEY, base_url=server.url, max_retries=1) as client, pytest.raises(NetworkError) as caught:
        client.jobs.get("job_1")
    assert "RemoteProtocolError" in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__context__ is None
    _assert_keyless(caught.value)
    assert len(server.requests) == 2


def _holders_of_the_key(root: object) -> list[str]:
    """The paths (by type name) from ``root`` to every string or bytes holding the key (modules,
    classes and functions are not followed: they are the program, not what the object keeps)."""
    found: list[str] = []
    seen: set[int] = set()
    stack: list[tuple[object, str]] = [(root, type(root).__name__)]
    while stack:
        node, path = stack.pop()
        if id(node) in seen or isinstance(node, types.ModuleType | type | types.FunctionType | types.CodeType):
            continue
        seen.add(id(node))
        if isinstance(node, str | bytes | bytearray):
            if (KEY if isinstance(node, str) else KEY.encode()) in node:
                found.append(path)
            continue
        stack.extend((child, f"{path} > {type(child).__name__}") for child in gc.get_referents(node))
    return found


@pytest.mark.parametrize("backend", ["sync", "httpx", "aiohttp"])
def test_nothing_a_raw_response_keeps_holds_the_key(backend: str, server: HostileServer) -> None:
    """Its request is rebuilt without credential headers, and the transport's stream (which holds the
    request as sent) is let go once the body is read."""
    server.handler = respond_json(200, job_body("job_1"))
    if backend == "sync":
        with Apiframe(api_key=KEY, base_url=server.url, max_retries=0) as client:
            raw = client.jobs.with_raw_response.get("job_1")
    else:

        async def main() -> Any:
            chosen = "aiohttp" if backend == "aiohttp" else None
            async with AsyncApiframe(api_key=KEY, base_url=server.url, max_retries=0, http_backend=chosen) as client:
                return await client.jobs.with_raw_response.get("job_1")

        raw = asyncio.run(main())
    assert server.requests[0].headers["x-api-key"] == KEY  # it was sent, and is kept nowhere
    assert raw.parse().id == "job_1" and raw.json()["id"] == "job_1"
    assert "x-api-key" not in raw._response.request.headers
    assert str(raw._response.request.url) == f"{server.url}/v2/jobs/job_1"
    assert _holders_of_the_key(raw) == []


def test_nothing_a_streamed_file_keeps_holds_the_key(server: HostileServer, other: HostileServer) -> None:
    other.handler = respond(200, b"\x89PNG\r\n\x1a\n" + bytes(200), {"Content-Type": "image/png"})
    server.handler = respond_json(200, job_body("job_1", result={"urls": [f"{other.url}/a.png"]}))
    with (
        Apiframe(api_key=KEY, base_url=server.url, max_retries=0) as client,
        client.jobs.with_streaming_response.download("job_1") as file,
    ):
        assert b"".join(file.iter_bytes()).startswith(b"\x89PNG")
        assert _holders_of_the_key(file) == []
    assert "x-api-key" not in other.requests[0].headers
