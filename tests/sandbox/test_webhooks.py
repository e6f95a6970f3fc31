"""Webhooks: delivered to a local receiver, signed like the real API, retried."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from sandbox_helpers import ClientFactory, submit, wait_for

from apiframe.testing import FAIL_TRIGGER, SIGNATURE_HEADER, Sandbox, SandboxConfig
from apiframe.webhooks import sign_webhook


class Receiver:
    """A local webhook endpoint that records requests and can fail on purpose."""

    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.fail_first = 0
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver.lock:
                    receiver.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                    failing = receiver.fail_first > 0
                    receiver.fail_first -= 1
                self.send_response(500 if failing else 204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)

    def events(self) -> list[dict[str, Any]]:
        with self.lock:
            return [json.loads(body) for _, body in self.requests]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    hook = Receiver()
    hook.thread.start()
    yield hook
    hook.server.shutdown()
    hook.server.server_close()
    hook.thread.join()


def _expected_signature(api_key: str, body: bytes) -> str:
    key = hashlib.sha256(api_key.encode()).digest()
    return "sha256=" + hmac.new(key, body, hashlib.sha256).hexdigest()


def test_progress_and_completed_events_are_signed(sandbox: Sandbox, client: httpx.Client, receiver: Receiver) -> None:
    job_id = submit(
        client,
        "/v2/images/generate",
        {
            "model": "nano-banana",
            "prompt": "a hummingbird",
            "webhookUrl": receiver.url,
            "webhookEvents": ["progress", "completed", "failed"],
        },
    )
    assert client.get(f"/v2/jobs/{job_id}").json()["webhookStatus"] == "pending"
    wait_for(client, job_id)
    assert sandbox.wait_for_webhooks()
    events = receiver.events()
    assert [(e["type"], e["progress"]) for e in events] == [
        ("progress", 0),
        ("progress", 25),
        ("progress", 50),
        ("progress", 75),
        ("completed", 100),
    ]
    for headers, body in receiver.requests:
        assert headers[SIGNATURE_HEADER.lower()] == _expected_signature(sandbox.api_key, body)
        assert headers["content-type"] == "application/json"
    done = events[-1]
    assert done["jobId"] == job_id and done["status"] == "COMPLETED"
    assert done["model"] == "nano-banana" and done["error"] is None
    assert done["createdAt"] and done["result"]["urls"]
    assert client.get(done["result"]["urls"][0]).status_code == 200
    assert client.get(f"/v2/jobs/{job_id}").json()["webhookStatus"] == "delivered"


def test_signature_matches_the_sdk_verifier(sandbox: Sandbox, client: httpx.Client, receiver: Receiver) -> None:
    job_id = submit(
        client,
        "/v2/images/generate",
        {"model": "kling-image", "prompt": "a lamp", "webhookUrl": receiver.url},
    )
    wait_for(client, job_id)
    assert sandbox.wait_for_webhooks()
    headers, body = receiver.requests[-1]
    assert sign_webhook(api_key=sandbox.api_key, body=body) == headers[SIGNATURE_HEADER.lower()]


def test_failed_job_sends_failed_event_only_by_default(
    sandbox: Sandbox, client: httpx.Client, receiver: Receiver
) -> None:
    job_id = submit(
        client,
        "/v2/music/generate",
        {"model": "lyria-3-clip", "prompt": f"noise {FAIL_TRIGGER}", "webhookUrl": receiver.url},
    )
    assert wait_for(client, job_id)["status"] == "FAILED"
    assert sandbox.wait_for_webhooks()
    events = receiver.events()
    assert [e["type"] for e in events] == ["failed"]
    assert events[0]["status"] == "FAILED" and FAIL_TRIGGER in events[0]["error"]
    assert events[0]["result"] is None


def test_failed_delivery_is_retried_with_backoff(sandbox: Sandbox, client: httpx.Client, receiver: Receiver) -> None:
    receiver.fail_first = 2
    job_id = submit(
        client,
        "/v2/images/generate",
        {"model": "qwen-image", "prompt": "tofu", "webhookUrl": receiver.url},
    )
    wait_for(client, job_id)
    assert sandbox.wait_for_webhooks()
    attempts = [d for d in sandbox.webhook_deliveries() if d.job_id == job_id]
    assert [(d.attempt, d.status_code) for d in attempts] == [(1, 500), (2, 500), (3, 204)]
    bodies = {body for _, body in receiver.requests}
    assert len(bodies) == 1  # every retry carries the same signed body
    assert client.get(f"/v2/jobs/{job_id}").json()["webhookStatus"] == "delivered"


def test_exhausted_retries_mark_webhook_failed(make_client: ClientFactory, receiver: Receiver) -> None:
    receiver.fail_first = 100
    config = SandboxConfig(job_seconds=0.05, webhook_retry_delays=(0.01, 0.01))
    with Sandbox(config) as sandbox:
        client = make_client(sandbox)
        job_id = submit(
            client,
            "/v2/images/generate",
            {"model": "grok-imagine-image", "prompt": "x", "webhookUrl": receiver.url},
        )
        wait_for(client, job_id)
        assert sandbox.wait_for_webhooks()
        assert len(receiver.requests) == 3
        assert client.get(f"/v2/jobs/{job_id}").json()["webhookStatus"] == "failed"


def test_unreachable_receiver_is_recorded(make_client: ClientFactory) -> None:
    config = SandboxConfig(job_seconds=0.05, webhook_retry_delays=(0.01,))
    with Sandbox(config) as sandbox:
        client = make_client(sandbox)
        job_id = submit(
            client,
            "/v2/images/generate",
            {"model": "reve-create", "prompt": "x", "webhookUrl": "http://127.0.0.1:9/closed"},
        )
        wait_for(client, job_id)
        assert sandbox.wait_for_webhooks()
        deliveries = sandbox.webhook_deliveries()
        assert len(deliveries) == 2
        assert all(d.error and d.status_code is None for d in deliveries)
        assert client.get(f"/v2/jobs/{job_id}").json()["webhookStatus"] == "failed"
