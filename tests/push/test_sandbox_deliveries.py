"""The sandbox delivers like the API: the body fields and headers, retries on a non-2xx after a
delay, and injected faults that drop or delay deliveries."""

from __future__ import annotations

import json
from collections.abc import MutableMapping
from typing import Any

from push_support import serve

from apiframe import Apiframe
from apiframe.testing import Sandbox
from apiframe.webhooks import parse_webhook

FIELDS = {"event", "jobId", "status", "progress", "result", "model", "creditCost", "completedAt"}


class Recorder:
    """An ASGI app that records deliveries and answers them with scripted statuses (then 200)."""

    def __init__(self, statuses: list[int] | None = None) -> None:
        self.statuses = list(statuses or [])
        self.received: list[tuple[dict[str, str], bytes]] = []

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        self.received.append((headers, body))
        status = self.statuses.pop(0) if self.statuses else 200
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": b""})


def submit(sandbox: Sandbox, url: str, events: list[str] | None = None) -> str:
    with Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
        accepted = client.images.generate(
            model="nano-banana", prompt="a wren", webhook_url=url, webhook_events=events or ["completed", "failed"]
        )
        client.jobs.wait(accepted.job_id, timeout=20)
    assert sandbox.wait_for_webhooks(timeout=10)
    return accepted.job_id


def test_deliveries_carry_the_api_s_fields_and_headers_and_verify(sandbox: Sandbox) -> None:
    recorder = Recorder()
    with serve(recorder) as url:
        job_id = submit(sandbox, url, ["progress", "completed", "failed"])
    assert [json.loads(body)["event"] for _, body in recorder.received] == ["progress"] * 4 + ["completed"]
    for headers, body in recorder.received:
        data = json.loads(body)
        assert set(data) >= FIELDS and data["jobId"] == job_id
        assert headers["x-webhook-event"] == data["event"] and headers["content-type"] == "application/json"
        event = parse_webhook(api_key=sandbox.api_key, body=body, signature=headers["x-webhook-signature"])
        assert event.type == data["event"] and event.job_id == job_id
    done = json.loads(recorder.received[-1][1])
    assert done["status"] == "COMPLETED" and done["result"]["urls"] and done["creditCost"] > 0 and done["completedAt"]


def test_a_non_2xx_answer_is_retried_after_a_delay(sandbox: Sandbox) -> None:
    pauses: list[float] = []
    dispatcher = sandbox.state.webhooks
    real_sleep = dispatcher.sleep

    async def recording_sleep(seconds: float) -> None:
        pauses.append(seconds)
        await real_sleep(seconds)

    dispatcher.sleep = recording_sleep
    recorder = Recorder([500, 503])
    with serve(recorder) as url:
        job_id = submit(sandbox, url)
    assert len(recorder.received) == 3 and len({body for _, body in recorder.received}) == 1
    assert [h["x-webhook-attempt"] for h, _ in recorder.received] == ["1", "2", "3"]
    assert pauses == list(sandbox.config.webhook_retry_delays[:2])
    assert [d.status_code for d in sandbox.webhook_deliveries() if d.job_id == job_id] == [500, 503, 200]


def test_injected_faults_drop_or_delay_deliveries(sandbox: Sandbox) -> None:
    recorder = Recorder()
    dispatcher = sandbox.state.webhooks
    with serve(recorder) as url:
        dispatcher.set_faults(drop=1.0)
        dropped = submit(sandbox, url)
        assert recorder.received == []
        assert [d.error for d in sandbox.webhook_deliveries() if d.job_id == dropped] == ["dropped"]
        with Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
            assert client.jobs.get(dropped).webhook_status == "delivered"  # the sandbox believes it arrived

        pauses: list[float] = []
        real_sleep = dispatcher.sleep

        async def recording_sleep(seconds: float) -> None:
            pauses.append(seconds)
            await real_sleep(seconds)

        dispatcher.sleep = recording_sleep
        dispatcher.set_faults(delay=0.05)
        delayed = submit(sandbox, url)
    assert pauses == [0.05]
    assert [json.loads(body)["jobId"] for _, body in recorder.received] == [delayed]
