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


# -- the strategy: prediction, hints, list batching and its fallbacks ---------------------------


class FakeApi:
    """Jobs on a timeline of the fake clock: QUEUED, then PROCESSING with linear progress, then done.

    Answers ``GET /v2/jobs/{id}`` and ``GET /v2/jobs`` (newest first, cursor = offset); counts both.
    """

    def __init__(self, clock: FakeClock, durations: dict[str, float], *, queued: float = 0.0) -> None:
        self.clock = clock
        self.start = clock.now
        self.durations = durations
        self.queued = queued
        self.hidden: set[str] = set()  # never shown by the listing
        self.list_result = True  # whether list items carry `result`
        self.failing: set[str] = set()
        self.gets: list[str] = []
        self.lists = 0
        self.list_reply: Any = None  # an httpx.Response or exception that replaces every list answer

    def state(self, job_id: str) -> dict[str, Any]:
        elapsed = self.clock.now - self.start
        total = self.durations[job_id]
        if elapsed >= total:
            status = "FAILED" if job_id in self.failing else "COMPLETED"
            return job(job_id, status=status, progress=100, result={"urls": [f"https://x/{job_id}.png"]})
        if elapsed < self.queued:
            return job(job_id, status="QUEUED", progress=0)
        progress = int(100 * (elapsed - self.queued) / (total - self.queued))
        return job(job_id, status="PROCESSING", progress=min(progress, 99))

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/v2/jobs":
            self.lists += 1
            if isinstance(self.list_reply, Exception):
                raise self.list_reply
            if self.list_reply is not None:
                return self.list_reply  # type: ignore[no-any-return]
            shown = [j for j in reversed(list(self.durations)) if j not in self.hidden]  # newest first
            offset = int(request.url.params.get("cursor") or 0)
            limit = int(request.url.params["limit"])
            items = [self.state(j) for j in shown[offset : offset + limit]]
            if not self.list_result:
                for item in items:
                    item.pop("result", None)
            more = offset + limit < len(shown)
            return reply(200, {"jobs": items, "nextCursor": str(offset + limit) if more else None, "hasMore": more})
        job_id = path.rsplit("/", 1)[-1]
        self.gets.append(job_id)
        return reply(200, self.state(job_id))


def naive_polls(duration: float) -> int:
    """GETs a poller needs at 2 s, x1.5, capped at 5 s, one per job per poll."""
    elapsed, pause, polls = 0.0, 2.0, 0
    while True:
        elapsed += pause
        polls += 1
        if elapsed >= duration:
            return polls
        pause = min(5.0, pause * 1.5)


def test_progress_predicts_the_finish_and_the_look_lands_just_after_it(
    client: Any, recorder: Recorder, clock: FakeClock
) -> None:
    api = FakeApi(clock, {"job_1": 60.0}, queued=2.0)
    recorder.default = api
    done = client.jobs.wait("job_1", max_interval=60)
    assert done.status == "COMPLETED"
    finished = api.start + 60.0
    assert 0 <= clock.now - finished <= 2.0  # not early, barely late
    # the queue phase backs off; two PROCESSING snapshots then give the rate, and the next look is the end
    assert len(api.gets) <= naive_polls(60.0) / 2
    assert max(clock.sleeps) > 30  # one long pause aimed at the finish instead of a blind backoff


def test_a_job_stuck_before_its_predicted_finish_is_not_hammered(
    client: Any, recorder: Recorder, clock: FakeClock
) -> None:
    polls = 0

    def answer(request: httpx.Request) -> httpx.Response:
        nonlocal polls
        polls += 1
        if polls == 1:
            return reply(200, job(status="PROCESSING", progress=10))
        if clock.now < 1000 + 120:
            return reply(200, job(status="PROCESSING", progress=min(99, 10 + polls * 30)))
        return reply(200, job(status="COMPLETED", progress=100))

    recorder.default = answer
    client.jobs.wait("job_1", max_interval=10)
    assert polls < 30  # stuck at 99 for ~115 s: backs off to the 10 s cap, never a tight loop
    assert max(clock.sleeps) <= 10 + 1e-6


def test_a_retry_after_hint_on_a_snapshot_sets_the_next_look(client: Any, recorder: Recorder, clock: FakeClock) -> None:
    recorder.queue(
        reply(200, job(status="PROCESSING", progress=5), **{"retry-after": "7"}),
        reply(200, job(status="PROCESSING", progress=50), **{"retry-after": "99"}),
        reply(200, job(status="COMPLETED", progress=100)),
    )
    client.jobs.wait("job_1", max_interval=20)
    assert clock.sleeps == [7.0, 20.0]  # a hint is followed, capped by max_interval


def test_transient_errors_never_end_a_wait_before_its_deadline(
    client: Any, recorder: Recorder, clock: FakeClock
) -> None:
    recorder.default = lambda request: reply(503, {"error": "down"})
    start = clock.now
    with pytest.raises(WaitTimeoutError):
        client.with_options(max_retries=0).jobs.wait("job_1", timeout=120)
    assert clock.now - start == pytest.approx(120)  # errors all along: the deadline ends it, nothing sooner
    recorder.default = None
    recorder.queue(*[reply(502, {"error": "x"}) for _ in range(5)], httpx.ReadError("reset"))
    recorder.queue(reply(429, {"error": "slow"}, **{"retry-after": "3"}), reply(200, job(status="COMPLETED")))
    assert client.with_options(max_retries=0).jobs.wait("job_1", timeout=120).status == "COMPLETED"


def test_wait_many_refreshes_every_job_with_list_pages(client: Any, recorder: Recorder, clock: FakeClock) -> None:
    durations = {f"j{n:03d}": 20.0 + n * 0.01 for n in range(150)}
    api = FakeApi(clock, durations, queued=2.0)
    recorder.default = api
    finished = [j.id for j in client.jobs.wait_many(list(durations))]
    assert sorted(finished) == sorted(durations)
    assert len(set(api.gets)) <= 1  # seen through the listing (a last job alone is polled by id)
    naive = naive_polls(20.0) * len(durations)
    assert api.lists + len(api.gets) < naive / 20  # against one GET per job per poll


def test_wait_many_falls_back_to_gets_for_jobs_the_pages_do_not_show(
    client: Any, recorder: Recorder, clock: FakeClock
) -> None:
    durations = {"old1": 5.0, "old2": 6.0, "a": 7.0, "b": 8.0, "c": 9.0}
    api = FakeApi(clock, durations)
    api.hidden = {"old1", "old2"}
    recorder.default = api
    seen = [(j.id, j.status) for j in client.jobs.wait_many(list(durations))]
    assert [i for i, _ in seen] == ["old1", "old2", "a", "b", "c"]
    # the unlisted jobs are polled by id (and so is a last job left alone); the others never are
    assert {"old1", "old2"} <= set(api.gets) <= {"old1", "old2", "c"}
    assert api.lists >= 1


def test_wait_many_polls_by_id_when_the_key_may_not_list(client: Any, recorder: Recorder, clock: FakeClock) -> None:
    api = FakeApi(clock, {"a": 3.0, "b": 1.0, "c": 2.0})
    api.failing = {"c"}
    api.list_reply = reply(403, {"error": "forbidden"})
    recorder.default = api
    finished = [(j.id, j.status) for j in client.jobs.wait_many(["a", "b", "c"])]
    assert finished == [("b", "COMPLETED"), ("c", "FAILED"), ("a", "COMPLETED")]
    assert api.lists == 1  # tried once, then one GET per job per look


def test_wait_many_fetches_a_completed_job_by_id_when_the_page_lacks_its_result(
    client: Any, recorder: Recorder, clock: FakeClock
) -> None:
    api = FakeApi(clock, {"a": 2.0, "b": 4.0})
    api.list_result = False
    recorder.default = api
    finished = list(client.jobs.wait_many(["a", "b"]))
    assert [j.id for j in finished] == ["a", "b"]
    assert all(j.result == {"urls": [f"https://x/{j.id}.png"]} for j in finished)
    assert sorted(api.gets) == ["a", "b"]  # one GET each, only at completion


def test_wait_many_absorbs_list_errors_until_the_deadline(client: Any, recorder: Recorder, clock: FakeClock) -> None:
    api = FakeApi(clock, {"a": 30.0, "b": 40.0})
    api.list_reply = httpx.ConnectError("refused")
    recorder.default = api
    quiet = client.with_options(max_retries=0)
    start = clock.now
    with pytest.raises(WaitTimeoutError):
        list(quiet.jobs.wait_many(["a", "b"], timeout=25))
    assert clock.now - start == pytest.approx(25)
    api.list_reply = None
    assert {j.id for j in quiet.jobs.wait_many(["a", "b"], timeout=60)} == {"a", "b"}


def test_wait_many_async_batches_too(async_client: Any, recorder: Recorder, clock: FakeClock) -> None:
    api = FakeApi(clock, {"x": 3.0, "y": 5.0})
    recorder.default = api

    async def go() -> list[str]:
        async with async_client:
            return [j.id async for j in async_client.jobs.wait_many(["x", "y"])]

    assert asyncio.run(go()) == ["x", "y"]
    assert api.lists >= 2 and set(api.gets) <= {"y"}


def test_shared_listing_bookkeeping() -> None:
    from apiframe._waiting import SharedListing

    shared = SharedListing()
    shared.follow("a")
    assert not shared.active("a")  # one job alone is polled by id
    shared.follow("b")
    shared.follow("b")  # two waits on the same job
    assert shared.active("a") and shared.active("b")
    assert shared.claim(10.0, gap=0.5) is None  # the first due wait lists
    assert shared.claim(10.01, gap=0.5) == pytest.approx(10.11)  # the others check back shortly
    shared.publish({"a": "item-a"}, {"a", "b"}, now=10.2)  # the pages ended without b
    assert shared.seen_after("a", since=10.0) == (10.2, "item-a")
    assert shared.seen_after("a", since=10.2) is None  # nothing newer than this wait's last look
    assert not shared.active("b")  # the page did not show b: polled by id from now on
    assert shared.claim(10.3, gap=0.5) == pytest.approx(10.7)  # rounds stay `gap` apart
    shared.unfollow("b")
    assert shared.wanted() == ({"a"}, None)  # b is still followed once, but polled by id
    shared.unfollow("b")
    shared.unfollow("a")
    assert shared.wanted() == (set(), None)


def test_shared_listing_turns_off_when_the_key_may_not_list() -> None:
    from apiframe._waiting import SharedListing

    shared = SharedListing()
    shared.follow("a")
    shared.follow("b")
    assert shared.claim(1.0, gap=0.5) is None
    shared.abandon(1.1, disable=True)
    assert not shared.active("a") and not shared.active("b")


def test_concurrent_waits_fall_back_to_gets_when_listing_is_forbidden() -> None:
    from apiframe import AsyncApiframe

    polls: dict[str, int] = {}

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v2/jobs":
            polls["list"] = polls.get("list", 0) + 1
            return reply(403, {"error": "listing needs an admin key"})
        job_id = request.url.path.rsplit("/", 1)[-1]
        polls[job_id] = polls.get(job_id, 0) + 1
        status = "COMPLETED" if polls[job_id] >= 3 else "PROCESSING"
        return reply(200, job(job_id, status=status, progress=100 if status == "COMPLETED" else 10))

    async def go() -> list[str]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(answer))
        async with AsyncApiframe(api_key="afk_unit", base_url="https://api.test", http_client=http) as client:
            done = await asyncio.gather(*(client.jobs.wait(f"job_{n}", interval=0.01, timeout=10) for n in range(3)))
            return [j.status for j in done]

    assert asyncio.run(go()) == ["COMPLETED"] * 3
    assert polls == {"list": 1, "job_0": 3, "job_1": 3, "job_2": 3}  # one refusal turned sharing off
