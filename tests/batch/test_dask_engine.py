"""A real distributed engine: a sharded batch as tasks on a Dask LocalCluster of worker processes.

The shards write into the S3 server; one worker process is SIGKILLed while it runs a shard.
Dask runs that shard again on a worker that is alive, the shard resumes from the bucket, and
in the end every line has exactly one job and its files are in the bucket. The code run is
the README's Dask recipe, as it is printed there.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from apiframe.batch import BatchState, Shard, open_store
from apiframe.testing import Sandbox, SandboxConfig

from .conftest import S3Server

README = Path(__file__).resolve().parents[2] / "README.md"
SHARDS = 2
"""Two shards of about 24 lines, each run 8 lines at a time by the recipe (1 s a job, a wave
lasting longer): a kill has from the first line saved to the end of the second wave, well over
a second, to land in mid-shard, and the watcher below looks every 50 ms or so."""


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=1.0, seed=17)) as running:
        yield running


def _recipe() -> dict[str, Any]:
    """The README's Dask recipe (the Python block after the '<!-- dask recipe -->' mark), run as a module."""
    text = README.read_text()
    block = text.split("<!-- dask recipe -->", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, Any] = {"__name__": "readme_dask_recipe"}  # its __main__ part is not run
    exec(compile(block, "README.md (Dask recipe)", "exec"), namespace)
    return namespace


def _latest(url: str, server: S3Server) -> dict[int, Any]:
    return asyncio.run(BatchState(open_store(url, **server.options())).latest()).records


def _statuses(runner: asyncio.Runner, state: BatchState) -> dict[int, str]:
    """Each line's latest status, from one listing (no reads: cheap enough to poll). One event loop
    and one store for every look: a new S3 client per look would cost a third of a second of CPU."""
    scan = runner.run(state.scan())
    return {line: records[-1].status for line, records in scan.lines.items()}


@pytest.mark.slow
def test_a_sharded_batch_on_dask_survives_a_killed_worker(
    sandbox: Sandbox, aws_env: S3Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dask
    from dask.distributed import Client, LocalCluster

    run_batch = _recipe()["run_batch"]
    monkeypatch.setenv("APIFRAME_API_KEY", sandbox.api_key)  # the workers' environment, as in production
    monkeypatch.setenv("APIFRAME_BASE_URL", sandbox.base_url)
    bucket = aws_env.new_bucket()
    url = f"s3://{bucket}/run"
    lines = [json.dumps({"model": "flux-1.1-pro", "prompt": f"dask line {n}"}) for n in range(48)]

    # Worker processes forked from one forkserver that has imported what a shard needs: each spawned
    # worker (the two, and the one that replaces the killed one) would import it all again, ~2 s of CPU.
    forkserver = multiprocessing.get_context("forkserver")
    forkserver.set_forkserver_preload(["distributed", "apiframe.batch", "s3fs"])
    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0")
    with cluster, Client(cluster) as client, ThreadPoolExecutor(1) as driver, asyncio.Runner() as runner:
        pids = client.run(os.getpid)
        state = BatchState(open_store(url, **aws_env.options()))
        running = driver.submit(run_batch, client, lines, url, SHARDS)
        deadline = time.monotonic() + 60
        killed: Shard | None = None
        while killed is None and time.monotonic() < deadline:  # a shard with lines saved and lines in flight
            statuses = _statuses(runner, state)
            for worker, keys in client.processing().items():
                for key in keys:
                    shard = Shard(int(str(key).split("-")[2]), SHARDS)  # apiframe-shard-K-of-N
                    owned = [line for line in range(1, len(lines) + 1) if shard.owns(line)]
                    done = sum(statuses.get(line) == "completed" for line in owned)
                    if killed is None and 1 <= done <= len(owned) - 8:  # a wave of 8 still to come
                        os.kill(pids[worker], signal.SIGKILL)
                        killed = shard
            time.sleep(0.05)
        assert killed is not None, "no shard was caught in flight"
        unfinished = running.result(timeout=180)

    assert unfinished == 0
    assert sandbox.job_count() == len(lines)  # exactly one job per line, the killed shard's included
    records = _latest(url, aws_env)
    assert sorted(records) == list(range(1, len(lines) + 1))
    assert {record.status for record in records.values()} == {"completed"}
    listed = aws_env.client().list_objects_v2(Bucket=bucket, Prefix="run/")
    sizes = {item["Key"].removeprefix("run/"): item["Size"] for item in listed.get("Contents", [])}
    for record in records.values():  # every line's files are in the bucket, whole
        files = record.fields["files"]
        assert files and all(name.endswith(".png") and sizes.get(name, 0) > 0 for name in files)
    writers = {name.split(".")[-2] for name in sizes if name.startswith("state/") and killed.owns(int(name[6:16]))}
    assert len(writers) == 2  # the killed shard ran again, in another process: a writer of its own
