"""How deep a call goes: frames and distinct apiframe files on the stack when a request is sent.

``python scripts/call_depth.py`` runs ``client.images.generate(...)``, ``job.wait()`` and
``client.jobs.download(...)`` (its file request) against an
in-process sandbox and, at the moment the transport sends each request, counts the frames from the
caller down and the distinct ``apiframe/`` files among them (the order they are crossed in too).
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Generator
from pathlib import Path
from types import FrameType
from typing import Any

import httpx

import apiframe
from apiframe.testing import Sandbox, SandboxConfig

ROOT = Path(apiframe.__file__).resolve().parent
DRIVERS = frozenset({"run_sync", "iter_sync"})


def _file(frame: FrameType) -> str | None:
    path = Path(frame.f_code.co_filename).resolve()
    return str(path.relative_to(ROOT.parent)) if path.is_relative_to(ROOT) else None


def _flow_frames(frame: FrameType) -> list[FrameType]:
    """The suspended generator frames of the flow a driver frame runs (``yield from`` chain)."""
    if frame.f_code.co_name not in DRIVERS:
        return []
    flow = frame.f_locals.get("flow")
    frames: list[FrameType] = []
    while isinstance(flow, Generator) and flow.gi_frame is not None:
        frames.append(flow.gi_frame)
        flow = flow.gi_yieldfrom
    return frames


def _stack(frame: FrameType | None) -> list[str]:
    """The apiframe files of the frames from the caller to the transport, outermost first.

    A flow's frames are suspended generators while its driver sends: they are counted where the
    driver runs them, as if the driver had called them.
    """
    frames: list[FrameType] = []
    while frame is not None:
        frames.append(frame)
        frame = frame.f_back
    files: list[str] = []
    for each in reversed(frames):
        for inner in [each, *_flow_frames(each)]:
            name = _file(inner)
            if name is not None:
                files.append(name)
    return files


class Recorder(httpx.BaseTransport):
    """A transport that notes, for each request, the apiframe files on the stack, then sends it on."""

    def __init__(self, inner: httpx.BaseTransport | None = None) -> None:
        self.inner = inner if inner is not None else httpx.HTTPTransport()
        self.stacks: list[tuple[str, list[str]]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.stacks.append((f"{request.method} {request.url.path}", _stack(sys._getframe(1))))
        return self.inner.handle_request(request)


def report(name: str, stack: list[str]) -> dict[str, Any]:
    path: list[str] = []
    for file in stack:
        if not path or path[-1] != file:
            path.append(file)
    return {"call": name, "frames": len(stack), "files": len(set(stack)), "path": path}


def measure() -> list[dict[str, Any]]:
    with Sandbox(SandboxConfig(job_seconds=0.05)) as sandbox:
        recorder = Recorder()
        http = httpx.Client(transport=recorder)
        with apiframe.Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, http_client=http) as client:
            accepted = client.images.generate(model="flux-2-dev", prompt="a lighthouse")
            generate = recorder.stacks[-1][1]
            recorder.stacks.clear()
            accepted.wait(interval=0.05)
            wait = recorder.stacks[-1][1]
            recorder.stacks.clear()
            with tempfile.TemporaryDirectory() as folder:
                client.jobs.download(accepted.job_id, folder)
            download = recorder.stacks[-1][1]
    return [
        report("client.images.generate(...)", generate),
        report("job.wait()", wait),
        report("client.jobs.download(...)", download),
    ]


def main() -> None:
    for row in measure():
        print(f"{row['call']}: {row['frames']} apiframe frames across {row['files']} files")
        print("  " + " -> ".join(p.removeprefix("apiframe/") for p in row["path"]))


if __name__ == "__main__":
    main()
