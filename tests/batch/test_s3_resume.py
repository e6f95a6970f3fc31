"""A batch writing to an S3 server, SIGKILLed, finishes when run again from another working directory."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from apiframe.batch import BatchState, Shard, open_store
from apiframe.testing import Sandbox, SandboxConfig

from .conftest import S3Server


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.5, seed=7)) as running:
        yield running


def latest(url: str, server: S3Server) -> dict[int, dict[str, Any]]:
    view = asyncio.run(BatchState(open_store(url, **server.options())).latest())
    return {line: {"status": record.status, **record.fields} for line, record in view.records.items()}


@pytest.mark.slow
def test_a_killed_s3_batch_finishes_from_a_fresh_directory_with_no_second_job(
    sandbox: Sandbox, aws_env: S3Server, tmp_path: Path
) -> None:
    bucket = aws_env.new_bucket()
    url = f"s3://{bucket}/run"
    first, second = tmp_path / "machine-a", tmp_path / "machine-b"
    first.mkdir()
    second.mkdir()
    models = [("flux-1.1-pro", {}), ("kling-2.5-turbo-pro", {"duration": 5})]
    rows = [{"model": models[n % 2][0], "prompt": f"s3 item {n}", "params": models[n % 2][1]} for n in range(16)]
    (first / "prompts.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
    env = {**os.environ, "APIFRAME_API_KEY": sandbox.api_key, "APIFRAME_BASE_URL": sandbox.base_url}
    command = [sys.executable, "-m", "apiframe", "batch", "prompts.jsonl", "--out", url, "--shard", "1/2", "-c", "3"]
    process = subprocess.Popen(
        command, cwd=first, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 60
    # One event loop and one store for every look: a new S3 client per look costs a third of a second
    # of CPU, and a slow look lets the batch finish its last lines between the look and the kill.
    with asyncio.Runner() as runner:
        state = BatchState(open_store(url, **aws_env.options()))
        try:
            while time.monotonic() < deadline:  # kill once some lines are saved and others are in flight
                scan = runner.run(state.scan())  # names only: quick
                states = [records[-1].status for records in scan.lines.values()]
                if states.count("completed") >= 2 and "submitted" in states:
                    break
                assert process.poll() is None, "the batch finished before it could be killed"
                time.sleep(0.1)
            os.killpg(process.pid, signal.SIGKILL)
        finally:
            process.wait(timeout=10)
    interrupted = latest(url, aws_env)
    assert interrupted and any(r["status"] != "completed" for r in interrupted.values())

    # "another machine": another folder, its own copy of the input, nothing else in common but the bucket
    shutil.copy(first / "prompts.jsonl", second / "prompts.jsonl")
    shutil.rmtree(first)
    again = subprocess.run(
        [*command, "--json"], cwd=second, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert again.returncode == 0, again.stderr
    owned = [n for n in range(1, 17) if Shard(1, 2).owns(n)]
    assert sandbox.job_count() == len(owned)  # no second job for any line
    final = latest(url, aws_env)
    assert sorted(final) == owned and {r["status"] for r in final.values()} == {"completed"}
    for line, record in interrupted.items():
        assert final[line]["key"] == record["key"]
        if record.get("job_id"):
            assert final[line]["job_id"] == record["job_id"]
    listed = aws_env.client().list_objects_v2(Bucket=bucket, Prefix="run/")
    sizes = {item["Key"].removeprefix("run/"): item["Size"] for item in listed.get("Contents", [])}
    for line in owned:  # every line's files are in the bucket, whole
        files = final[line]["files"]
        suffix = ".png" if (line - 1) % 2 == 0 else ".mp4"
        assert files and all(name.endswith(suffix) and sizes.get(name, 0) > 0 for name in files)
    summary = json.loads(again.stdout)
    assert summary["completed"] == summary["lines"] == len(owned) and summary["out"] == url
