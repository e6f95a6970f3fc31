"""Benchmark 9: a batch against the sandbox, one process versus four shard processes, into a
local folder and into an S3 server (moto) on 127.0.0.1, side by side in one run.

Every variant runs ``python -m apiframe batch FILE --out OUT [--shard K/4]`` as separate
processes on the same input (each variant into its own folder or bucket, so each submits every
line once) and reads each process's CPU time and peak RSS from the kernel (``wait4``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PY = sys.executable

_S3 = """
import sys
from moto.server import ThreadedMotoServer
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
print(server.get_host_and_port()[1], flush=True)
sys.stdin.read()
server.stop()
"""


@dataclass(frozen=True)
class Variant:
    """What one variant measured."""

    name: str
    lines: int
    seconds: float
    cpu_seconds: float
    peak_rss_mib: float
    completed: int

    @property
    def lines_per_second(self) -> float:
        return self.lines / self.seconds

    @property
    def cpu_ms_per_line(self) -> float:
        return self.cpu_seconds * 1000 / self.lines

    def describe(self) -> str:
        return (
            f"{self.lines_per_second:.0f} lines/s, {self.cpu_ms_per_line:.1f} ms CPU/line, "
            f"peak RSS {self.peak_rss_mib:.0f} MiB/process"
        )


@contextmanager
def s3_server(home: Path) -> Iterator[dict[str, str]]:
    """A moto S3 server on 127.0.0.1; yields the environment that points botocore at it only."""
    empty = home / "aws-empty"
    empty.write_text("")
    env = {
        **os.environ,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": str(empty),
        "AWS_SHARED_CREDENTIALS_FILE": str(empty),
        "AWS_EC2_METADATA_DISABLED": "true",
    }
    process = subprocess.Popen(
        [PY, "-c", _S3], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    try:
        assert process.stdout is not None
        env["AWS_ENDPOINT_URL"] = f"http://127.0.0.1:{int(process.stdout.readline())}"
        yield env
    finally:
        if process.stdin is not None:
            process.stdin.close()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _bucket(env: dict[str, str]) -> str:
    import boto3

    name = f"bench-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=env["AWS_ENDPOINT_URL"],
        region_name="us-east-1",
        aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=name)
    return name


def run_variant(name: str, file: Path, out: str, shards: int, env: dict[str, str], concurrency: int) -> Variant:
    """Run the batch in ``shards`` processes at once; wall time, summed CPU, the largest peak RSS."""
    lines = sum(1 for _ in file.open())
    started = time.perf_counter()
    processes = []
    for index in range(1, shards + 1):
        command = [PY, "-m", "apiframe", "--json", "batch", str(file), "--out", out, "-c", str(concurrency)]
        if shards > 1:
            command += ["--shard", f"{index}/{shards}"]
        processes.append(subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env))
    cpu = 0.0
    peak = 0
    completed = 0
    for process in processes:
        assert process.stdout is not None
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        process.stdout.close()
        cpu += usage.ru_utime + usage.ru_stime
        peak = max(peak, usage.ru_maxrss)  # KiB on Linux
        completed += int(json.loads(output)["completed"]) if output.strip() else 0
    seconds = time.perf_counter() - started
    return Variant(name, lines, seconds, cpu, peak / 1024, completed)


def run(base_url: str, api_key: str, lines: int, *, concurrency: int = 32) -> list[Variant]:
    """The four variants, in one run against the sandbox at ``base_url``."""
    with tempfile.TemporaryDirectory(prefix="apiframe-batch-bench-") as folder:
        home = Path(folder)
        file = home / "prompts.jsonl"
        file.write_text(
            "".join(json.dumps({"model": "flux-1.1-pro", "prompt": f"bench line {n}"}) + "\n" for n in range(lines))
        )
        variants: list[Variant] = []
        with s3_server(home) as env:
            env = {**env, "APIFRAME_API_KEY": api_key, "APIFRAME_BASE_URL": base_url}
            for where in ("local folder", "S3 server"):
                for shards in (1, 4):
                    out = str(home / f"out-{shards}") if where == "local folder" else f"s3://{_bucket(env)}/run"
                    how = "1 process" if shards == 1 else f"{shards} shard processes"
                    variants.append(run_variant(f"{where}, {how}", file, out, shards, env, concurrency))
        return variants


if __name__ == "__main__":
    base, key, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    for variant in run(base, key, count):
        print(variant.name, variant.describe(), f"{variant.seconds:.1f} s", variant.completed)
