"""The API key never shows up in log records, reprs or error messages, whatever happens."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import traceback
from pathlib import Path

import pytest

from apiframe import Apiframe, ApiframeError, AsyncApiframe
from apiframe.testing import FaultConfig, Sandbox, SandboxConfig
from apiframe.testing._media import make_png

KEY = "afk_hygiene_secret_0123456789"
# Every transient kind at once, answered quickly: waits, uploads and submissions retry through them.
FAULTS = FaultConfig(
    rate_429=0.1,
    rate_500=0.1,
    rate_503=0.05,
    drop_before=0.1,
    drop_after=0.1,
    rate_slow=0.05,
    slow_seconds=0.6,
    retry_after_seconds=0,
    seed=2,
)


def _texts(error: BaseException) -> list[str]:
    """Everything an error can show: str, repr, body, and the whole formatted chain of causes."""
    return [str(error), repr(error), repr(getattr(error, "body", "")), "".join(traceback.format_exception(error))]


def test_key_never_leaks(caplog: pytest.LogCaptureFixture) -> None:
    seen: list[str] = []
    with Sandbox(SandboxConfig(job_seconds=0.2), api_key=KEY) as sandbox, caplog.at_level(logging.DEBUG):
        client = Apiframe(api_key=KEY, base_url=sandbox.base_url, max_retries=3)
        seen += [repr(client), repr(client._session.settings), repr(client.with_options(timeout=3))]
        handle = client.images.generate(model="midjourney", prompt="hygiene")
        seen.append(repr(handle))
        seen.append(repr(handle.wait(interval=0.05, timeout=20)))
        sandbox.set_faults(rate_500=0.5, rate_429=0.3, retry_after_seconds=0, seed=1)
        for _ in range(6):
            try:
                client.jobs.get(handle.job_id)
            except ApiframeError as error:
                seen += [str(error), repr(error), repr(getattr(error, "body", ""))]
        sandbox.clear_faults()
        for bad in ({"model": "nope"}, {"model": "midjourney", "prompt": ""}):
            try:
                client.images.generate(**bad)
            except ApiframeError as error:
                seen += [str(error), repr(error)]
        client.close()
    seen += [record.getMessage() for record in caplog.records]
    assert len(caplog.records) > 5
    assert [text for text in seen if KEY in text] == []


def test_key_never_leaks_from_faulty_waits_and_uploads(caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    """Sync and async waits, uploads and submissions through every kind of transient fault; every
    log record (any logger, any level, with its traceback), repr and error chain is checked."""
    path = tmp_path / "face.png"
    path.write_bytes(make_png("hygiene"))
    seen: list[str] = []

    def keep(call: object) -> None:
        seen.append(repr(call))

    with Sandbox(SandboxConfig(job_seconds=0.3, faults=FAULTS), api_key=KEY) as sandbox, caplog.at_level(logging.DEBUG):
        with Apiframe(api_key=KEY, base_url=sandbox.base_url, timeout=0.3, max_retries=4) as client:
            for attempt in range(3):
                try:
                    upload = client.uploads.create(path)
                    keep(upload)
                    handle = client.images.generate(model="midjourney", prompt=f"hygiene {attempt}")
                    keep(handle)
                    keep(client.jobs.wait(handle, interval=0.05, max_interval=0.1, timeout=20))
                except ApiframeError as error:
                    seen.extend(_texts(error))
            try:
                client.with_options(max_retries=0).jobs.wait("no-such-job", interval=0.05, timeout=0.5)
            except ApiframeError as error:
                seen.extend(_texts(error))

        async def run_async() -> None:
            async with AsyncApiframe(api_key=KEY, base_url=sandbox.base_url, timeout=0.3, max_retries=4) as client:
                keep(client)
                try:
                    keep(await client.uploads.create(path))
                    handles = [await client.music.generate(model="suno", prompt=f"song {n}") for n in range(2)]
                    seen.extend([repr(job) async for job in client.jobs.wait_many(handles, interval=0.05, timeout=20)])
                except ApiframeError as error:
                    seen.extend(_texts(error))

        asyncio.run(run_async())
        counts = sandbox.fault_counts()
        sandbox.wait_idle()
    for record in caplog.records:
        seen.append(record.getMessage())
        if record.exc_info:
            seen.append("".join(traceback.format_exception(*record.exc_info)))
    assert sum(count for kind, count in counts.items() if kind != "none") >= 5, counts
    assert any("POST /v2/uploads" in record.getMessage() for record in caplog.records)
    assert any("retry" in record.getMessage() for record in caplog.records)
    assert [text for text in seen if KEY in text] == []


def test_debug_logging_to_stderr_is_redacted() -> None:
    program = (
        "import httpx\n"
        "from apiframe import Apiframe, AuthenticationError\n"
        f"key = {KEY!r}\n"
        "def echo(request):\n"
        "    return httpx.Response(401, json={'error': 'bad key ' + request.headers['x-api-key']})\n"
        "client = Apiframe(api_key=key, base_url='https://api.test', "
        "http_client=httpx.Client(transport=httpx.MockTransport(echo)))\n"
        "try:\n"
        "    client.me()\n"
        "except AuthenticationError as error:\n"
        "    print(error)\n"
        "import logging; logging.getLogger('apiframe').debug('echo %s', key)\n"
    )
    env = {"APIFRAME_LOG": "debug", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True, env=env)
    assert "GET /v2/me -> 401" in result.stderr
    assert "[redacted]" in result.stdout + result.stderr
    assert KEY not in result.stdout + result.stderr


def test_debug_logging_of_waits_and_uploads_through_faults_is_redacted(tmp_path: Path) -> None:
    """APIFRAME_LOG=debug as a user sets it: the stderr handler's output for a faulty wait and an
    upload (retries, request lines, errors) never contains the key."""
    path = tmp_path / "face.png"
    path.write_bytes(make_png("stderr"))
    program = (
        "import logging\n"
        "from apiframe import Apiframe, ApiframeError\n"
        "from apiframe.testing import FaultConfig, Sandbox, SandboxConfig\n"
        f"key = {KEY!r}\n"
        "faults = FaultConfig(rate_500=0.2, rate_429=0.1, drop_before=0.1, drop_after=0.1,\n"
        "                     retry_after_seconds=0, seed=9)\n"
        "with Sandbox(SandboxConfig(job_seconds=0.3, faults=faults), api_key=key) as sandbox:\n"
        "    client = Apiframe(api_key=key, base_url=sandbox.base_url, max_retries=5)\n"
        f"    print(client.uploads.create({str(path)!r}).byte_size)\n"
        "    job = client.images.generate(model='midjourney', prompt='debug')\n"
        "    print(client.jobs.wait(job, interval=0.05, timeout=20).status)\n"
        "    sandbox.clear_faults()\n"
        "    try:\n"
        "        client.with_options(max_retries=0).jobs.get('0b6f3a2e-7c1d-4e8a-9f21-5d6c7b8a9e10')\n"
        "    except ApiframeError as error:\n"
        "        print(error)\n"
        "    logging.getLogger('apiframe').debug('echo %s', key)\n"
        "    client.close()\n"
    )
    env = {"APIFRAME_LOG": "debug", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True, env=env)
    assert "POST /v2/uploads -> " in result.stderr and "GET /v2/jobs/" in result.stderr
    assert "retry 1" in result.stderr
    assert "COMPLETED" in result.stdout and "404" in result.stdout
    assert "echo [redacted]" in result.stderr
    assert KEY not in result.stdout + result.stderr
