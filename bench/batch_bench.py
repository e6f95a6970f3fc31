"""Batches at scale, against the sandbox; every side is a separate process measured by the kernel.

Benchmark 10: a batch in one process versus four shard processes, into a local folder and into
an S3 server (moto) on 127.0.0.1, side by side in one run. Every variant runs ``python -m
apiframe batch FILE --out OUT [--shard K/4]`` on the same input (each into its own folder or
bucket, so each submits every line once) and reads each process's CPU time and peak RSS from
the kernel (``wait4``).

Benchmark 11 (``python bench/batch_bench.py scale``): the engine at 10^5-10^6 lines.

- planning: ``BatchRun.plan`` of 10^6 lines (parse, check every line against the spec, derive
  the keys; nothing sent) in a fresh process: seconds, CPU seconds and peak RSS per process;
- end to end: ``apiframe batch`` of 10^5 flux lines (``E2E_MODELS``) into a local folder against a fast sandbox (its
  own process), with the live display (on a pseudo-terminal, as a person sees it) and without
  (``--json``), the two interleaved: lines/s and CPU per line of the batch process. They run at
  ``-c 256`` (``--concurrency``): a line's first look at its job comes about a second after its
  submission (the shared wait's schedule), so at ``-c 32`` the schedule, not the batch, sets the rate.

Each figure is the median and range of ``--runs`` runs (3 at least); the raw numbers and the
exact commands go to ``bench/work/batch-scale.json``, rewritten after every run (``"finished":
false`` until the last one: a run stopped midway keeps what it measured).

``python bench/batch_bench.py compare BASELINE_PYTHONPATH`` runs this tree and another (for
example ``git archive main | tar -x -C /tmp/main``, then ``/tmp/main:/tmp/main/generated``) side
by side, interleaved: CPU per line into a folder and into the S3 server.
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import os
import pty
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


_FUNDED = """
import runpy, sys
import apiframe.testing as testing
made = testing.SandboxConfig
def funded(*args, **kwargs):
    kwargs.setdefault("initial_credits", 10**15)
    return made(*args, **kwargs)
testing.SandboxConfig = funded
script = sys.argv[1]
sys.argv = [script, *sys.argv[2:]]
runpy.run_path(script, run_name="__main__")
"""
"""Runs a sandbox script with a team that cannot run out of credits (the sandbox charges each job
by the catalog, and its default 100,000 credits end near 10^4 lines of benchmark 11's mix)."""


@contextmanager
def sandbox_process(job_seconds: float, script: str | None = None) -> Iterator[tuple[str, str]]:
    """A sandbox in a process of its own, its credits unlimited: yields its base URL and API key.

    ``script`` (bench/_sandbox.py by default) takes the job seconds, prints ``BASE KEY`` and serves
    until its stdin closes.
    """
    sandbox = subprocess.Popen(
        [PY, "-c", _FUNDED, script or str(Path(__file__).parent / "_sandbox.py"), str(job_seconds)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert sandbox.stdout is not None
        base, key = sandbox.stdout.readline().split()
        yield base, key
    finally:
        if sandbox.stdin is not None:
            sandbox.stdin.close()
        sandbox.wait(timeout=60)


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


def run_variant(
    name: str, file: Path, out: str, shards: int, env: dict[str, str], concurrency: int, *, cwd: Path | None = None
) -> Variant:
    """Run the batch in ``shards`` processes at once; wall time, summed CPU, the largest peak RSS."""
    lines = sum(1 for _ in file.open())
    started = time.perf_counter()
    processes = []
    for index in range(1, shards + 1):
        command = [PY, "-m", "apiframe", "--json", "batch", str(file), "--out", out, "-c", str(concurrency)]
        if shards > 1:
            command += ["--shard", f"{index}/{shards}"]
        processes.append(subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=cwd))
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


VARIANTS = (("local folder", 1), ("local folder", 4), ("S3 server", 1), ("S3 server", 4))


def run(
    base_url: str, api_key: str, lines: int, *, concurrency: int = 256, rounds: int = 3
) -> dict[str, list[Variant]]:
    """The four variants, ``rounds`` interleaved runs each (the order reversed every other round), against
    the sandbox at ``base_url``; each run writes into a folder or bucket of its own."""
    with tempfile.TemporaryDirectory(prefix="apiframe-batch-bench-") as folder:
        home = Path(folder)
        file = home / "prompts.jsonl"
        file.write_text(
            "".join(json.dumps({"model": "flux-1.1-pro", "prompt": f"bench line {n}"}) + "\n" for n in range(lines))
        )
        results: dict[str, list[Variant]] = {}
        with s3_server(home) as env:
            env = {**env, "APIFRAME_API_KEY": api_key, "APIFRAME_BASE_URL": base_url}
            for round_number in range(rounds):
                for where, shards in VARIANTS if round_number % 2 == 0 else VARIANTS[::-1]:
                    local = where == "local folder"
                    out = str(home / f"out-{shards}-{round_number}") if local else f"s3://{_bucket(env)}/run"
                    name = f"{where}, {'1 process' if shards == 1 else f'{shards} shard processes'}"
                    results.setdefault(name, []).append(run_variant(name, file, out, shards, env, concurrency))
        return results


# -- benchmark 11: the engine at scale ---------------------------------------------------------

WORK = Path(__file__).resolve().parent / "work"
MODELS = (
    {"model": "flux-1.1-pro", "params": {"aspect_ratio": "1:1"}},
    {"model": "kling-2.5-turbo-pro", "params": {"duration": 5}},
    {"model": "suno", "params": {"custom_mode": False, "instrumental": True}},
)


@dataclass(frozen=True)
class Spread:
    """The median and range of one figure over the runs, and the runs' raw values."""

    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else math.nan

    def show(self, unit: str, digits: int = 1) -> str:
        if not self.values:
            return "not run"
        low, high = min(self.values), max(self.values)
        return f"{self.median:.{digits}f} {unit} (range {low:.{digits}f}-{high:.{digits}f}, {len(self.values)} runs)"


@dataclass(frozen=True)
class Scale:
    """What benchmark 11 measured (each figure over all runs)."""

    plan_lines: int
    plan_seconds: Spread
    plan_cpu_seconds: Spread
    plan_peak_rss_mib: Spread
    e2e_lines: int
    plain: dict[str, Spread]
    """``--json`` (no display): lines_per_second, cpu_ms_per_line, peak_rss_mib, completed."""
    display: dict[str, Spread]
    """The live display on a pseudo-terminal: the same figures."""
    aiohttp: dict[str, Spread]
    """``--json --http-backend aiohttp``: the same figures."""
    commands: list[str]


def write_input(path: Path, lines: int, models: tuple[dict[str, Any], ...] = MODELS) -> None:
    """``lines`` request lines, ``models`` taking turns (every line distinct)."""
    with path.open("w") as handle:
        for n in range(lines):
            handle.write(json.dumps({**models[n % len(models)], "prompt": f"scale line {n}"}) + "\n")


E2E_MODELS = MODELS[:1]
"""The end-to-end runs' lines: flux pictures only, as benchmark 10's. A sandbox job's media cost the
sandbox's one core 4 ms for a picture but ~45 ms for a 5 s video clip, so a mix ran at ~56 lines/s,
bound by the sandbox (10^5 lines: ~30 minutes a run); with pictures the batch sets the rate."""


_PLAN = """
import asyncio, json, sys, time
from apiframe.batch import BatchRun, open_store, read_batch
started, cpu = time.perf_counter(), time.process_time()
run = BatchRun(open_store(sys.argv[2]), read_batch(sys.argv[1]))
tasks = asyncio.run(run.plan())
print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "tasks": len(tasks)}))
"""


def _measured(command: list[str], env: dict[str, str], *, terminal: bool = False) -> tuple[bytes, float, float, float]:
    """Run ``command``; its output, wall seconds, CPU seconds and peak RSS (MiB) from ``wait4``.

    With ``terminal``, its stdout and stderr are a pseudo-terminal (drained as it writes).
    """
    started = time.perf_counter()
    if terminal:
        controller, side = pty.openpty()
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=side, stderr=side, env=env)
        os.close(side)
        tail: collections.deque[bytes] = collections.deque(maxlen=64)  # what it drew last, for errors
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            tail.append(chunk)
        os.close(controller)
        output = b"".join(tail)
    else:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, env=env)
        assert process.stdout is not None
        output = process.stdout.read()
        process.stdout.close()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{shlex.join(command)} exited {process.returncode}: {output[-2000:]!r}")
    return output, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _completed(out: Path) -> int:
    import asyncio

    from apiframe.batch import open_store, summarise

    return asyncio.run(summarise(open_store(str(out)))).done


E2E_KINDS: dict[str, list[str]] = {
    "plain": ["--json"],
    "display": [],
    "aiohttp": ["--json", "--http-backend", "aiohttp"],
}
"""The end-to-end runs, interleaved in this order in every round: their global options (the display
runs on a pseudo-terminal)."""


E2E_CONCURRENCY = 256
"""Lines in flight per batch process end to end: enough that the batch's CPU, not the shared wait's
schedule (a line's first look comes about a second after its submission), sets the rate."""


def scale(
    plan_lines: int,
    e2e_lines: int,
    runs: int,
    *,
    job_seconds: float = 0.02,
    concurrency: int = E2E_CONCURRENCY,
    sandbox: str | None = None,
    kinds: tuple[str, ...] = tuple(E2E_KINDS),
) -> Scale:
    """Benchmark 11: planning ``plan_lines`` and running ``e2e_lines`` end to end, ``runs`` times each
    (either count 0 skips that half); ``kinds`` picks the end-to-end runs (:data:`E2E_KINDS`)."""
    if runs < 3:
        raise ValueError("at least 3 runs: the median and range are what is reported")
    commands: list[str] = []
    raw: dict[str, Any] = {"plan": [], **{kind: [] for kind in E2E_KINDS}}
    env = dict(os.environ)

    def keep(*, finished: bool = False) -> None:
        """Write the raw numbers so far (after every run: a run stopped midway keeps what it measured)."""
        WORK.mkdir(exist_ok=True)
        record = {"plan_lines": plan_lines, "e2e_lines": e2e_lines, "runs": runs, "finished": finished}
        record.update(concurrency=concurrency, job_seconds=job_seconds, sandbox=sandbox or "bench/_sandbox.py")
        record.update(commands=commands, load_average=os.getloadavg(), **raw)
        (WORK / "batch-scale.json").write_text(json.dumps(record, indent=2) + "\n")

    with tempfile.TemporaryDirectory(prefix="apiframe-batch-scale-") as folder:
        home = Path(folder)
        planned = home / "plan.jsonl"
        write_input(planned, plan_lines)
        for run_number in range(runs if plan_lines else 0):
            command = [PY, "-c", _PLAN, str(planned), str(home / f"plan-out-{run_number}")]
            commands.append(shlex.join([*command[:2], "<_PLAN>", *command[3:]]))
            output, _, cpu, rss = _measured(command, env)
            figures = json.loads(output)
            assert figures["tasks"] == plan_lines, figures
            raw["plan"].append({"seconds": figures["seconds"], "cpu_seconds": cpu, "peak_rss_mib": rss})
            keep()
        planned.unlink()

        batch = home / "e2e.jsonl"
        write_input(batch, e2e_lines, E2E_MODELS)
        for run_number in range(runs if e2e_lines else 0):
            for kind in kinds:  # interleaved, so drift hits all alike
                flags = E2E_KINDS[kind]
                out = home / f"out-{kind}-{run_number}"
                with sandbox_process(job_seconds, sandbox) as (base, key):
                    run_env = {**env, "APIFRAME_API_KEY": key, "APIFRAME_BASE_URL": base, "COLUMNS": "120"}
                    run_env.pop("APIFRAME_HTTP_BACKEND", None)  # each run's transport is its own flags'
                    command = [PY, "-m", "apiframe", *flags, "batch", str(batch), "--out", str(out)]
                    command += ["-c", str(concurrency)]
                    commands.append(shlex.join(command))
                    _, seconds, cpu, rss = _measured(command, run_env, terminal=kind == "display")
                done = _completed(out)
                shutil.rmtree(out)
                raw[kind].append(
                    {
                        "lines_per_second": e2e_lines / seconds,
                        "cpu_ms_per_line": cpu * 1000 / e2e_lines,
                        "peak_rss_mib": rss,
                        "completed": done,
                        "seconds": seconds,
                    }
                )
                keep()
    keep(finished=True)

    def spread(kind: str, name: str) -> Spread:
        return Spread(tuple(float(item[name]) for item in raw[kind]))

    names = ("lines_per_second", "cpu_ms_per_line", "peak_rss_mib", "completed")
    return Scale(
        plan_lines=plan_lines,
        plan_seconds=spread("plan", "seconds"),
        plan_cpu_seconds=spread("plan", "cpu_seconds"),
        plan_peak_rss_mib=spread("plan", "peak_rss_mib"),
        e2e_lines=e2e_lines,
        plain={name: spread("plain", name) for name in names},
        display={name: spread("display", name) for name in names},
        aiohttp={name: spread("aiohttp", name) for name in names},
        commands=commands,
    )


def compare(
    lines: int, rounds: int, baseline: str, *, job_seconds: float = 0.02, concurrency: int = 32
) -> list[tuple[str, str, Variant]]:
    """This tree against ``baseline`` (a PYTHONPATH holding another tree's ``apiframe`` and
    ``generated``), one batch process each into a folder and into the S3 server, interleaved."""
    results: list[tuple[str, str, Variant]] = []
    with tempfile.TemporaryDirectory(prefix="apiframe-batch-compare-") as folder:
        home = Path(folder)
        file = home / "prompts.jsonl"
        rows = (json.dumps({"model": "flux-1.1-pro", "prompt": f"line {n}"}) for n in range(lines))
        file.write_text("".join(row + "\n" for row in rows))
        with sandbox_process(job_seconds) as (base, key), s3_server(home) as env:
            env = {**env, "APIFRAME_API_KEY": key, "APIFRAME_BASE_URL": base}
            for round_number in range(rounds):
                for code in ("baseline", "this tree"):
                    run_env = {**env, "PYTHONPATH": baseline} if code == "baseline" else env
                    for where in ("local folder", "S3 server"):
                        out = str(home / f"out-{code[0]}-{round_number}")
                        if where == "S3 server":
                            out = f"s3://{_bucket(env)}/run"
                        # run from the temporary folder: python -m puts the working folder first on sys.path
                        variant = run_variant(where, file, out, 1, run_env, concurrency, cwd=home)
                        print(code, variant.name, variant.describe(), variant.completed, flush=True)
                        results.append((code, where, variant))
    return results


def main(argv: list[str]) -> None:
    if argv and argv[0] == "compare":
        parser = argparse.ArgumentParser(prog="batch_bench.py compare")
        parser.add_argument("baseline", help="PYTHONPATH of the other tree (its root and its generated/)")
        parser.add_argument("--lines", type=int, default=1000)
        parser.add_argument("--rounds", type=int, default=2)
        parser.add_argument("--concurrency", "-c", type=int, default=32)
        args = parser.parse_args(argv[1:])
        compare(args.lines, args.rounds, args.baseline, concurrency=args.concurrency)
        return
    if argv and argv[0] == "scale":
        parser = argparse.ArgumentParser(prog="batch_bench.py scale")
        parser.add_argument("--plan-lines", type=int, default=1_000_000)
        parser.add_argument("--e2e-lines", type=int, default=100_000)
        parser.add_argument("--runs", type=int, default=3)
        parser.add_argument("--concurrency", "-c", type=int, default=E2E_CONCURRENCY, help="lines in flight end to end")
        parser.add_argument("--sandbox", help="a sandbox script in place of bench/_sandbox.py (prints BASE KEY)")
        parser.add_argument(
            "--kinds", default=",".join(E2E_KINDS), help=f"end-to-end runs, comma-separated, of {', '.join(E2E_KINDS)}"
        )
        args = parser.parse_args(argv[1:])
        kinds = tuple(kind.strip() for kind in args.kinds.split(",") if kind.strip())
        if not kinds or any(kind not in E2E_KINDS for kind in kinds):
            parser.error(f"--kinds takes some of {', '.join(E2E_KINDS)}, comma-separated")
        result = scale(
            args.plan_lines, args.e2e_lines, args.runs, concurrency=args.concurrency, sandbox=args.sandbox, kinds=kinds
        )
        print(
            f"plan {result.plan_lines:,} lines: {result.plan_seconds.show('s')}, "
            f"{result.plan_cpu_seconds.show('CPU-s')}, peak RSS {result.plan_peak_rss_mib.show('MiB', 0)}"
        )
        for kind, figures in (
            ("--json", result.plain),
            ("display", result.display),
            ("--json --http-backend aiohttp", result.aiohttp),
        ):
            print(
                f"{result.e2e_lines:,} lines, {kind}: {figures['lines_per_second'].show('lines/s', 0)}, "
                f"{figures['cpu_ms_per_line'].show('ms CPU/line', 2)}, completed {figures['completed'].show('', 0)}"
            )
        print(f"raw numbers and commands: {WORK / 'batch-scale.json'}")
        return
    base, key, count = argv[0], argv[1], int(argv[2])
    for name, runs in run(base, key, count).items():
        for variant in runs:
            print(name, variant.describe(), f"{variant.seconds:.1f} s", variant.completed)


if __name__ == "__main__":
    main(sys.argv[1:])
