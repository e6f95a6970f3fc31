"""How far a call travels before its request is sent: a guard on the facade's structure.

``scripts/call_depth.py`` counts the apiframe frames (a flow's suspended generators included) and
files on the stack at the transport; these tests hold the two main calls to their measured depth,
so a new layer or a bounce between modules shows up as a failure rather than in a review.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import httpx
from unit_support import API_KEY, job, reply

from apiframe import Apiframe

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "call_depth.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("call_depth", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("call_depth", module)
    spec.loader.exec_module(module)
    return module


def _answer(request: httpx.Request) -> httpx.Response:
    if request.method == "POST":
        return reply(202, {"jobId": "job_1", "status": "QUEUED"})
    return reply(200, job(status="COMPLETED", progress=100, result={"images": ["https://files.test/a.png"]}))


def test_generate_and_wait_cross_few_files_one_way() -> None:
    depth = _script()
    recorder = depth.Recorder(httpx.MockTransport(_answer))
    http = httpx.Client(transport=recorder)
    with Apiframe(api_key=API_KEY, base_url="https://api.test", http_client=http) as client:
        accepted = client.images.generate(model="midjourney", prompt="a lighthouse")
        accepted.wait()
    (_, generate), (_, wait) = recorder.stacks
    generated = depth.report("generate", generate)
    waited = depth.report("wait", wait)
    assert generated["frames"] <= 10 and generated["files"] <= 5, generated
    assert waited["frames"] <= 10 and waited["files"] <= 7, waited
    # a wait goes down once: the handle, the session's driver, the wait flow, the session's poller, the request module
    assert waited["path"] == [
        "apiframe/_handles.py",
        "apiframe/_session.py",
        "apiframe/_flow.py",
        "apiframe/_waiting/_flows.py",
        "apiframe/_job_flows.py",
        "apiframe/_pipeline.py",
        "apiframe/_flow.py",
    ]


def _with_file(request: httpx.Request) -> httpx.Response:
    if request.url.host == "files.test":
        return httpx.Response(200, content=b"\x89PNG\r\n\x1a\n", headers={"Content-Type": "image/png"})
    return _answer(request)


def test_a_download_goes_down_once_through_its_flow(tmp_path: Path) -> None:
    depth = _script()
    recorder = depth.Recorder(httpx.MockTransport(_with_file))
    http = httpx.Client(transport=recorder)
    with Apiframe(api_key=API_KEY, base_url="https://api.test", http_client=http) as client:
        paths = client.jobs.download("job_1", tmp_path)
    assert [p.name for p in paths] == ["job_1.png"]
    (_, lookup), (_, transfer) = recorder.stacks
    downloaded = depth.report("download", transfer)
    assert downloaded["frames"] <= 8 and downloaded["files"] <= 5, downloaded
    # the resource, the session's driver, the download flow, the request module: no bounce back up
    assert downloaded["path"] == [
        "apiframe/resources/_downloads.py",
        "apiframe/_session.py",
        "apiframe/_flow.py",
        "apiframe/_download.py",
        "apiframe/_pipeline.py",
        "apiframe/_flow.py",
    ]
    assert depth.report("lookup", lookup)["path"][-2:] == ["apiframe/_pipeline.py", "apiframe/_flow.py"]
