"""The waiting flows with push, on a fake clock and a scripted API (edge cases of the cadence)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx

from apiframe import Apiframe
from apiframe.webhooks import PushSource, WebhookHub, parse_webhook, sign_webhook

KEY = "afk_unit_push_key"
JOB = "3f1c2b7a-0b6f-4c1e-9a53-2f7a4d3b0d9e"


class FakeClock:
    """Time that moves only when slept; ``on_sleep`` runs before each sleep (to deliver events)."""

    def __init__(self, on_sleep: Callable[[float], None]) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self.on_sleep = on_sleep

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.on_sleep(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


def job(status: str, webhook_status: str | None, progress: int = 40) -> dict[str, Any]:
    return {
        "id": JOB,
        "status": status,
        "model": "nano-banana",
        "progress": progress,
        "error": None,
        "creditCost": None,
        "webhookStatus": webhook_status,
        "createdAt": "2026-01-01T00:00:00.000Z",
        "completedAt": None,
        "result": None,
    }


def deliver(hub: WebhookHub, **fields: Any) -> None:
    data = {"event": "completed", "jobId": JOB, "status": "COMPLETED", "progress": 100, "model": "nano-banana"}
    data.update(fields)
    body = json.dumps(data).encode()
    hub.publish(parse_webhook(api_key=KEY, body=body, signature=sign_webhook(api_key=KEY, body=body)))


def client(hub: WebhookHub, clock: FakeClock, answers: list[dict[str, Any]], gets: list[str]) -> Apiframe:
    def handler(request: httpx.Request) -> httpx.Response:
        gets.append(request.url.path)
        return httpx.Response(200, json=answers.pop(0) if len(answers) > 1 else answers[0])

    return Apiframe(
        api_key=KEY,
        base_url="https://api.test",
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        push=PushSource(hub, "https://app.test/hooks", fallback_interval=30),
    )._use_clock(clock)


def test_a_job_with_pending_deliveries_is_looked_at_once_then_ended_by_its_delivery() -> None:
    hub = WebhookHub()
    clock = FakeClock(lambda seconds: deliver(hub, result={"urls": ["https://cdn.test/1.png"]}))
    gets: list[str] = []
    with client(hub, clock, [job("PROCESSING", "pending")], gets) as api:
        done = api.jobs.wait(JOB, timeout=600)
    assert done.status == "COMPLETED" and [o.url for o in done.outputs] == ["https://cdn.test/1.png"]
    assert gets == [f"/v2/jobs/{JOB}"]  # the first look only; the delivery ended the wait
    assert len(clock.sleeps) == 1 and 29 <= clock.sleeps[0] <= 31  # the fallback cadence, not the polling one


def test_failed_deliveries_bring_back_the_normal_polling_cadence() -> None:
    hub = WebhookHub()
    clock = FakeClock(lambda seconds: None)
    gets: list[str] = []
    answers = [job("PROCESSING", "failed"), job("COMPLETED", "failed", progress=100)]
    with client(hub, clock, answers, gets) as api:
        done = api.jobs.wait(JOB, timeout=600)
    assert done.status == "COMPLETED" and len(gets) == 2
    assert clock.sleeps and clock.sleeps[0] < 5  # polled on the waiting strategy, not every 30 s


def test_a_completed_delivery_without_its_result_is_answered_by_one_look() -> None:
    hub = WebhookHub()
    deliver(hub)  # before the wait starts, and without a result
    clock = FakeClock(lambda seconds: None)
    gets: list[str] = []
    finished = {**job("COMPLETED", "delivered", progress=100), "result": {"urls": ["https://cdn.test/2.png"]}}
    with client(hub, clock, [finished], gets) as api:
        done = api.jobs.wait(JOB, timeout=600)
    assert [o.url for o in done.outputs] == ["https://cdn.test/2.png"] and len(gets) == 1 and clock.sleeps == []
