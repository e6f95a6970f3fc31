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


FORKING_RUNNER = """
import os, runpy, sys, traceback
import apiframe, apiframe._client  # what every example imports, imported once for all of them
folder, scripts = sys.argv[1], sys.argv[2:]
children = {}
for script in scripts:
    pid = os.fork()
    if pid == 0:  # the example, in a process of its own, as `python examples/<script>` would run it
        name = os.path.basename(script)
        for fd, suffix in ((1, ".out"), (2, ".err")):
            os.dup2(os.open(os.path.join(folder, name + suffix), os.O_WRONLY | os.O_CREAT | os.O_TRUNC), fd)
        sys.argv, sys.path[0], code = [script], os.path.dirname(script), 0
        try:
            runpy.run_path(script, run_name="__main__")
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
        except BaseException:
            traceback.print_exc()
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    children[pid] = os.path.basename(script)
for _ in scripts:
    pid, status = os.wait()
    print(children[pid], os.waitstatus_to_exitcode(status))
"""
"""Runs each example in a process of its own, forked from one that has imported the SDK: a fresh
interpreter per example would import it again each time (~0.2 CPU-s each)."""


@pytest.mark.slow
def test_every_example_runs(tmp_path: Path) -> None:
    scripts = sorted(p for p in EXAMPLES.glob("*.py") if p.name not in LONG_RUNNING)
    assert len(scripts) >= 8
    with Sandbox(SandboxConfig(job_seconds=0.2)) as sandbox:
        env = {**os.environ, "APIFRAME_API_KEY": sandbox.api_key, "APIFRAME_BASE_URL": sandbox.base_url}
        runner = subprocess.run(
            [sys.executable, "-c", FORKING_RUNNER, str(tmp_path), *map(str, scripts)],
            env=env, capture_output=True, text=True, timeout=90, check=False,
        )  # fmt: skip
    assert runner.returncode == 0, runner.stderr
    codes = dict(line.split() for line in runner.stdout.splitlines())
    assert sorted(codes) == [p.name for p in scripts]
    for name, code in codes.items():
        out, err = ((tmp_path / (name + suffix)).read_bytes() for suffix in (".out", ".err"))
        assert code == "0", f"{name} failed:\n{err.decode()[-2000:]}"
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
