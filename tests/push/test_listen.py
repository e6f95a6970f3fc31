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
from push_support import serve

from apiframe import Apiframe
from apiframe.testing import Sandbox
from apiframe.webhooks import WebhookHub, WebhookReceiver, sign_webhook


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
            [sys.executable, "-m", "apiframe", "--json", "webhooks", "listen", "--port", "0", "--forward-to", app_url],
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
