"""The API key never shows up in log records, reprs or error messages, whatever happens."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest

from apiframe import Apiframe, ApiframeError
from apiframe.testing import Sandbox, SandboxConfig

KEY = "afk_hygiene_secret_0123456789"


def test_key_never_leaks(caplog: pytest.LogCaptureFixture) -> None:
    seen: list[str] = []
    with Sandbox(SandboxConfig(job_seconds=0.2), api_key=KEY) as sandbox, caplog.at_level(logging.DEBUG):
        client = Apiframe(api_key=KEY, base_url=sandbox.base_url, max_retries=3)
        seen += [repr(client), repr(client._config), repr(client.with_options(timeout=3))]
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
