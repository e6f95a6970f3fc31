"""Exactly once under faults: 200 concurrent submissions through 20 % injected failures.

The async client submits 200 jobs, 32 at a time, to a sandbox on 127.0.0.1 that answers one
request in five with a fault: 429 (Retry-After 0), 500, 502, 503, a connection dropped before
the request is processed, one dropped after the job was committed, or a request held longer
than the client's read timeout. Each submission has its own prompt, so every job the sandbox holds
maps back to the one submission that created it.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from apiframe import ApiframeError, AsyncApiframe
from apiframe.testing import FaultConfig, Sandbox, SandboxConfig

SUBMISSIONS = int(os.environ.get("APIFRAME_RELIABILITY_SUBMISSIONS", "200"))
"""200 in the suite; `make bench` runs the large profile (2,000)."""
CONCURRENCY = 32
CLIENT_TIMEOUT = 1.0
"""Seconds each attempt waits for an answer; a call's deadline (all its attempts) is CALL_DEADLINE."""
CALL_DEADLINE = 60.0
FAULTS = FaultConfig(
    rate_429=0.03,
    rate_500=0.03,
    rate_502=0.025,
    rate_503=0.025,
    drop_before=0.03,
    drop_after=0.03,
    rate_slow=0.03,
    slow_seconds=2.5 * CLIENT_TIMEOUT,
    retry_after_seconds=0,
    seed=20260101,
)
FAULT_KINDS = ("429", "500", "502", "503", "drop_before", "drop_after", "slow")


def prompt_of(index: int) -> str:
    return f"exactly-once submission {index:03d}"


@dataclass
class Outcome:
    """What one submission got back: the accepted job id, or the exception it raised."""

    index: int
    job_id: str | None = None
    error: BaseException | None = None


@dataclass
class Wire:
    """Every Idempotency-Key the client put on the wire, per prompt (one per attempt)."""

    keys: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    async def record(self, request: httpx.Request) -> None:
        if request.method == "POST":
            prompt = json.loads(request.content)["prompt"]
            self.keys[prompt].append(request.headers["idempotency-key"])


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    # Jobs outlive the test (nothing here waits for them), so the ticker has little to do.
    with Sandbox(SandboxConfig(job_seconds=120, seed=5, faults=FAULTS)) as running:
        yield running


async def _submit_all(sandbox: Sandbox, wire: Wire) -> list[Outcome]:
    http = httpx.AsyncClient(event_hooks={"request": [wire.record]})
    timeout = httpx.Timeout(CALL_DEADLINE, read=CLIENT_TIMEOUT)
    client = AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, timeout=timeout, http_client=http)
    gate = asyncio.Semaphore(CONCURRENCY)

    async def one(index: int) -> Outcome:
        # A quarter of the calls get no retries, so the typed-error path is taken too.
        retries = 0 if index % 4 == 0 else 6
        async with gate:
            try:
                handle = await client.images.generate(model="midjourney", prompt=prompt_of(index), max_retries=retries)
            except BaseException as error:  # anything at all: the assertions sort it out
                return Outcome(index, error=error)
            return Outcome(index, job_id=handle.job_id)

    try:
        return list(await asyncio.gather(*(one(n) for n in range(SUBMISSIONS))))
    finally:
        await http.aclose()


@pytest.mark.slow
def test_every_submission_is_accepted_once_or_raises_a_typed_error(sandbox: Sandbox) -> None:
    wire = Wire()
    outcomes = asyncio.run(_submit_all(sandbox, wire))
    counts = sandbox.fault_counts()
    # Held (slow) requests whose client gave up are still being processed: let them land
    # before counting, since each may yet create (or replay) a job.
    assert sandbox.wait_idle(timeout=30)
    sandbox.clear_faults()

    # Every fault kind really happened. The first 200 draws of the seeded stream are made
    # whatever order the requests arrive in, so this holds for this seed on every run.
    assert all(counts.get(kind, 0) > 0 for kind in FAULT_KINDS), counts

    # 1. Each call either returned an accepted job or raised an ApiframeError; nothing else escaped.
    escaped = [
        (o.index, type(o.error).__name__) for o in outcomes if o.error and not isinstance(o.error, ApiframeError)
    ]
    assert escaped == []
    returned = {o.index: o.job_id for o in outcomes if o.job_id is not None}
    raised = {o.index: o.error for o in outcomes if o.error is not None}
    assert len(returned) + len(raised) == SUBMISSIONS
    assert len(returned) >= 150  # the calls with retries ride out the faults
    assert raised, "with 50 calls without retries, some must meet a fault and raise"
    assert len(set(returned.values())) == len(returned)

    # 2. The sandbox holds at most one job per submission (mapped back through the prompt) ...
    jobs = sandbox.jobs()
    by_prompt: dict[str, list[str]] = defaultdict(list)
    for job in jobs:
        by_prompt[job["input"]["prompt"]].append(job["id"])
    assert {p: ids for p, ids in by_prompt.items() if len(ids) > 1} == {}
    assert set(by_prompt) <= {prompt_of(n) for n in range(SUBMISSIONS)}

    # ... exactly the job each returning submission was given ...
    for index, job_id in returned.items():
        assert by_prompt.get(prompt_of(index)) == [job_id], f"submission {index}"

    # ... and no job that nobody got back, unless its submission raised. For a raised one
    # nothing more is provable from the client side: a drop after the commit, or a request
    # held past every attempt's timeout, leaves a job the caller never heard of (the
    # Idempotency-Key lets a later retry with the same key collect it), while a fault before
    # processing leaves none. What is provable: at most one job, created under that call's key.
    orphans = {prompt for prompt in by_prompt if int(prompt.rsplit(" ", 1)[1]) not in returned}
    assert orphans <= {prompt_of(index) for index in raised}
    assert len(jobs) == len(returned) + len(orphans)

    # 3. Idempotency: each call used one key for all its attempts, and the sandbox recorded that
    # key against the call's job (so every retry replayed instead of creating a second job).
    recorded = sandbox.idempotency_keys()
    assert len(recorded) == len(jobs)
    for index in range(SUBMISSIONS):
        keys = set(wire.keys[prompt_of(index)])
        assert len(keys) == 1, f"submission {index} sent keys {keys}"
        job_ids = by_prompt.get(prompt_of(index), [])
        assert recorded.get(keys.pop()) == (job_ids[0] if job_ids else None)
    retried = sum(len(attempts) > 1 for attempts in wire.keys.values())
    assert retried > 0
