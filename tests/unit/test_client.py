"""Client construction, settings, copies and resource cleanup."""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import httpx
import pytest
from unit_support import API_KEY, Recorder, job, reply

from apiframe import Apiframe, AsyncApiframe, ConfigurationError


def test_key_from_argument_or_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APIFRAME_API_KEY", "afk_from_env")
    monkeypatch.delenv("APIFRAME_BASE_URL", raising=False)
    client = Apiframe()
    assert client._session.settings.api_key == "afk_from_env"
    assert client.base_url == "https://api.apiframe.ai"
    assert Apiframe(api_key="afk_arg")._session.settings.api_key == "afk_arg"


@pytest.mark.parametrize("value", [None, "", "   "])
def test_missing_key_fails_at_construction(monkeypatch: pytest.MonkeyPatch, value: str | None) -> None:
    monkeypatch.delenv("APIFRAME_API_KEY", raising=False)
    with pytest.raises(ConfigurationError, match="APIFRAME_API_KEY"):
        Apiframe(api_key=value)
    with pytest.raises(ConfigurationError, match="APIFRAME_API_KEY"):
        AsyncApiframe(api_key=value)


def test_base_url_from_environment_and_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APIFRAME_BASE_URL", "http://127.0.0.1:8790/")
    assert Apiframe(api_key=API_KEY).base_url == "http://127.0.0.1:8790"
    with pytest.raises(ConfigurationError, match="base_url"):
        Apiframe(api_key=API_KEY, base_url="api.apiframe.ai")


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"timeout": 0}, "timeout"),
        ({"timeout": "10"}, "timeout"),
        ({"max_retries": -1}, "max_retries"),
        ({"max_retries": 1.5}, "max_retries"),
    ],
)
def test_bad_settings(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(ConfigurationError, match=match):
        Apiframe(api_key=API_KEY, **kwargs)


def test_repr_and_errors_never_show_the_key() -> None:
    client = Apiframe(api_key=API_KEY)
    assert API_KEY not in repr(client)
    assert API_KEY not in repr(client._session.settings)
    assert API_KEY not in repr(client.with_options(timeout=5))


def test_pyodide_refuses_without_opt_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "emscripten")
    with pytest.raises(ConfigurationError, match="allow_dangerously_expose_api_key"):
        Apiframe(api_key=API_KEY)
    assert Apiframe(api_key=API_KEY, allow_dangerously_expose_api_key=True).base_url


def test_wrong_http_client_type_is_rejected() -> None:
    with pytest.raises(ConfigurationError, match="AsyncApiframe"):
        Apiframe(api_key=API_KEY, http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match=r"httpx\.AsyncClient"):
        AsyncApiframe(api_key=API_KEY, http_client=httpx.Client())  # type: ignore[arg-type]


def test_with_options_shares_the_pool_and_overrides(recorder: Recorder) -> None:
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    client = Apiframe(api_key=API_KEY, base_url="https://api.test", http_client=http, default_headers={"X-A": "1"})
    copy = client.with_options(api_key="afk_other", timeout=7, default_headers={"X-B": "2"})
    assert copy._http is client._http
    recorder.queue(reply(200, job()))
    copy.jobs.get("job_1")
    sent = recorder.requests[0]
    assert sent.headers["x-api-key"] == "afk_other"
    assert sent.headers["x-a"] == "1" and sent.headers["x-b"] == "2"
    assert sent.extensions["timeout"]["read"] == 7
    assert client._session.settings.api_key == API_KEY
    copy.close()
    assert not http.is_closed


def test_user_http_client_keeps_its_own_settings_but_our_auth_applies(recorder: Recorder) -> None:
    http = httpx.Client(transport=httpx.MockTransport(recorder), headers={"X-Proxy-Auth": "p"}, timeout=1)
    with Apiframe(api_key=API_KEY, base_url="https://api.test", http_client=http, timeout=33) as client:
        recorder.queue(reply(200, job()))
        client.jobs.get("job_1")
    sent = recorder.requests[0]
    assert sent.headers["x-proxy-auth"] == "p" and sent.headers["x-api-key"] == API_KEY
    assert sent.extensions["timeout"]["read"] == 33
    assert not http.is_closed  # the user's client is the user's to close
    http.close()


def test_own_pool_is_closed() -> None:
    client = Apiframe(api_key=API_KEY)
    with client:
        pass
    assert client._http.is_closed

    async def go() -> bool:
        async with AsyncApiframe(api_key=API_KEY) as a:
            pass
        return a._http.is_closed

    assert asyncio.run(go())


def test_unknown_request_option_is_rejected(client: Any) -> None:
    with pytest.raises(ConfigurationError, match="unknown request option"):
        client.jobs.get("job_1", retries=3)


def test_copies_keep_every_setting_push_and_transport_included() -> None:
    from apiframe._aiohttp import AiohttpTransport
    from apiframe.webhooks import PushSource, WebhookHub

    push = PushSource(WebhookHub(), "https://app.test/hooks")
    client = AsyncApiframe(api_key=API_KEY, http_backend="aiohttp", push=push, default_headers={"X-A": "1"})
    copy = client.with_options(timeout=3)
    assert copy._session.push is push and copy._session.pool is client._session.pool
    assert isinstance(copy._http._transport, AiohttpTransport)
    assert copy.timeout.read == 3 and copy._session.settings.default_headers == {"X-A": "1"}
    sync = Apiframe(
        api_key=API_KEY, base_url="https://api.test", push=push, max_retries=5, default_headers={"X-B": "2"}
    )
    twin = sync.to_async(http_backend="aiohttp")
    assert isinstance(twin, AsyncApiframe) and twin._session.push is push
    assert twin._session.settings == sync._session.settings
    assert isinstance(twin._http._transport, AiohttpTransport)
