"""Waits fed by webhook deliveries, against the sandbox over real HTTP, sync and async."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from typing import Any

import httpx
import pytest

from apiframe import Apiframe, AsyncApiframe, JobFailedError, WaitCancelledError, WaitTimeoutError
from apiframe.testing import Sandbox, SandboxConfig
from apiframe.webhooks import PushSource, WebhookHub

FAIL = "sandbox-fail"


class Counting(httpx.Client):
    """An httpx client that counts the requests it sends, by method and path."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[tuple[str, str]] = []
        self._lock = threading.Lock()

    def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        with self._lock:
            self.sent.append((request.method, request.url.path))
        return super().send(request, **kwargs)

    def after_submit(self) -> list[tuple[str, str]]:
        return [s for s in self.sent if s[0] == "GET"]


class AsyncCounting(httpx.AsyncClient):
    def __init__(self) -> None:
        super().__init__()
        self.sent: list[tuple[str, str]] = []

    async def send(self, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        self.sent.append((request.method, request.url.path))
        return await super().send(request, **kwargs)


def client_for(sandbox: Sandbox, push: PushSource | None, http: httpx.Client | None = None) -> Apiframe:
    return Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, push=push, http_client=http)


def test_wait_returns_on_the_delivery_without_polling(sandbox: Sandbox, hub: WebhookHub, receiver_url: str) -> None:
    http = Counting()
    push = PushSource(hub, receiver_url, fallback_interval=60)
    with client_for(sandbox, push, http) as client:
        accepted = client.images.generate(model="nano-banana", prompt="a fox")
        seen: list[tuple[str, int | None]] = []
        job = accepted.wait(timeout=20, on_progress=lambda j: seen.append((str(j.status), j.progress)))
    assert job.status == "COMPLETED" and job.id == accepted.job_id
    assert job.outputs and job.outputs[0].url.startswith(sandbox.base_url)
    assert http.after_submit() == []  # no look at all: the deliveries ended the wait
    assert ("COMPLETED", 100) in seen and any(status == "PROCESSING" for status, _ in seen)
    progress = [p for status, p in seen if status == "PROCESSING"]
    assert progress == sorted(progress)
    submitted = sandbox.job(accepted.job_id)
    assert submitted is not None and submitted["input"]["webhookUrl"] == receiver_url
    assert submitted["input"]["webhookEvents"] == ["progress", "completed", "failed"]


def test_the_call_s_own_webhook_url_wins_and_that_job_is_polled(
    sandbox: Sandbox, hub: WebhookHub, receiver_url: str
) -> None:
    http = Counting()
    push = PushSource(hub, receiver_url, fallback_interval=60)
    other = receiver_url.replace("/hooks", "/elsewhere")
    with client_for(sandbox, push, http) as client:
        accepted = client.images.generate(model="nano-banana", prompt="a fox", webhook_url=other)
        job = accepted.wait(timeout=20)
    assert job.status == "COMPLETED"
    record = sandbox.job(accepted.job_id)
    assert record is not None and record["input"]["webhookUrl"] == other
    assert http.after_submit(), "a job whose deliveries go elsewhere is polled"


def test_wait_many_ends_each_job_on_its_delivery(sandbox: Sandbox, hub: WebhookHub, receiver_url: str) -> None:
    http = Counting()
    push = PushSource(hub, receiver_url, fallback_interval=60)
    with client_for(sandbox, push, http) as client:
        accepted = [client.images.generate(model="nano-banana", prompt=f"fox {n}") for n in range(6)]
        accepted.append(client.images.generate(model="nano-banana", prompt=f"fox {FAIL}"))
        ended = list(client.jobs.wait_many(accepted, timeout=20))
    assert sorted(j.id for j in ended) == sorted(a.job_id for a in accepted)
    statuses = {j.id: str(j.status) for j in ended}
    assert statuses[accepted[-1].job_id] == "FAILED"
    assert all(statuses[a.job_id] == "COMPLETED" for a in accepted[:-1])
    # the failed delivery names no result, the failure reason comes with it or from one GET
    assert len(http.after_submit()) <= 1


def test_a_failed_delivery_raises_the_typed_error(sandbox: Sandbox, hub: WebhookHub, receiver_url: str) -> None:
    with client_for(sandbox, PushSource(hub, receiver_url, fallback_interval=60)) as client:
        accepted = client.music.generate(model="lyria-3-clip", prompt=f"noise {FAIL}")
        with pytest.raises(JobFailedError) as caught:
            accepted.wait(timeout=20)
    assert caught.value.job.id == accepted.job_id and FAIL in str(caught.value)


def test_async_waits_end_on_deliveries(sandbox: Sandbox, hub: WebhookHub, receiver_url: str) -> None:
    async def scenario() -> tuple[list[str], list[tuple[str, str]]]:
        http = AsyncCounting()
        push = PushSource(hub, receiver_url, fallback_interval=60)
        async with AsyncApiframe(
            api_key=sandbox.api_key, base_url=sandbox.base_url, push=push, http_client=http
        ) as client:
            accepted = [await client.images.generate(model="nano-banana", prompt=f"owl {n}") for n in range(3)]
            one = await asyncio.gather(*(a.wait(timeout=20) for a in accepted[:2]))
            more = [job async for job in client.jobs.wait_many([accepted[2]], timeout=20)]
        return [str(j.status) for j in [*one, *more]], [s for s in http.sent if s[0] == "GET"]

    statuses, gets = asyncio.run(scenario())
    assert statuses == ["COMPLETED"] * 3
    assert gets == []


def test_a_delivery_that_arrives_before_the_wait_starts_is_not_missed(
    sandbox: Sandbox, hub: WebhookHub, receiver_url: str
) -> None:
    http = Counting()
    with client_for(sandbox, PushSource(hub, receiver_url, fallback_interval=60), http) as client:
        accepted = client.images.generate(model="nano-banana", prompt="an early bird")
        deadline = time.monotonic() + 10
        while (held := hub.latest(accepted.job_id)) is None or held.status != "COMPLETED":
            assert time.monotonic() < deadline
            time.sleep(0.02)
        job = accepted.wait(timeout=20)
        ended = list(client.jobs.wait_many([accepted.job_id], timeout=20))
    assert job.status == "COMPLETED" and [j.id for j in ended] == [accepted.job_id]
    assert http.after_submit() == []


def test_dropped_deliveries_cost_latency_never_correctness(
    sandbox: Sandbox, hub: WebhookHub, receiver_url: str
) -> None:
    sandbox.state.webhooks.set_faults(drop=1.0)
    http = Counting()
    with client_for(sandbox, PushSource(hub, receiver_url, fallback_interval=0.3), http) as client:
        accepted = [client.images.generate(model="nano-banana", prompt=f"lost {n}") for n in range(3)]
        one = accepted[0].wait(timeout=20)
        rest = list(client.jobs.wait_many(accepted[1:], timeout=20))
    assert one.status == "COMPLETED" and {j.id for j in rest} == {a.job_id for a in accepted[1:]}
    assert all(j.status == "COMPLETED" for j in rest)
    assert len(hub) == 0  # nothing was delivered: the fallback polls found the answers
    assert http.after_submit()


def test_a_receiver_that_is_down_costs_latency_never_correctness(sandbox: Sandbox, hub: WebhookHub) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}/hooks"
    with client_for(sandbox, PushSource(hub, dead, fallback_interval=0.3)) as client:
        accepted = client.images.generate(model="nano-banana", prompt="nobody home")
        job = accepted.wait(timeout=20)
        assert job.status == "COMPLETED"
        assert sandbox.wait_for_webhooks()
        assert client.jobs.get(accepted.job_id).webhook_status == "failed"
        # a wait that starts after the deliveries failed polls on the normal cadence
        assert client.jobs.wait(accepted.job_id, timeout=5).status == "COMPLETED"


def test_the_wait_deadline_holds_with_push(hub: WebhookHub, receiver_url: str) -> None:
    # jobs far longer than the waits, so a loaded machine cannot let the job end before the deadline
    with (
        Sandbox(SandboxConfig(job_seconds=60)) as slow,
        client_for(slow, PushSource(hub, receiver_url, fallback_interval=60)) as client,
    ):
        accepted = client.images.generate(model="nano-banana", prompt="slow")
        started = time.monotonic()
        with pytest.raises(WaitTimeoutError):
            accepted.wait(timeout=0.3)
        with pytest.raises(WaitTimeoutError):
            list(client.jobs.wait_many([accepted], timeout=0.3))
        assert time.monotonic() - started < 5


def test_a_push_wait_can_be_cancelled(sandbox: Sandbox, hub: WebhookHub, receiver_url: str) -> None:
    sandbox.state.webhooks.set_faults(drop=1.0)
    cancel = threading.Event()
    with client_for(sandbox, PushSource(hub, receiver_url, fallback_interval=60)) as client:
        accepted = client.images.generate(model="nano-banana", prompt="never mind")
        threading.Timer(0.2, cancel.set).start()
        with pytest.raises(WaitCancelledError):
            accepted.wait(timeout=30, cancel=cancel)


def test_deliveries_published_in_another_thread_wake_an_async_wait(
    sandbox: Sandbox, hub: WebhookHub, receiver_url: str
) -> None:
    """A delivery handled on the receiver's thread ends a wait running on another thread's loop."""

    async def scenario() -> str:
        async with AsyncApiframe(
            api_key=sandbox.api_key,
            base_url=sandbox.base_url,
            push=PushSource(hub, receiver_url, fallback_interval=60),
        ) as client:
            accepted = await client.videos.generate(model="kling-2.6", prompt="waves")
            job = await accepted.wait(timeout=20)
            return str(job.status)

    assert asyncio.run(scenario()) == "COMPLETED"


def test_a_lost_delivery_never_turns_a_finished_job_into_a_timeout(
    sandbox: Sandbox, hub: WebhookHub, receiver_url: str
) -> None:
    """With the fallback beyond the deadline, the last look still lands before the deadline."""
    sandbox.state.webhooks.set_faults(drop=1.0)
    with client_for(sandbox, PushSource(hub, receiver_url, fallback_interval=600)) as client:
        first, second = (client.images.generate(model="nano-banana", prompt=f"quiet {n}") for n in range(2))
        assert first.wait(timeout=1.2).status == "COMPLETED"
        assert [str(j.status) for j in client.jobs.wait_many([second], timeout=1.2)] == ["COMPLETED"]
