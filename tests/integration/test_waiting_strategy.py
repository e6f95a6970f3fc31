"""The waiting strategy over real HTTP against the sandbox, counting the requests it makes."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator

import httpx
import pytest

from apiframe import Apiframe, AsyncApiframe
from apiframe.testing import Sandbox, SandboxConfig

JOBS = 20
JOB_SECONDS = 2.0


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=JOB_SECONDS, seed=3)) as running:
        yield running


def naive_requests(duration: float) -> int:
    """GETs per job of a poller looking every second (its fastest pace here), one GET per job per look."""
    return int(duration) + 1


def test_wait_many_of_twenty_jobs_lists_instead_of_polling_each(sandbox: Sandbox) -> None:
    paths: Counter[str] = Counter()

    def count(request: httpx.Request) -> None:
        paths["list" if request.url.path == "/v2/jobs" else "get" if request.method == "GET" else "other"] += 1

    http = httpx.Client(event_hooks={"request": [count]})
    with http, Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, http_client=http) as client:
        ids = [client.images.generate(model="flux-1.1-pro", prompt=f"strategy {n}").job_id for n in range(JOBS)]
        paths.clear()
        done = list(client.jobs.wait_many(ids, timeout=60))
    assert sorted(j.id for j in done) == sorted(ids)
    assert all(j.status == "COMPLETED" and j.result for j in done)
    spent = paths["list"] + paths["get"]
    assert spent < JOBS * naive_requests(JOB_SECONDS) / 4
    assert paths["list"] >= 1 and paths["get"] <= 2  # by the listing (a last job alone may be fetched by id)


def test_async_wait_many_and_a_separate_wait_against_the_sandbox(sandbox: Sandbox) -> None:
    requests: list[str] = []

    async def count(request: httpx.Request) -> None:
        requests.append(request.url.path)

    async def go() -> tuple[list[str], str]:
        http = httpx.AsyncClient(event_hooks={"request": [count]})
        async with http, AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, http_client=http) as client:
            accepted = [await client.images.generate(model="flux-1.1-pro", prompt=f"a {n}") for n in range(5)]
            requests.clear()
            finished = [j.id async for j in client.jobs.wait_many([a.job_id for a in accepted], timeout=60)]
            single = await client.jobs.wait(accepted[0].job_id, timeout=60)
            return finished, single.status

    finished, status = asyncio.run(go())
    assert len(finished) == 5 and status == "COMPLETED"
    assert len(requests) < 5 * naive_requests(JOB_SECONDS)


def test_separate_concurrent_waits_share_list_pages(sandbox: Sandbox) -> None:
    requests: Counter[str] = Counter()

    async def count(request: httpx.Request) -> None:
        requests["list" if request.url.path == "/v2/jobs" else "get" if request.method == "GET" else "post"] += 1

    async def go() -> list[str]:
        http = httpx.AsyncClient(event_hooks={"request": [count]})
        async with http, AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, http_client=http) as client:
            accepted = [await client.images.generate(model="flux-1.1-pro", prompt=f"s {n}") for n in range(JOBS)]
            done = await asyncio.gather(*(handle.wait(timeout=60) for handle in accepted))
            assert client._session.listing.wanted() == (set(), None)  # every wait unfollowed its job
            return [job.status for job in done if job.result]

    statuses = asyncio.run(go())
    assert statuses == ["COMPLETED"] * JOBS
    assert requests["list"] >= 1
    assert requests["list"] + requests["get"] < JOBS * naive_requests(JOB_SECONDS) / 4


def test_sync_waits_in_threads_share_list_pages(sandbox: Sandbox) -> None:
    from concurrent.futures import ThreadPoolExecutor

    requests: Counter[str] = Counter()

    def count(request: httpx.Request) -> None:
        requests["list" if request.url.path == "/v2/jobs" else "get" if request.method == "GET" else "post"] += 1

    http = httpx.Client(event_hooks={"request": [count]})
    with http, Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, http_client=http) as client:
        ids = [client.images.generate(model="flux-1.1-pro", prompt=f"t {n}").job_id for n in range(8)]
        with ThreadPoolExecutor(max_workers=8) as pool:
            done = list(pool.map(lambda job_id: client.jobs.wait(job_id, timeout=60), ids))
    assert [job.id for job in done] == ids
    assert all(job.status == "COMPLETED" for job in done)
    assert requests["list"] >= 1
    assert requests["list"] + requests["get"] < 8 * naive_requests(JOB_SECONDS) / 2


def test_waits_keep_sharing_pages_while_newer_jobs_keep_coming() -> None:
    """A batch's pattern: a stream of submissions, each followed by its wait, many in flight.

    The jobs waited on sit below jobs created after them (submitted but not yet waited on, or
    already finished), so a round must walk past those: a round that stopped early once turned
    sharing off for the client, and every job was then fetched by id.
    """
    lines, in_flight = 600, 256
    requests: Counter[str] = Counter()

    async def count(request: httpx.Request) -> None:
        requests["list" if request.url.path == "/v2/jobs" else "get" if request.method == "GET" else "post"] += 1

    async def go(sandbox: Sandbox) -> list[str]:
        gate = asyncio.Semaphore(in_flight)
        http = httpx.AsyncClient(event_hooks={"request": [count]})
        async with http, AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, http_client=http) as client:

            async def line(n: int) -> str:
                async with gate:
                    accepted = await client.images.generate(model="flux-1.1-pro", prompt=f"stream {n}")
                    job = await accepted.wait(timeout=60)
                    return job.status if job.result else "no result"

            return list(await asyncio.gather(*(line(n) for n in range(lines))))

    with Sandbox(SandboxConfig(job_seconds=0.02, seed=5, initial_credits=10**9)) as sandbox:
        statuses = asyncio.run(go(sandbox))
    assert statuses == ["COMPLETED"] * lines
    assert requests["post"] == lines
    assert requests["get"] < lines / 10, requests  # the pages, not one GET per job, ended the waits
    assert requests["list"] < lines / 4, requests
