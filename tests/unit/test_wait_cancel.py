"""Issue 22, point 11: a cancelled wait names its job; Ctrl-C in a sync wait is a KeyboardInterrupt."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest
from unit_support import Recorder, job, reply

from apiframe import Apiframe, WaitCancelledError


def _client(recorder: Recorder) -> Apiframe:
    recorder.default = lambda request: reply(200, job(status="PROCESSING", progress=1))
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    return Apiframe(api_key="afk_x", base_url="https://api.test", http_client=http)


def test_a_cancelled_wait_carries_the_job_id(recorder: Recorder) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(WaitCancelledError) as caught:
        _client(recorder).jobs.wait("job_1", cancel=cancel)
    assert caught.value.job_id == "job_1" and "job_1" in str(caught.value)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert copy.job_id == "job_1"


_CTRL_C = """
import json, os, signal, threading
import httpx
from apiframe import Apiframe
body = json.loads({body!r})
http = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(200, json=body)))
client = Apiframe(api_key="afk_x", base_url="https://api.test", http_client=http)
threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()  # Ctrl-C while the wait sleeps
try:
    client.jobs.wait("job_1", interval=5)
except BaseException as error:
    print(type(error).__name__)
"""


def test_ctrl_c_in_a_sync_wait_is_a_keyboard_interrupt_as_the_readme_says() -> None:
    program = _CTRL_C.format(body=json.dumps(job(status="PROCESSING", progress=1)))
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "KeyboardInterrupt", result.stderr
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    assert "Ctrl-C in a sync wait raises `KeyboardInterrupt`" in readme
