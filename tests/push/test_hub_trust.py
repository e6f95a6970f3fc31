"""Anyone who can write to Redis is outside the trust line (issue 17, point 4).

An event read from the Redis hub (a PUBLISH on its channel or a SET of a job's key) is believed
only when it carries a delivery body signed for the waiting client's API key; forged, unsigned or
foreign-signed events are ignored and counted, and a wait ends on the real job instead.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from push_support import raw_redis, serve

from apiframe import Apiframe
from apiframe.testing import Sandbox, SandboxConfig
from apiframe.webhooks import (
    PushSource,
    RedisWebhookHub,
    WebhookHub,
    WebhookReceiver,
    WebhookVerificationError,
    parse_webhook,
    sign_webhook,
)
from apiframe.webhooks._verify import event_from_data

EVIL = "http://127.0.0.1:9/forged.png"


def forged_records(job_id: str, api_key: str) -> list[bytes]:
    """Every shape a forger can write: the old unsigned form, a bad signature, a signature of
    another key, a body signed for the key but of another job, and junk."""
    body = json.dumps(
        {"event": "completed", "jobId": job_id, "status": "COMPLETED", "progress": 100, "result": {"url": EVIL}}
    ).encode()
    other = json.dumps({"event": "completed", "jobId": "someone-else", "status": "COMPLETED", "result": {}}).encode()
    return [
        b"1|100.0|" + body,
        b"1|100.0|sha256=" + b"0" * 64 + b"|" + body,
        b"1|100.0|" + sign_webhook(api_key="afk_the_forgers_own_key", body=body).encode() + b"|" + body,
        b"1|100.0|" + sign_webhook(api_key=api_key, body=other).encode() + b"|" + other,
        b"1|100.0|\xff\xfe|\x00",
    ]


@pytest.fixture
def slow_sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=1.5, tick_seconds=0.01, webhook_retry_delays=(0.05,))) as running:
        yield running


def test_forged_events_in_redis_never_end_a_wait(slow_sandbox: Sandbox, redis_url: str, redis_prefix: str) -> None:
    hub = RedisWebhookHub(redis_url, prefix=redis_prefix)
    raw = raw_redis(redis_url)
    try:
        with serve(WebhookReceiver(WebhookHub(), api_key="afk_not_this_one")) as url:  # deliveries get 401
            push = PushSource(hub, url, fallback_interval=0.3)
            with Apiframe(api_key=slow_sandbox.api_key, base_url=slow_sandbox.base_url, push=push) as client:
                accepted = client.images.generate(model="nano-banana", prompt="a lighthouse")
                hub.start()
                assert hub.connected.wait(5)
                forged = forged_records(accepted.job_id, slow_sandbox.api_key)
                stop = threading.Event()

                def forge() -> None:
                    while not stop.is_set():
                        for record in forged:
                            raw.publish(f"{redis_prefix}events", record)
                            raw.set(f"{redis_prefix}job:{accepted.job_id}", record)
                        stop.wait(0.05)

                forger = threading.Thread(target=forge, daemon=True)
                forger.start()
                try:
                    job = accepted.wait(timeout=20)
                finally:
                    stop.set()
                    forger.join()
        assert job.status == "COMPLETED"
        assert EVIL not in json.dumps(job.to_dict(), default=str), "the wait took the forger's result"
        assert job.outputs and all(o.url.startswith(slow_sandbox.base_url) for o in job.outputs)
        assert hub.rejected >= len(forged), "every forged event was counted"
    finally:
        raw.close()
        hub.close()


def test_forged_stored_events_are_not_taken_by_a_late_watcher(redis_url: str, redis_prefix: str) -> None:
    key = "afk_trusting_waiter_key"
    raw = raw_redis(redis_url)
    for n, record in enumerate(forged_records("late-job", key)):
        raw.set(f"{redis_prefix}job:late-job-{n}", record.replace(b"late-job", f"late-job-{n}".encode()))
    raw.set(f"{redis_prefix}job:late-hash", "x")
    raw.delete(f"{redis_prefix}job:late-hash")
    raw.hset(f"{redis_prefix}job:late-hash", "a", "b")  # a key of another type must not break the listener
    raw.close()
    hub = RedisWebhookHub(redis_url, prefix=redis_prefix, api_key=key)
    try:
        ids = [f"late-job-{n}" for n in range(5)] + ["late-hash"]
        with hub.watch(ids):
            deadline = time.monotonic() + 5
            while hub.rejected < 4 and time.monotonic() < deadline:
                time.sleep(0.02)
        assert all(hub.latest(job_id) is None for job_id in ids)
        assert hub.rejected >= 4
        good = signed_event(key, jobId="late-ok", event="completed", status="COMPLETED", result={"u": 1})
        RedisWebhookHub(redis_url, prefix=redis_prefix).publish(good)  # a receiver's hub: no key needed
        with hub.watch(["late-ok"]):
            deadline = time.monotonic() + 5
            while hub.latest("late-ok") is None and time.monotonic() < deadline:
                time.sleep(0.02)
        held = hub.latest("late-ok")
        assert held is not None and held.result == {"u": 1}
    finally:
        hub.close()


def signed_event(key: str, **fields: Any) -> Any:
    body = json.dumps(fields).encode()
    return parse_webhook(api_key=key, body=body, signature=sign_webhook(api_key=key, body=body))


def test_an_unsigned_event_cannot_be_published_to_a_shared_hub_without_a_key(redis_url: str, redis_prefix: str) -> None:
    unsigned = event_from_data({"event": "completed", "jobId": "j", "status": "COMPLETED"})
    hub = RedisWebhookHub(redis_url, prefix=redis_prefix, api_key=None)
    try:
        with pytest.raises(WebhookVerificationError, match="api_key"):
            hub.publish(unsigned)
    finally:
        hub.close()
    signer = RedisWebhookHub(redis_url, prefix=redis_prefix, api_key="afk_the_receivers_key")
    reader = RedisWebhookHub(redis_url, prefix=redis_prefix, api_key="afk_the_receivers_key")
    try:
        assert signer.publish(event_from_data({"event": "completed", "jobId": "j2", "status": "COMPLETED"}))
        with reader.watch(["j2"]):
            deadline = time.monotonic() + 5
            while reader.latest("j2") is None and time.monotonic() < deadline:
                time.sleep(0.02)
        assert reader.latest("j2") is not None and reader.rejected == 0
    finally:
        signer.close()
        reader.close()


def test_the_hub_keeps_no_key_in_its_repr_or_a_pickle(redis_url: str, redis_prefix: str, tmp_path: Path) -> None:
    import pickle

    hub = RedisWebhookHub(redis_url, prefix=redis_prefix, api_key="afk_secret_of_the_hub_1234")
    try:
        assert "afk_secret" not in repr(hub)
        with pytest.raises(TypeError):
            pickle.dumps(hub)
    finally:
        hub.close()


def test_an_unsigned_event_header_never_decides_a_jobs_status() -> None:
    """``X-Webhook-Event`` is outside the signature: a replayed signed body that names no status
    cannot be turned into a COMPLETED event (with its result) by the header sent beside it."""
    from apiframe.webhooks import handle_webhook
    from apiframe.webhooks._hub import status_of

    key = "afk_header_key"
    body = json.dumps({"jobId": "j-header", "progress": 40, "result": {"url": EVIL}}).encode()
    hub = WebhookHub()
    headers = {"X-Webhook-Signature": sign_webhook(api_key=key, body=body), "X-Webhook-Event": "completed"}
    answer = handle_webhook(hub, body=body, headers=headers, api_key=key)
    assert answer.status == 200 and answer.event is not None
    assert answer.event.type == "completed"  # shown as sent
    assert status_of(answer.event) is None  # but it decides nothing
    held = hub.latest("j-header")
    assert held is not None and status_of(held) is None
