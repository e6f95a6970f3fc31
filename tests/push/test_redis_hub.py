"""The Redis hub against a real redis-server: deliveries received in one process end waits in another."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from push_support import raw_redis, serve

from apiframe import Apiframe
from apiframe.testing import Sandbox
from apiframe.webhooks import PushSource, RedisWebhookHub, WebhookReceiver, handle_webhook, parse_webhook, sign_webhook

KEY = "afk_redis_test_key"


def event(key: str = KEY, **fields: Any) -> Any:
    data = {"event": "progress", "jobId": "job-r", "status": "PROCESSING", "progress": 10, "model": "m"}
    data.update(fields)
    body = json.dumps(data).encode()
    return parse_webhook(api_key=key, body=body, signature=sign_webhook(api_key=key, body=body))


@pytest.fixture
def hubs(redis_url: str, redis_prefix: str) -> Iterator[tuple[RedisWebhookHub, RedisWebhookHub]]:
    """Two hubs on the same Redis, as a web process and a worker process would have (the worker
    believes what it reads only when signed for its key)."""
    web = RedisWebhookHub(redis_url, prefix=redis_prefix)
    worker = RedisWebhookHub(redis_url, prefix=redis_prefix, api_key=KEY)
    try:
        yield web, worker
    finally:
        web.close()
        worker.close()


def settle(hub: RedisWebhookHub, job_id: str, status: str) -> Any:
    deadline = time.monotonic() + 5
    while (held := hub.latest(job_id)) is None or held.status != status:
        assert time.monotonic() < deadline, f"{job_id} never reached {status} in this hub"
        time.sleep(0.01)
    return held


def test_an_event_published_anywhere_reaches_every_hub_and_late_watchers(
    hubs: tuple[RedisWebhookHub, RedisWebhookHub],
) -> None:
    web, worker = hubs
    early = worker.watch(["job-r"])  # watching before: the channel brings it
    web.publish(event(progress=40))
    settle(worker, "job-r", "PROCESSING")
    assert "job-r" in early.drain() or worker.latest("job-r") is not None
    early.close()
    web.publish(event(jobId="job-late", event="completed", status="COMPLETED", progress=100, result={"u": 1}))
    late = RedisWebhookHub(worker_url(web), prefix=web.prefix, api_key=KEY)
    try:
        assert late.latest("job-late") is None
        with late.watch(["job-late"]):  # watching after: read from the stored last event
            held = settle(late, "job-late", "COMPLETED")
        assert held.result == {"u": 1}
    finally:
        late.close()


def worker_url(hub: RedisWebhookHub) -> str:
    kwargs = hub._redis.connection_pool.connection_kwargs
    return f"redis://{kwargs['host']}:{kwargs['port']}/{kwargs.get('db', 0)}"


def test_redis_keeps_the_most_advanced_event_with_a_ttl(redis_url: str, redis_prefix: str) -> None:
    first = RedisWebhookHub(redis_url, prefix=redis_prefix, ttl=30)
    second = RedisWebhookHub(redis_url, prefix=redis_prefix, ttl=30)
    try:
        assert first.publish(event(progress=50))
        assert not second.publish(event(progress=25))  # behind: refused by Redis and by the hub
        assert second.publish(event(event="completed", status="COMPLETED", progress=100, result=[1]))
        assert not first.publish(event(progress=75))  # a terminal event is never replaced
        assert not first.publish(event(event="completed", status="COMPLETED", progress=100, result=[1]))  # duplicate
        raw = raw_redis(redis_url)
        stored = raw.get(f"{redis_prefix}job:job-r")
        assert stored is not None and b'"COMPLETED"' in stored
        assert 0 < raw.pttl(f"{redis_prefix}job:job-r") <= 30_000
        raw.close()
    finally:
        first.close()
        second.close()


def test_a_receiver_process_ends_a_wait_in_this_process(
    sandbox: Sandbox, redis_url: str, redis_prefix: str, tmp_path: Path
) -> None:
    script = Path(__file__).with_name("receiver_process.py")
    process = subprocess.Popen(
        [sys.executable, str(script), redis_url, redis_prefix, sandbox.api_key],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=tmp_path,
        env={**_env(), "PYTHONPATH": str(script.parent)},
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().decode().strip()
        assert url.startswith("http://127.0.0.1:")
        hub = RedisWebhookHub(redis_url, prefix=redis_prefix)
        sent: list[str] = []
        http = httpx.Client(event_hooks={"request": [lambda r: sent.append(r.method)]})
        push = PushSource(hub, url + "/hooks", fallback_interval=60)
        with Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, push=push, http_client=http) as client:
            accepted = [client.images.generate(model="nano-banana", prompt=f"relay {n}") for n in range(3)]
            job = accepted[0].wait(timeout=20)
            rest = list(client.jobs.wait_many(accepted[1:], timeout=20))
        hub.close()
        assert job.status == "COMPLETED" and all(j.status == "COMPLETED" for j in rest)
        assert sent.count("GET") == 0, "the deliveries, received by the other process, ended the waits"
    finally:
        assert process.stdin is not None
        process.stdin.close()
        process.wait(timeout=10)


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


def test_when_redis_is_down_the_receiver_answers_503_and_waits_still_end(sandbox: Sandbox) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = f"redis://127.0.0.1:{probe.getsockname()[1]}/0"
    hub = RedisWebhookHub(dead)
    try:
        body = json.dumps({"event": "completed", "jobId": "j", "status": "COMPLETED"}).encode()
        headers = {"X-Webhook-Signature": sign_webhook(api_key=KEY, body=body)}
        assert handle_webhook(hub, body=body, headers=headers, api_key=KEY).status == 503
        with serve(WebhookReceiver(hub, api_key=sandbox.api_key)) as url:
            push = PushSource(hub, url, fallback_interval=0.3)
            with Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, push=push) as client:
                assert client.images.generate(model="nano-banana", prompt="x").wait(timeout=20).status == "COMPLETED"
    finally:
        hub.close()


def test_a_forked_worker_starts_its_own_listener(redis_url: str, redis_prefix: str) -> None:
    """A hub created before a fork (gunicorn --preload) still ends waits in the forked worker."""
    import multiprocessing

    hub = RedisWebhookHub(redis_url, prefix=redis_prefix, api_key=KEY)
    hub.watch(["before-fork"]).close()  # the parent's listener is running
    assert hub.connected.wait(5)
    context = multiprocessing.get_context("fork")
    answer = context.Queue()
    worker = context.Process(target=_forked_wait, args=(hub, answer))
    worker.start()
    try:
        assert answer.get(timeout=10) == "ready"
        publisher = RedisWebhookHub(redis_url, prefix=redis_prefix)
        publisher.publish(event(jobId="in-child", event="completed", status="COMPLETED", progress=100, result=[1]))
        publisher.close()
        assert answer.get(timeout=10) == "COMPLETED"
    finally:
        worker.join(timeout=10)
        hub.close()
    assert worker.exitcode == 0


def _forked_wait(hub: RedisWebhookHub, answer: Any) -> None:
    watch = hub.watch(["in-child"])
    assert hub.connected.wait(5)
    answer.put("ready")
    deadline = time.monotonic() + 8
    while (held := hub.latest("in-child")) is None and time.monotonic() < deadline:
        watch.wait(0.5)
    answer.put(held.status if held is not None else "missing")
    watch.close()
