"""Waiting survives transient failures: only the deadline ends a wait early.

While a wait polls the sandbox on 127.0.0.1, every poll fails, one kind of fault after another
(429, 500, 502, 503, connection dropped before or after processing, a poll held past the
client's timeout), each kind at least twice, so the wait must have kept polling after each.
Then the faults stop and the wait returns the COMPLETED job. The client has ``max_retries=0``:
every failure reaches the waiting logic instead of being absorbed by request retries.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from apiframe import (
    Apiframe,
    AsyncApiframe,
    NetworkError,
    RateLimitError,
    ServerError,
    WaitTimeoutError,
)
from apiframe.testing import FaultConfig, Sandbox, SandboxConfig

CLIENT_TIMEOUT = 1.0  # a whole-request deadline: loose enough for a loaded CI machine
POLLING: dict[str, Any] = {"interval": 0.05, "max_interval": 0.1}
PHASES: list[tuple[str, FaultConfig]] = [
    ("429", FaultConfig(rate_429=1.0, retry_after_seconds=0)),
    ("500", FaultConfig(rate_500=1.0)),
    ("502", FaultConfig(rate_502=1.0)),
    ("503", FaultConfig(rate_503=1.0, retry_after_seconds=0)),
    ("drop_before", FaultConfig(drop_before=1.0)),
    ("drop_after", FaultConfig(drop_after=1.0)),
    ("slow", FaultConfig(rate_slow=1.0, slow_seconds=4 * CLIENT_TIMEOUT)),
]


class FaultCycle(threading.Thread):
    """Makes every poll fail, one fault kind per phase, moving on once a kind was met ``hits`` times."""

    def __init__(self, sandbox: Sandbox, hits: int = 2) -> None:
        super().__init__(daemon=True)
        self.sandbox = sandbox
        self.hits = hits
        self.met: dict[str, int] = {}
        self.cleared = threading.Event()

    def begin(self) -> FaultCycle:
        self.sandbox.set_faults(PHASES[0][1])  # before the wait's first poll
        self.start()
        return self

    def run(self) -> None:
        try:
            for number, (kind, faults) in enumerate(PHASES):
                if number:
                    self.sandbox.set_faults(faults)  # switches at once: no poll slips through
                give_up = time.monotonic() + 20
                while self.sandbox.fault_counts().get(kind, 0) < self.hits and time.monotonic() < give_up:
                    time.sleep(0.005)
                self.met[kind] = self.sandbox.fault_counts().get(kind, 0)
        finally:
            self.sandbox.clear_faults()
            self.cleared.set()

    def check(self) -> None:
        """Every phase was met ``hits`` times while the wait ran, and the wait outlived them all."""
        assert self.cleared.is_set(), "the wait returned while every poll was failing"
        assert self.met == {kind: self.met.get(kind, 0) for kind, _ in PHASES}
        assert min(self.met.values()) >= self.hits, self.met


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.3, seed=3)) as running:
        yield running


@pytest.fixture(scope="module")
def slow_jobs() -> Iterator[Sandbox]:
    """Jobs here take a minute: every wait below ends at its deadline."""
    with Sandbox(SandboxConfig(job_seconds=60, seed=4)) as running:
        yield running


def _client(sandbox: Sandbox) -> Apiframe:
    return Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, timeout=CLIENT_TIMEOUT, max_retries=0)


def _async_client(sandbox: Sandbox) -> AsyncApiframe:
    return AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, timeout=CLIENT_TIMEOUT, max_retries=0)


def test_sync_wait_returns_the_completed_job_through_every_fault(sandbox: Sandbox) -> None:
    with _client(sandbox) as client:
        handle = client.images.generate(model="midjourney", prompt="wait through faults")
        cycle = FaultCycle(sandbox).begin()
        job = client.jobs.wait(handle, timeout=60, **POLLING)
    cycle.check()
    assert job.status == "COMPLETED" and job.id == handle.job_id and job.result is not None


def test_sync_wait_many_returns_every_completed_job_through_every_fault(sandbox: Sandbox) -> None:
    with _client(sandbox) as client:
        handles = [client.images.generate(model="flux-1.1-pro", prompt=f"many {n}") for n in range(3)]
        cycle = FaultCycle(sandbox).begin()
        done = list(client.jobs.wait_many(handles, timeout=60, **POLLING))
    cycle.check()
    assert sorted(job.id for job in done) == sorted(h.job_id for h in handles)
    assert {job.status for job in done} == {"COMPLETED"}


def test_async_wait_returns_the_completed_job_through_every_fault(sandbox: Sandbox) -> None:
    async def go() -> tuple[Any, str, FaultCycle]:
        async with _async_client(sandbox) as client:
            handle = await client.music.generate(model="suno", prompt="async wait through faults")
            cycle = FaultCycle(sandbox).begin()
            return await client.jobs.wait(handle.job_id, timeout=60, **POLLING), handle.job_id, cycle

    job, job_id, cycle = asyncio.run(go())
    cycle.check()
    assert job.status == "COMPLETED" and job.id == job_id


def test_async_wait_many_returns_every_completed_job_through_every_fault(sandbox: Sandbox) -> None:
    async def go() -> tuple[list[Any], list[str], FaultCycle]:
        async with _async_client(sandbox) as client:
            handles = [await client.videos.generate(model="veo-3", prompt=f"async many {n}") for n in range(3)]
            cycle = FaultCycle(sandbox).begin()
            done = [job async for job in client.jobs.wait_many(handles, timeout=60, **POLLING)]
            return done, [h.job_id for h in handles], cycle

    done, ids, cycle = asyncio.run(go())
    cycle.check()
    assert sorted(job.id for job in done) == sorted(ids)
    assert {job.status for job in done} == {"COMPLETED"}


DEADLINE_FAULTS = {
    "mixed": FaultConfig(
        rate_429=0.1,
        rate_500=0.1,
        rate_502=0.1,
        rate_503=0.1,
        drop_before=0.1,
        drop_after=0.1,
        rate_slow=0.1,
        slow_seconds=1.0,
        retry_after_seconds=0,
    ),
    "every poll dropped": FaultConfig(drop_before=1.0),
    "every poll 500": FaultConfig(rate_500=1.0),
    "every poll 429": FaultConfig(rate_429=1.0, retry_after_seconds=0),
    "every poll too slow": FaultConfig(rate_slow=1.0, slow_seconds=1.0),
}


def _is_wait_timeout(error: BaseException, job_ids: list[str]) -> None:
    assert type(error) is WaitTimeoutError, f"{type(error).__name__}: {error}"
    assert not isinstance(error, NetworkError | ServerError | RateLimitError)
    assert isinstance(error, WaitTimeoutError) and error.job_id in job_ids
    assert "did not finish within" in str(error)


@pytest.mark.parametrize("faults", list(DEADLINE_FAULTS.values()), ids=list(DEADLINE_FAULTS))
def test_sync_wait_shorter_than_the_job_raises_wait_timeout(slow_jobs: Sandbox, faults: FaultConfig) -> None:
    with _client(slow_jobs) as client:
        handle = client.images.generate(model="midjourney", prompt="too long to wait for")
        slow_jobs.set_faults(faults)
        try:
            with pytest.raises(WaitTimeoutError) as caught:
                client.jobs.wait(handle, timeout=0.6, **POLLING)
            met = sum(slow_jobs.fault_counts().values())
        finally:
            slow_jobs.clear_faults()
    _is_wait_timeout(caught.value, [handle.job_id])
    assert met > 0


def test_sync_wait_many_shorter_than_the_jobs_raises_wait_timeout(slow_jobs: Sandbox) -> None:
    with _client(slow_jobs) as client:
        handles = [client.images.generate(model="midjourney", prompt=f"long {n}") for n in range(2)]
        slow_jobs.set_faults(DEADLINE_FAULTS["mixed"])
        try:
            with pytest.raises(WaitTimeoutError) as caught:
                list(client.jobs.wait_many(handles, timeout=0.6, **POLLING))
        finally:
            slow_jobs.clear_faults()
    _is_wait_timeout(caught.value, [h.job_id for h in handles])


@pytest.mark.parametrize("kind", ["mixed", "every poll dropped", "every poll too slow"])
def test_async_waits_shorter_than_the_job_raise_wait_timeout(slow_jobs: Sandbox, kind: str) -> None:
    async def go() -> tuple[BaseException, BaseException, list[str]]:
        async with _async_client(slow_jobs) as client:
            handles = [await client.images.generate(model="midjourney", prompt=f"async long {n}") for n in range(2)]
            slow_jobs.set_faults(DEADLINE_FAULTS[kind])
            try:
                with pytest.raises(WaitTimeoutError) as one:
                    await client.jobs.wait(handles[0], timeout=0.6, **POLLING)
                with pytest.raises(WaitTimeoutError) as many:
                    _ = [job async for job in client.jobs.wait_many(handles, timeout=0.6, **POLLING)]
            finally:
                slow_jobs.clear_faults()
            return one.value, many.value, [h.job_id for h in handles]

    single, several, ids = asyncio.run(go())
    _is_wait_timeout(single, ids[:1])
    _is_wait_timeout(several, ids)
