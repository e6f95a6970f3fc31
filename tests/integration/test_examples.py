"""Every example script runs to completion against the sandbox."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from apiframe.testing import Sandbox, SandboxConfig

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
LONG_RUNNING = {"webhooks_receiver.py"}  # a server: checked by importing it instead


@pytest.mark.slow
def test_every_example_runs() -> None:
    scripts = sorted(p for p in EXAMPLES.glob("*.py") if p.name not in LONG_RUNNING)
    assert len(scripts) >= 8
    with Sandbox(SandboxConfig(job_seconds=0.2)) as sandbox:
        env = {**os.environ, "APIFRAME_API_KEY": sandbox.api_key, "APIFRAME_BASE_URL": sandbox.base_url}
        running = {
            p.name: subprocess.Popen([sys.executable, str(p)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for p in scripts
        }
        outcomes = {name: (proc.wait(timeout=90), *proc.communicate()) for name, proc in running.items()}
    for name, (code, out, err) in outcomes.items():
        assert code == 0, f"{name} failed:\n{err.decode()[-2000:]}"
        assert out.strip(), f"{name} printed nothing"
        assert sandbox.api_key.encode() not in out + err


@pytest.mark.parametrize("script", sorted(p.name for p in EXAMPLES.glob("push_*.py")))
def test_push_examples_end_their_wait_on_the_delivery_not_a_poll(script: str) -> None:
    """The receiver really takes the deliveries: the wait ends with no look at the job (a receiver
    the deliveries cannot reach would end it on the 30 s fallback poll instead)."""
    with Sandbox(SandboxConfig(job_seconds=0.2)) as sandbox:
        env = {
            **os.environ,
            "APIFRAME_API_KEY": sandbox.api_key,
            "APIFRAME_BASE_URL": sandbox.base_url,
            "APIFRAME_LOG": "debug",
        }
        done = subprocess.run([sys.executable, str(EXAMPLES / script)], env=env, capture_output=True, timeout=90)
    log = done.stderr.decode()
    assert done.returncode == 0, log[-2000:]
    assert "POST /v2/images/generate -> 202" in log
    assert "GET /v2/jobs" not in log, log[-2000:]


def test_webhook_receiver_example_imports() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import runpy; runpy.run_path({str(EXAMPLES / 'webhooks_receiver.py')!r}, run_name='example')",
        ],
        capture_output=True,
        check=False,
    )
    if b"No module named 'apiframe.webhooks'" in result.stderr:
        pytest.fail("apiframe.webhooks is missing")
    assert result.returncode == 0, result.stderr.decode()
