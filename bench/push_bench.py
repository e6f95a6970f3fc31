"""Benchmark 8, waiting by push: the parts ``bench/run.py`` calls (``bench_push`` there).

Jobs are submitted by an ``AsyncApiframe`` configured with ``push=PushSource(hub, url)``; the
sandbox (its own process) delivers their webhooks to a ``WebhookReceiver`` served by uvicorn in
this process. With the in-process hub the receiver publishes to the hub the waits watch; with
Redis the receiver publishes to one ``RedisWebhookHub`` and the waits watch another (separate
connections, like a web process and a worker), so every event crosses a real ``redis-server``.
Measured: requests per job after submission, the latency from the receiver taking the terminal
delivery to the wait returning it, and from the job's completion to the return.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

TERMINAL = {"COMPLETED", "FAILED", "CANCELLED"}


@dataclass
class PushResult:
    requests: int
    after_delivery: list[float] = field(default_factory=list)
    after_completion: list[float] = field(default_factory=list)
    undelivered: int = 0


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    """A redis-server on 127.0.0.1 (free port, temp dir, no persistence)."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError("redis-server is missing: apt-get install -y redis-server")
    workdir = tempfile.mkdtemp(prefix="apiframe-bench-redis-")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    options = ["--port", str(port), "--bind", "127.0.0.1", "--dir", workdir, "--save", "", "--appendonly", "no"]
    process = subprocess.Popen([binary, *options], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


@contextlib.contextmanager
def receiver(hub: Any, api_key: str, receipts: dict[str, float]) -> Iterator[str]:
    """A WebhookReceiver on a free port that notes when each job's terminal delivery was taken."""
    import uvicorn

    from apiframe.webhooks import WebhookEvent, WebhookReceiver

    class Timed:
        """The hub, noting when each terminal event was taken (before it can wake a wait)."""

        blocking = getattr(hub, "blocking", False)

        def publish(self, event: WebhookEvent, *, size: int | None = None) -> bool:
            if event.status in TERMINAL and event.job_id and event.job_id not in receipts:
                receipts[event.job_id] = time.time()
            return bool(hub.publish(event, size=size))

    app = WebhookReceiver(Timed(), api_key=api_key)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", backlog=2048))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/hooks"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


async def _wait(base: str, key: str, jobs: int, push: Any, separate: bool) -> tuple[int, dict[str, tuple[float, Any]]]:
    from apiframe import AsyncApiframe

    count = [0]

    async def hook(request: httpx.Request) -> None:
        count[0] += 1

    returned: dict[str, tuple[float, Any]] = {}
    async with (
        httpx.AsyncClient(timeout=60, event_hooks={"request": [hook]}) as http,
        AsyncApiframe(api_key=key, base_url=base, http_client=http, push=push) as client,
    ):
        accepted = await asyncio.gather(
            *(client.images.generate(model="flux-1.1-pro", prompt=f"push bench {n}") for n in range(jobs))
        )
        count[0] = 0  # requests after submission only
        if separate:

            async def one(handle: Any) -> None:
                job = await handle.wait(timeout=600)
                returned[job.id] = (time.time(), job)

            await asyncio.gather(*(one(a) for a in accepted))
        else:
            async for job in client.jobs.wait_many(accepted, timeout=600):
                returned[job.id] = (time.time(), job)
    return count[0], returned


def run(base: str, key: str, jobs: int, *, redis_url: str | None, separate: bool) -> PushResult:
    """Submit ``jobs`` with push and wait for them; the measured result."""
    from apiframe.webhooks import PushSource, RedisWebhookHub, WebhookHub

    receipts: dict[str, float] = {}
    hubs: list[Any] = []
    if redis_url is None:
        web = waiter = WebhookHub()
    else:
        prefix = f"bench:{time.time_ns()}:"
        web, waiter = RedisWebhookHub(redis_url, prefix=prefix), RedisWebhookHub(redis_url, prefix=prefix)
        hubs = [web, waiter]
    try:
        with receiver(web, key, receipts) as url:
            requests, returned = asyncio.run(_wait(base, key, jobs, PushSource(waiter, url), separate))
    finally:
        for hub in hubs:
            hub.close()
    result = PushResult(requests)
    for job_id, (at, job) in returned.items():
        if job.completed_at is not None:
            result.after_completion.append(at - job.completed_at.timestamp())
        taken = receipts.get(job_id)
        if taken is not None and taken <= at:
            result.after_delivery.append(at - taken)
        else:
            result.undelivered += 1
    assert len(returned) == jobs, f"{jobs - len(returned)} waits did not end"
    return result
