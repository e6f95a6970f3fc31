"""The SDK's clients share one verifying SSL context (apiframe._tls): made once, not per client, and
made again when SSL_CERT_FILE / SSL_CERT_DIR change; verification stays as strict as httpx's."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
from proxies import TlsFront

import apiframe._tls
from apiframe import Apiframe, AsyncApiframe, NetworkError
from apiframe._tls import verifying_context
from apiframe.testing import Sandbox

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


@pytest.fixture
def front(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Sandbox, TlsFront]]:
    """The sandbox behind https://127.0.0.1:PORT, with a self-signed certificate; no proxies, no CA settings."""
    for name in (*PROXY_VARIABLES, "SSL_CERT_FILE", "SSL_CERT_DIR"):
        monkeypatch.delenv(name, raising=False)
    with Sandbox() as sandbox:
        tls = TlsFront(sandbox.base_url, tmp_path)
        try:
            yield sandbox, tls
        finally:
            tls.close()


def test_clients_share_one_strict_context_and_a_new_ca_setting_makes_a_new_one(
    front: tuple[Sandbox, TlsFront], monkeypatch: pytest.MonkeyPatch
) -> None:
    sandbox, tls = front
    shared = verifying_context()
    assert shared.verify_mode == ssl.CERT_REQUIRED and shared.check_hostname
    assert verifying_context() is shared

    # certifi's bundle does not trust the self-signed front: refused, as httpx refuses it
    with (
        Apiframe(api_key=sandbox.api_key, base_url=tls.url, max_retries=0) as client,
        pytest.raises(NetworkError) as refused,
    ):
        client.me()
    assert "CERTIFICATE_VERIFY_FAILED" in str(refused.value)

    monkeypatch.setenv("SSL_CERT_FILE", str(tls.cafile))  # the environment says whom to trust
    trusting = verifying_context()
    assert trusting is not shared and verifying_context() is trusting
    with Apiframe(api_key=sandbox.api_key, base_url=tls.url) as client:
        assert client.me().team.credits >= 0

    async def go() -> int:
        async with AsyncApiframe(api_key=sandbox.api_key, base_url=tls.url) as client:
            return (await client.me()).team.credits

    assert asyncio.run(go()) >= 0
    assert tls.seen == ["GET /v2/me HTTP/1.1"] * 2


def test_twenty_clients_load_the_ca_bundle_once(monkeypatch: pytest.MonkeyPatch) -> None:
    loads: list[object] = []
    load = ssl.SSLContext.load_verify_locations

    def counted(self: ssl.SSLContext, *args: object, **kwargs: object) -> None:
        loads.append(args or kwargs)
        load(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ssl.SSLContext, "load_verify_locations", counted)
    monkeypatch.setattr(apiframe._tls, "_made", None)  # as in a fresh process
    for _ in range(10):
        Apiframe(api_key="afk_tls_test", base_url="http://127.0.0.1:9").close()  # each makes its pool

    async def pools() -> None:
        for _ in range(10):
            client = AsyncApiframe(api_key="afk_tls_test", base_url="http://127.0.0.1:9")
            await client.close()

    asyncio.run(pools())
    assert len(loads) == 1  # httpx alone: one per client (and one per proxy transport)
