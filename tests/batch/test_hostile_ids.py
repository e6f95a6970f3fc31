"""A job id the server sends never becomes a glob pattern or a path: it is checked when received.

The sandbox runs for real; the client's transport rewrites the ``jobId`` of its submit answers,
as a hostile or broken server would send them.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import apiframe.batch
from apiframe import AsyncApiframe
from apiframe.batch import BatchState, open_store
from apiframe.testing import Sandbox, SandboxConfig


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.1, seed=11)) as running:
        yield running


class _Rewriting(httpx.AsyncHTTPTransport):
    """The real transport, whose submit answers carry ``job_id`` instead of the sandbox's id."""

    def __init__(self, job_id: str) -> None:
        super().__init__()
        self.job_id = job_id

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        if request.method != "POST" or not 200 <= response.status_code < 300:
            return response
        body = json.loads(await response.aread())
        body["jobId"] = self.job_id
        return httpx.Response(response.status_code, json=body, request=request)


def _run(sandbox: Sandbox, out: Path, job_id: str, count: int = 2) -> apiframe.batch.BatchResult:
    async def main() -> apiframe.batch.BatchResult:
        transport = _Rewriting(job_id)
        http = httpx.AsyncClient(transport=transport)
        async with AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, http_client=http) as client:
            lines = [{"model": "flux-1.1-pro", "prompt": f"hostile id {n}"} for n in range(count)]
            result = await apiframe.batch.arun(lines, out=out, client=client)
        await http.aclose()
        return result

    return asyncio.run(main())


@pytest.mark.parametrize("job_id", ["/../victim", "/../**/", "*j", "job*", "a/b", "..", "j\nk", "x" * 300])
def test_a_bad_server_job_id_fails_its_line_and_touches_nothing(sandbox: Sandbox, tmp_path: Path, job_id: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim-movie.mkv.part"
    victim.write_bytes(b"someone's download")
    other = out / ".other-shard-job.png.0123456789ab.part"  # another shard's write in flight
    other.write_bytes(b"half")
    for _ in range(2):  # the first run receives the id; the second resumes from what the first recorded
        result = _run(sandbox, out, job_id)
        assert result.failed == 2 and result.completed == 0
        for line in result.lines:
            assert line.job_id is None and line.files == ()
            assert line.error is not None and ("job id" in line.error or "jobId" in line.error)
    assert victim.read_bytes() == b"someone's download"
    assert other.read_bytes() == b"half"
    view = asyncio.run(BatchState(open_store(out)).latest())
    assert {record.status for record in view.records.values()} == {"failed"}
    assert all(record.fields.get("job_id") is None for record in view.records.values())  # never recorded
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == [other.name, "index.html"]  # lock gone, gallery


@pytest.mark.parametrize("job_id", ["*j", "../x", "a/b", "job*"])
def test_a_recorded_job_id_that_cannot_name_a_file_is_damage(sandbox: Sandbox, tmp_path: Path, job_id: str) -> None:
    """A record planted in a shared store with a hostile id is reported and never used."""
    out = tmp_path / "out"
    first = apiframe.batch.run(
        [{"model": "flux-1.1-pro", "prompt": "planted"}], out=out, api_key=sandbox.api_key, base_url=sandbox.base_url
    )
    assert first.completed == 1
    keep = out / ".other-job.png.0123456789ab.part"
    keep.parent.mkdir(exist_ok=True)
    keep.write_bytes(b"half")
    view = asyncio.run(BatchState(open_store(out)).latest())
    fields = dict(view.records[1].fields)
    fields.update(job_id=job_id, files=[])
    for name in ("writer", "time"):
        fields.pop(name)
    asyncio.run(BatchState(open_store(out)).record(1, "submitted", **fields))

    planted = apiframe.batch.parse_lines([json.dumps({"model": "flux-1.1-pro", "prompt": "planted"})])
    run = apiframe.batch.BatchRun(open_store(out), planted)
    run.lock()
    tasks = asyncio.run(run.plan())
    assert any("job_id" in problem for problem in run.damaged)
    assert tasks[0].job_id == first.lines[0].job_id  # the line fell back to its previous record
    asyncio.run(run.start())
    assert keep.read_bytes() == b"half"
    run.close()


def test_a_resumed_shard_removes_only_its_own_unfinished_jobs_temporaries(tmp_path: Path) -> None:
    """Matched by name against the shard's own unfinished job ids: no pattern is built from an id."""
    out = tmp_path / "out"
    line = apiframe.batch.parse_lines([json.dumps({"model": "flux-1.1-pro", "prompt": "resumed"})])
    mine, long_id = "job-7.a", "j" * 120
    state = BatchState(open_store(out))
    fields = {"input": line[0].digest, "key": "batch-k", "attempt": 0}
    asyncio.run(state.record(1, "submitted", job_id=mine, **fields))
    temporaries = {
        f".{mine}.png.0123456789ab.part": False,  # removed: its own result file
        f".{mine}-2.mp4.0123456789ab.part": False,  # removed: its own second file
        f".{long_id[:80]}.0123456789ab.part": True,  # kept: no unfinished job of this shard is that long one
        f".{mine}x.png.0123456789ab.part": True,  # kept: another job whose id starts like this one's
        ".job-7.png.0123456789ab.part": True,  # kept: another job, a prefix of this one's id
    }
    out.mkdir(exist_ok=True)
    for name in temporaries:
        (out / name).write_bytes(b"half")
    run = apiframe.batch.BatchRun(open_store(out), line)
    run.lock()
    try:
        assert asyncio.run(run.plan())[0].job_id == mine
        asyncio.run(run.start())
    finally:
        run.close()
    assert {name: (out / name).exists() for name in temporaries} == temporaries
