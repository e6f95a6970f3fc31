"""``apiframe webhooks listen``: a real process receives the sandbox's deliveries, prints and forwards them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from push_support import serve

from apiframe import Apiframe
from apiframe.testing import Sandbox
from apiframe.webhooks import WebhookHub, WebhookReceiver, sign_webhook

CLI = [sys.executable, "-m", "apiframe"]


def read_json_line(process: subprocess.Popen[bytes]) -> dict[str, Any]:
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line, "the listener stopped"
    data: dict[str, Any] = json.loads(line)
    return data


def test_listen_verifies_prints_and_forwards_sandbox_deliveries(sandbox: Sandbox, tmp_path: Path) -> None:
    forwarded = WebhookHub()
    with serve(WebhookReceiver(forwarded, api_key=sandbox.api_key)) as app_url:
        env = {**os.environ, "APIFRAME_API_KEY": sandbox.api_key}
        process = subprocess.Popen(
            [sys.executable, "-m", "apiframe", "--jsonl", "webhooks", "listen", "--port", "0", "--forward-to", app_url],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=tmp_path,
            env=env,
        )
        try:
            where = read_json_line(process)["listening"]
            assert where.startswith("http://127.0.0.1:")
            with Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
                accepted = client.images.generate(
                    model="nano-banana", prompt="a heron", webhook_url=where, webhook_events=["completed", "failed"]
                )
                client.jobs.wait(accepted.job_id, timeout=20)
            printed = read_json_line(process)
            assert printed["accepted"] is True and printed["event"]["jobId"] == accepted.job_id
            assert printed["event"]["event"] == "completed"
            assert read_json_line(process) == {"forwarded": app_url, "status": 200}
            held = forwarded.latest(accepted.job_id)
            assert held is not None and held.status == "COMPLETED"  # same body, same signature

            body = b'{"event":"completed","jobId":"forged","status":"COMPLETED"}'
            forged = httpx.post(
                where, content=body, headers={"X-Webhook-Signature": sign_webhook(api_key="afk_x", body=body)}
            )
            assert forged.status_code == 401
            assert read_json_line(process) == {"accepted": False, "status": 401}
            assert forwarded.latest("forged") is None
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.mark.slow
def test_the_cli_waits_by_push_through_listen_and_redis(
    sandbox: Sandbox, redis_url: str, redis_prefix: str, tmp_path: Path
) -> None:
    """`webhooks listen --redis` receives; `apiframe generate` in another process returns on the delivery."""
    env = {**os.environ, "APIFRAME_API_KEY": sandbox.api_key}
    listener = subprocess.Popen(
        [sys.executable, "-m", "apiframe", "--jsonl", "webhooks", "listen", "--port", "0", "--redis", redis_url],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=tmp_path,
        env=env,
    )
    try:
        where = read_json_line(listener)["listening"]
        request = ["generate", "image", "-m", "nano-banana", "-p", "a kingfisher", "--out", str(tmp_path / "out")]
        generate = subprocess.run(
            [*CLI, "--base-url", sandbox.base_url, *request],
            capture_output=True,
            cwd=tmp_path,
            env={**env, "APIFRAME_PUSH_URL": where, "APIFRAME_PUSH_REDIS": redis_url, "APIFRAME_LOG": "debug"},
            timeout=60,
            check=False,
        )
        assert generate.returncode == 0, generate.stderr.decode()[-2000:]
        log = generate.stderr.decode()
        assert "POST /v2/images/generate" in log
        assert "GET /v2/jobs" not in log, "the wait ended on the delivery, without a look"
        assert list((tmp_path / "out").iterdir())
        printed = [read_json_line(listener) for _ in range(5)]  # progress 0, 25, 50, 75, then completed
        assert all(line["accepted"] is True for line in printed)
        assert [line["event"]["event"] for line in printed] == ["progress"] * 4 + ["completed"]
    finally:
        listener.send_signal(signal.SIGINT)
        try:
            listener.wait(timeout=10)
        except subprocess.TimeoutExpired:
            listener.kill()
            listener.wait()
