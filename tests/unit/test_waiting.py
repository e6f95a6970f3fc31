"""Waiting for jobs: outcomes, backoff, deadlines, transient errors, cancellation, many jobs."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx
import pytest
from unit_support import FakeClock, Recorder, job, reply

from apiframe import JobCancelledError, JobFailedError, WaitCancelledError, WaitTimeoutError


def test_completed_job_is_returned_with_progress_callbacks(client: Any, recorder: Recorder, clock: FakeClock) -> None:
    recorder.queue(
        reply(200, job(status="QUEUED", progress=0)),
        reply(200, job(status="PROCESSING", progress=40)),
        reply(200, job(status="PROCESSING", progress=40)),
        reply(200, job(status="COMPLETED", progress=100, result={"urls": ["https://x/1.png"]})),
    )
    seen: list[tuple[str, int | None]] = []
    done = client.jobs.wait("job_1", on_progress=lambda j: seen.append((j.status, j.progress)))
    assert done.status == "COMPLETED"
    assert seen == [("QUEUED", 0), ("PROCESSING", 40), ("COMPLETED", 100)]  # only on change
    assert len(recorder.requests) == 4
    assert len(clock.sleeps) == 3
    assert all(0 < s <= 15 * 1.1 for s in clock.sleeps)


def test_backoff_grows_to_the_cap(client: Any, recorder: Recorder, clock: FakeClock) -> None:
    recorder.queue(*[reply(200, job(status="PROCESSING", progress=None)) for _ in range(12)])
    recorder.queue(reply(200, job(status="COMPLETED", progress=100)))
    client.jobs.wait("job_1", interval=1, max_interval=4)
    assert clock.sleeps[0] < clock.sleeps[3]
    assert max(clock.sleeps) <= 4 * 1.1
    assert clock.sleeps[-1] >= 4 * 0.9


def test_failed_and_cancelled_raise_with_the_job(client: Any, recorder: Recorder) -> None:
    recorder.queue(reply(200, job(status="FAILED", progress=10, error="NSFW prompt rejected")))
    with pytest.raises(JobFailedError, match="NSFW prompt rejected") as failed:
        client.jobs.wait("job_1")
    assert failed.value.job.status == "FAILED"
    recorder.queue(reply(200, job(status="CANCELLED")))
    with pytest.raises(JobCancelledError) as cancelled:
        client.jobs.wait("job_1")
    assert cancelled.value.job.id == "job_1"


def test_deadline_raises_with_last_snapshot(client: Any, recorder: Recorder, clock: FakeClock) -> None:
    recorder.default = lambda request: reply(200, job(status="PROCESSING", progress=5))
    start = clock.now
    with pytest.raises(WaitTimeoutError) as caught:
        client.jobs.wait("job_1", timeout=30)
    assert caught.value.job_id == "job_1"
    assert caught.value.last.progress == 5
    assert isinstance(caught.value, TimeoutError)
    assert clock.now - start <= 30 + 1e-6


def test_unknown_status_is_not_terminal_and_the_deadline_still_holds(
    client: Any, recorder: Recorder, clock: FakeClock
) -> None:
    recorder.default = lambda request: reply(200, job(status="ARCHIVING", progress=None))
    with pytest.raises(WaitTimeoutError) as caught:
        client.jobs.wait("job_1", timeout=20)
    assert str(caught.value.last.status) == "ARCHIVING"
    assert len(recorder.requests) < 40


def test_transient_errors_are_absorbed(client: Any, recorder: Recorder) -> None:
    recorder.queue(
        reply(200, job(status="PROCESSING", progress=10)),
        reply(503, {"error": "busy"}),
        reply(503, {"error": "busy"}),
        reply(503, {"error": "busy"}),
        httpx.ConnectError("refused"),
        httpx.ConnectError("refused"),
        httpx.ConnectError("refused"),
        reply(429, {"error": "slow"}, **{"retry-after": "2"}),
        reply(200, job(status="COMPLETED", progress=100)),
    )
    assert client.jobs.wait("job_1", timeout=300).status == "COMPLETED"


def test_cancel_event_stops_a_sync_wait(recorder: Recorder) -> None:
    from apiframe import Apiframe

    recorder.default = lambda request: reply(200, job(status="PROCESSING", progress=1))
    cancel = threading.Event()
    cancel.set()
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    client = Apiframe(api_key="afk_x", base_url="https://api.test", http_client=http)
    with pytest.raises(WaitCancelledError):
        client.jobs.wait("job_1", cancel=cancel)
    assert len(recorder.requests) == 1


def test_async_wait_stops_on_task_cancellation(recorder: Recorder) -> None:
    from apiframe import AsyncApiframe

    recorder.default = lambda request: reply(200, job(status="PROCESSING", progress=1))

    async def go() -> bool:
        http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
        client = AsyncApiframe(api_key="afk_x", base_url="https://api.test", http_client=http)
        task = asyncio.create_task(client.jobs.wait("job_1", interval=0.01))
        await asyncio.sleep(0.05)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            return True
        return False

    assert asyncio.run(go())


def test_wait_many_yields_jobs_as_they_finish(client: Any, recorder: Recorder) -> None:
    polls: dict[str, int] = {}

    def answer(request: httpx.Request) -> httpx.Response:
        job_id = request.url.path.rsplit("/", 1)[-1]
        polls[job_id] = polls.get(job_id, 0) + 1
        finish_after = {"a": 3, "b": 1, "c": 2}[job_id]
        if polls[job_id] >= finish_after:
            status = "FAILED" if job_id == "c" else "COMPLETED"
            return reply(200, job(job_id, status=status, progress=100, error="bad" if status == "FAILED" else None))
        return reply(200, job(job_id, status="PROCESSING", progress=50))

    recorder.default = answer
    finished = [(j.id, j.status) for j in client.jobs.wait_many(["a", "b", "c"])]
    assert finished == [("b", "COMPLETED"), ("c", "FAILED"), ("a", "COMPLETED")]
    assert polls == {"a": 3, "b": 1, "c": 2}


def test_wait_many_async(async_client: Any, recorder: Recorder) -> None:
    recorder.default = lambda request: reply(
        200, job(request.url.path.rsplit("/", 1)[-1], status="COMPLETED", progress=100)
    )

    async def go() -> list[str]:
        async with async_client:
            return [j.id async for j in async_client.jobs.wait_many(["x", "y"])]

    assert sorted(asyncio.run(go())) == ["x", "y"]


def test_wait_many_shares_one_deadline(client: Any, recorder: Recorder, clock: FakeClock) -> None:
    recorder.default = lambda request: reply(200, job(status="PROCESSING", progress=None))
    start = clock.now
    with pytest.raises(WaitTimeoutError):
        list(client.jobs.wait_many(["a", "b", "c"], timeout=10))
    assert clock.now - start <= 10 + 1e-6


def test_pagination_walks_every_page_lazily(client: Any, recorder: Recorder) -> None:
    recorder.queue(
        reply(200, {"jobs": [job("j1"), job("j2")], "nextCursor": "c2", "hasMore": True}),
        reply(200, {"jobs": [job("j3")], "nextCursor": None, "hasMore": False}),
    )
    page = client.jobs.list(limit=2)
    assert [j.id for j in page.jobs] == ["j1", "j2"] and page.has_more and page.next_cursor == "c2"
    assert len(recorder.requests) == 1
    assert [j.id for j in page] == ["j1", "j2", "j3"]
    assert recorder.requests[1].url.params["cursor"] == "c2"
    assert recorder.requests[1].url.params["limit"] == "2"
