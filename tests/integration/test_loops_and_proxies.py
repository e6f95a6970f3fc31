"""One client, any event loop; the environment's proxies, as httpx has them (issue 17, points 5 and 6).

An ``AsyncApiframe`` is used from a second event loop (``asyncio.run`` twice, as in scripts, notebooks
restarting their loop and pytest-asyncio's loop per test) and from a loop per thread, on the default
transport and on aiohttp (the integration conftest runs each test on both). Environment proxies
(``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``, ``NO_PROXY``) are followed by the sync client, the
async client and its aiohttp backend alike, through a real forward proxy and a real CONNECT proxy
on 127.0.0.1 (``proxies.py``).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from proxies import ConnectProxy, ForwardProxy, TlsFront

from apiframe import Apiframe, AsyncApiframe
from apiframe.testing import Sandbox, SandboxConfig

PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.2)) as running:
        yield running


@pytest.fixture
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """The test's own proxy variables only (upper and lower case, as httpx reads both)."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


def test_one_async_client_on_one_loop_after_another(sandbox: Sandbox) -> None:
    client = AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url)
    credits = [asyncio.run(client.me()).team.credits for _ in range(3)]  # a new loop each time
    assert len(credits) == 3

    async def submit_and_wait() -> str:
        handle = await client.images.generate(model="flux-1.1-pro", prompt="a lighthouse")
        return (await handle.wait(interval=0.05, timeout=20)).status

    assert asyncio.run(submit_and_wait()) == "COMPLETED"
    assert asyncio.run(submit_and_wait()) == "COMPLETED"
    asyncio.run(client.aclose())


@pytest.fixture(params=["httpx", "aiohttp"])
def warmed(request: pytest.FixtureRequest, sandbox: Sandbox) -> AsyncApiframe:
    """A client made and used on a loop of the fixture's own (as a notebook cell or a setup step does)."""
    client = AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, http_backend=request.param)
    asyncio.run(client.me())
    return client


@pytest.mark.asyncio
async def test_a_client_used_on_another_loop_works_on_pytest_asyncios(warmed: AsyncApiframe) -> None:
    assert (await warmed.me()).team.credits >= 0
    await warmed.aclose()


def test_one_async_client_on_a_loop_per_thread(sandbox: Sandbox) -> None:
    client = AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url)
    start = threading.Barrier(4)
    results: list[object] = []

    def work() -> None:
        async def calls() -> int:
            start.wait()
            for _ in range(5):
                await client.me()
            return 5

        try:
            results.append(asyncio.run(calls()))
        except Exception as error:  # collected: the assertion below shows it
            results.append(error)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [5, 5, 5, 5]


@pytest.mark.parametrize("variable", ["HTTP_PROXY", "ALL_PROXY"])
def test_a_forward_proxy_from_the_environment_carries_every_client(
    sandbox: Sandbox, no_proxies: pytest.MonkeyPatch, variable: str
) -> None:
    proxy = ForwardProxy()
    try:
        no_proxies.setenv(variable, proxy.url)
        with Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
            client.me()
        assert proxy.seen == [f"GET {sandbox.base_url}/v2/me"]

        async def go() -> None:
            async with AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
                await client.me()

        asyncio.run(go())
        assert proxy.seen == [f"GET {sandbox.base_url}/v2/me"] * 2
    finally:
        proxy.close()


def test_no_proxy_sends_straight_to_the_host(sandbox: Sandbox, no_proxies: pytest.MonkeyPatch) -> None:
    proxy = ForwardProxy()
    try:
        no_proxies.setenv("HTTP_PROXY", proxy.url)
        no_proxies.setenv("NO_PROXY", "127.0.0.1")

        async def go() -> int:
            async with AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
                return (await client.me()).team.credits

        assert asyncio.run(go()) >= 0
        assert proxy.seen == []
    finally:
        proxy.close()


def test_an_https_api_through_a_connect_proxy(sandbox: Sandbox, no_proxies: pytest.MonkeyPatch, tmp_path: Path) -> None:
    front = TlsFront(sandbox.base_url, tmp_path)
    proxy = ConnectProxy()
    try:
        no_proxies.setenv("SSL_CERT_FILE", str(front.cafile))  # httpx trusts what the environment says
        no_proxies.setenv("HTTPS_PROXY", proxy.url)
        target = f"127.0.0.1:{front.port}"
        with Apiframe(api_key=sandbox.api_key, base_url=front.url) as client:
            client.me()
        assert proxy.seen == [f"CONNECT {target}"]

        async def go() -> None:
            async with AsyncApiframe(api_key=sandbox.api_key, base_url=front.url) as client:
                await client.me()

        asyncio.run(go())
        assert proxy.seen == [f"CONNECT {target}"] * 2
        assert front.seen == ["GET /v2/me HTTP/1.1"] * 2
    finally:
        proxy.close()
        front.close()
