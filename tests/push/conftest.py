"""Fixtures for waiting by push: a sandbox with fast webhook retries, a receiver served over real
HTTP on a free port, and a real ``redis-server`` (one per test session, its own temp dir, no
persistence) with a fresh key prefix per test."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator

import pytest
from push_support import serve

from apiframe.testing import Sandbox, SandboxConfig
from apiframe.webhooks import WebhookHub, WebhookReceiver

JOB_SECONDS = 0.6


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    config = SandboxConfig(job_seconds=JOB_SECONDS, webhook_retry_delays=(0.05, 0.1), tick_seconds=0.01)
    with Sandbox(config) as running:
        yield running


@pytest.fixture
def hub() -> WebhookHub:
    return WebhookHub()


@pytest.fixture
def receiver_url(hub: WebhookHub, sandbox: Sandbox) -> Iterator[str]:
    """Where the sandbox delivers: a :class:`WebhookReceiver` publishing to ``hub``."""
    with serve(WebhookReceiver(hub, api_key=sandbox.api_key)) as url:
        yield url + "/hooks"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A real redis-server on 127.0.0.1 (a free port), with its own temp dir and no persistence."""
    binary = shutil.which("redis-server")
    assert binary is not None, "redis-server is missing: .ci/run installs it (apt-get install -y redis-server)"
    workdir = tempfile.mkdtemp(prefix="apiframe-redis-")
    process: subprocess.Popen[bytes] | None = None
    try:
        for _ in range(5):
            port = _free_port()
            options = ["--port", str(port), "--bind", "127.0.0.1", "--dir", workdir, "--save", "", "--appendonly", "no"]
            process = subprocess.Popen(
                [binary, *options],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                cwd=workdir,
            )
            if _ready(port, process):
                yield f"redis://127.0.0.1:{port}/0"
                return
            process.kill()
            process.wait()
            process = None
        raise RuntimeError("redis-server did not start")
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(workdir, ignore_errors=True)


def _ready(port: int, process: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2) as conn:
            conn.sendall(b"PING\r\n")
            if conn.recv(16).startswith(b"+PONG"):
                return True
        time.sleep(0.02)
    return False


@pytest.fixture
def redis_prefix() -> str:
    """A key prefix of this test's own (tests share one redis-server)."""
    return f"apiframe-test:{os.getpid()}:{uuid.uuid4().hex}:"
