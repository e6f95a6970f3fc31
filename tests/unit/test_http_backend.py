"""Choosing the async client's transport: ``http_backend`` and ``APIFRAME_HTTP_BACKEND``."""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import httpx
import pytest

import apiframe
from apiframe import AiohttpClient, AsyncApiframe, ConfigurationError

KEY = "afk_backend_test_key"


def _transport(client: AsyncApiframe) -> httpx.AsyncBaseTransport:
    http: httpx.AsyncClient = client._http  # type: ignore[attr-defined]
    return http._transport


def _on_aiohttp(transport: httpx.AsyncBaseTransport) -> bool:
    from apiframe._aiohttp import AiohttpTransport  # aiohttp: imported when a test needs it, not at collection

    return isinstance(transport, AiohttpTransport)


def test_default_is_httpx_and_aiohttp_is_chosen_by_argument_or_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("APIFRAME_HTTP_BACKEND", raising=False)
    assert isinstance(_transport(AsyncApiframe(api_key=KEY)), httpx.AsyncHTTPTransport)
    assert _on_aiohttp(_transport(AsyncApiframe(api_key=KEY, http_backend="aiohttp")))
    monkeypatch.setenv("APIFRAME_HTTP_BACKEND", "aiohttp")
    assert _on_aiohttp(_transport(AsyncApiframe(api_key=KEY)))
    assert isinstance(_transport(AsyncApiframe(api_key=KEY, http_backend="httpx")), httpx.AsyncHTTPTransport)


def test_an_unknown_backend_is_refused_in_the_words_of_where_it_came_from(monkeypatch: pytest.MonkeyPatch) -> None:
    bad: Any = "requests"
    with pytest.raises(ConfigurationError, match=r"http_backend must be 'httpx' or 'aiohttp', got 'requests'"):
        AsyncApiframe(api_key=KEY, http_backend=bad)
    monkeypatch.setenv("APIFRAME_HTTP_BACKEND", "curl")
    with pytest.raises(ConfigurationError, match=r"APIFRAME_HTTP_BACKEND environment variable must be .* got 'curl'"):
        AsyncApiframe(api_key=KEY)


def test_http_client_and_http_backend_together_are_refused() -> None:
    with pytest.raises(ConfigurationError, match="not both"):
        AsyncApiframe(api_key=KEY, http_client=httpx.AsyncClient(), http_backend="aiohttp")


def test_without_the_extra_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "httpx_aiohttp", None)  # as if not installed
    monkeypatch.delitem(sys.modules, "apiframe._aiohttp")
    with pytest.raises(ConfigurationError, match=r"the aiohttp extra .*; install it with: pip install ") as caught:
        AsyncApiframe(api_key=KEY, http_backend="aiohttp")
    assert caught.value.__cause__ is None
    with pytest.raises(ImportError, match=r"httpx_aiohttp is not installed"):
        apiframe.__getattr__("AiohttpClient")


def test_aiohttp_client_takes_httpx_arguments_and_keeps_an_explicit_transport() -> None:
    mock = httpx.MockTransport(lambda request: httpx.Response(204))

    async def go() -> int:
        async with AiohttpClient(transport=mock, timeout=3.0) as http:
            assert http.timeout.read == 3.0
            return (await http.get("http://127.0.0.1:9/x")).status_code

    assert asyncio.run(go()) == 204
    assert _on_aiohttp(AiohttpClient()._transport)


def test_the_sdk_owns_and_closes_the_aiohttp_client_it_creates() -> None:
    async def go() -> bool:
        client = AsyncApiframe(api_key=KEY, http_backend="aiohttp")
        await client.aclose()
        http: httpx.AsyncClient = client._http  # type: ignore[attr-defined]
        return http.is_closed

    assert asyncio.run(go())


def test_star_import_works_without_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "httpx_aiohttp", None)
    monkeypatch.delitem(sys.modules, "apiframe._aiohttp")
    namespace: dict[str, Any] = {}
    exec("from apiframe import *", namespace)
    assert "AsyncApiframe" in namespace
    assert "AiohttpClient" not in namespace
