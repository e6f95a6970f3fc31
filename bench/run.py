"""Benchmarks of the SDK against raw httpx (and the official Node SDK), measured side by side in one run.

``python bench/run.py`` runs the full profile and writes ``bench/results.md``; ``--quick`` runs a
scaled-down version of everything (a smoke test); ``--quick`` and ``--only`` runs write
``bench/work/results-partial.md``, and ``--only 1,9 --merge`` replaces those benchmarks' rows in
``bench/results.md`` instead (what the integrator re-runs on an idle machine). Every run keeps its raw
numbers in ``bench/work/raw/`` (git-ignored) and records its exact command, commit and load average.
Every ratio compares sides measured in the same run, interleaved where it matters, against the same
local server; benchmarks 1-6, 9 and 10 show the median and range of interleaved runs (``Profile.rounds``,
3, unless a benchmark says otherwise), 11 of 3 runs; 7 and 12 are pass/fail; 8 is one run of its jobs.
A new benchmark is a function returning rows plus one line in ``main``'s ``steps``; ``interleaved``,
``run_side``, ``Spread`` and ``keep_raw`` do the rounds, the child processes, the figures and the raw
numbers.

1. call overhead: sync ``client.jobs.get`` versus ``httpx.Client`` GET plus ``json.loads`` against the
   sandbox (bench/_calls.py), beside the official Node SDK versus ``fetch`` (bench/node_client.mjs);
   each pair alternates call by call in one process, the pairs' runs are interleaved;
2. async fan-out: concurrent ``jobs.get`` through ``AsyncApiframe`` versus ``httpx.AsyncClient``;
3. waiting: jobs of the sandbox waited by the SDK versus a naive poller (2 s, x1.5, cap 5 s);
4. upload: a large file through ``client.uploads.create(path)`` versus a raw streaming upload;
5. import: ``import apiframe`` versus ``import httpx`` in fresh processes of a venv with only the
   SDK's runtime dependencies (bench/work/venvs/sdk);
6. ``make generate``: the generator run into a temporary directory;
7. reliability, large profile: the exactly-once suite with 2,000 faulty submissions and the
   webhook fuzz with 100,000 cases (pass/fail, no ratio);
8. waiting by push: the same jobs waited with ``push=PushSource(hub, url)``, in-process hub and
   Redis hub, beside polling ``wait_many`` in the same run; then with 30 % of deliveries dropped
   (see ``bench/push_bench.py``).
9. throughput: 10,000 ``jobs.get`` at concurrency 64 against bench/_server.py: requests/s and client
   CPU per request for raw ``httpx.AsyncClient`` (with and without sniffio), the SDK on both
   transports (each in its own venv under bench/work/venvs) and, where node is installed, Node's
   ``fetch`` and the official Node SDK (``npm i @apiframe-ai/sdk@next`` into bench/work/node on first
   use; skipped, with the reason in its row, when node or the package cannot be had). CPU ratios are
   taken run by run (see ``bench_throughput``).
10. batches at scale: a batch against the sandbox in one process versus four ``--shard`` processes,
    into a local folder and into an S3 server on 127.0.0.1: lines/s, CPU per line, peak RSS per
    process, 3 interleaved runs of each variant (see ``bench/batch_bench.py``).
11. the batch engine at scale: planning 10^6 lines (seconds and peak RSS per process), and 10^5
    lines end to end against a fast sandbox with the live display and without (``--json``), and with
    ``--json --http-backend aiohttp``: lines/s and CPU per line, median and range of 3 interleaved
    runs (see ``bench/batch_bench.py scale``).
12. hostile-server fuzzer, large profile: ``tests/fuzz`` with many random examples per SDK method
    (sync and async) and per command; cases run, outcomes, and the known findings it hit
    (pass/fail, no ratio; see ``bench_server_fuzz``).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import filecmp
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = BENCH / "work"
PY = sys.executable
MIB = 1024 * 1024
TERMINAL = {"COMPLETED", "FAILED", "CANCELLED"}
JOB_ID = "0b6f4c1e-2f7a-4d3b-9a53-0d9e3f1c2b7a"
API_KEY = "afk_bench_key"


@dataclass(frozen=True)
class Row:
    """One line of the results table."""

    name: str
    sdk: str
    baseline: str
    figure: str
    target: str
    verdict: str  # PASS, MISS or "-" (no target)


@dataclass(frozen=True)
class Profile:
    """How big each benchmark is."""

    calls: int
    fanout: int
    fanout_rounds: int
    wait_jobs: int
    job_seconds: float
    upload_bytes: int
    upload_rounds: int
    imports: int
    generate: bool
    submissions: int
    fuzz_cases: int
    throughput_requests: int = 10_000
    throughput_concurrency: int = 64
    rounds: int = 3
    """Interleaved runs behind each figure of benchmarks 1 and 9 (the median and range are shown)."""
    server_fuzz_examples: int = 100


FULL = Profile(
    calls=2000,
    fanout=1000,
    fanout_rounds=3,
    wait_jobs=200,
    job_seconds=20.0,
    upload_bytes=1024 * MIB,
    upload_rounds=3,
    imports=21,
    generate=True,
    submissions=2000,
    fuzz_cases=100_000,
)
QUICK = Profile(
    calls=300,
    fanout=200,
    fanout_rounds=3,
    wait_jobs=20,
    job_seconds=4.0,
    upload_bytes=64 * MIB,
    upload_rounds=3,
    imports=5,
    generate=False,
    submissions=200,
    fuzz_cases=2000,
    throughput_requests=2000,
    server_fuzz_examples=2,
)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


@contextmanager
def child(*args: str) -> Iterator[str]:
    """Run ``python args...`` that prints one line when ready; yield that line; stop it after."""
    proc = subprocess.Popen([PY, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        if not line:
            raise RuntimeError(f"{' '.join(args)} did not start")
        yield line
    finally:
        if proc.stdin is not None:
            proc.stdin.close()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# -- shared by the benchmarks ------------------------------------------------------------------


@dataclass(frozen=True)
class Spread:
    """One figure over several interleaved runs: shown as the median and the range."""

    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def show(self, digits: int = 0, scale: float = 1.0) -> str:
        low, high = min(self.values) * scale, max(self.values) * scale
        return f"{self.median * scale:.{digits}f} ({low:.{digits}f}-{high:.{digits}f})"


RAW: dict[str, Any] = {}
"""The raw numbers of this run by benchmark, written to bench/work/raw/ (see ``keep_raw``)."""


def keep_raw(benchmark: str, data: Any) -> None:
    """Keep what a benchmark measured (every sample of every run) for the raw-numbers file."""
    RAW[benchmark] = data


def run_side(command: list[str], cwd: Path = ROOT) -> Any:
    """Run one side of a benchmark in a process of its own; its last stdout line is JSON."""
    out = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"{shlex.join(command)} failed ({out.returncode}): {out.stderr.strip()[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def interleaved(rounds: int, sides: dict[str, Callable[[], Any]]) -> dict[str, list[Any]]:
    """Each side once per round, the order reversed every other round; every side's results."""
    results: dict[str, list[Any]] = {name: [] for name in sides}
    order = list(sides)
    for n in range(rounds):
        for name in order if n % 2 == 0 else order[::-1]:
            log(f"{name}: run {n + 1} of {rounds}")
            results[name].append(sides[name]())
    return results


NODE_FOLDER = WORK / "node"
NODE_PACKAGE = "@apiframe-ai/sdk"


def node_sdk() -> tuple[Path | None, str]:
    """The folder whose node_modules hold the official Node SDK (installed there by ``npm i
    @apiframe-ai/sdk@next`` on first use), or None and why not."""
    if shutil.which("node") is None:
        return None, "node is not installed"
    manifest = NODE_FOLDER / "node_modules" / NODE_PACKAGE / "package.json"
    why = ""
    if not manifest.is_file():
        if shutil.which("npm") is None:
            return None, "npm is not installed"
        NODE_FOLDER.mkdir(parents=True, exist_ok=True)
        if not (NODE_FOLDER / "package.json").is_file():
            (NODE_FOLDER / "package.json").write_text('{"name": "apiframe-bench-node", "private": true}\n')
        log(f"installing {NODE_PACKAGE}@next into {NODE_FOLDER.relative_to(ROOT)}")
        npm = ["npm", "install", "--no-audit", "--no-fund", f"{NODE_PACKAGE}@next"]
        out = subprocess.run(npm, cwd=NODE_FOLDER, capture_output=True, text=True, check=False)
        lines = [line for line in out.stderr.splitlines() if line.strip()]
        why = lines[0] if out.returncode and lines else ""
    if not manifest.is_file():
        return None, f"npm could not install {NODE_PACKAGE}@next ({why or 'no reason given'})"
    version = json.loads(manifest.read_text()).get("version", "?")
    return NODE_FOLDER, f"{NODE_PACKAGE} {version}"


def node_command(*args: str) -> list[str]:
    return ["node", str(BENCH / "node_client.mjs"), *args]


# -- 1. call overhead -----------------------------------------------------------------------


def _sandbox_job(base: str, key: str) -> str:
    """A finished job of the sandbox, for benchmarks that read one job again and again."""
    from apiframe import Apiframe

    with Apiframe(api_key=key, base_url=base) as client:
        return client.images.generate(model="flux-1.1-pro", prompt="a lighthouse at dusk").wait().id


def bench_calls(profile: Profile) -> list[Row]:
    """Sequential ``jobs.get`` against the sandbox: the Python SDK beside ``httpx.Client`` +
    ``json.loads`` (bench/_calls.py), the official Node SDK beside ``fetch`` (bench/node_client.mjs),
    each pair alternating call by call in one process; the pairs' runs interleaved."""
    node, about_node = node_sdk()
    with child("bench/_sandbox.py", "0.05") as line:
        base, key = line.split()
        job_id = _sandbox_job(base, key)
        count = str(profile.calls)
        python = [PY, "bench/_calls.py", base, key, job_id, count]
        sides: dict[str, Callable[[], Any]] = {"python": lambda: run_side(python)}
        if shutil.which("node"):
            folder = str(node) if node else "-"
            sides["node"] = lambda: run_side(node_command("calls", base, key, job_id, count, folder))
        runs = interleaved(profile.rounds, sides)
    keep_raw("1", {"seconds_per_call": runs, "node_sdk": about_node})

    def medians(pair: str, side: str) -> Spread:
        return Spread(tuple(statistics.median(run[side]) * 1e6 for run in runs[pair]))

    def overhead(pair: str, side: str, baseline: str) -> Spread:
        return Spread(tuple((statistics.median(r[side]) - statistics.median(r[baseline])) * 1e6 for r in runs[pair]))

    def ratio(pair: str, side: str, baseline: str) -> Spread:
        return Spread(tuple(statistics.median(r[side]) / statistics.median(r[baseline]) for r in runs[pair]))

    label = f"1. sync jobs.get against the sandbox, {profile.calls:,} calls x {profile.rounds} runs"
    extra = overhead("python", "sdk", "raw")
    rows = [
        Row(
            f"{label}: Apiframe (median per call; median and range of the runs)",
            f"{medians('python', 'sdk').show()} us",
            f"{medians('python', 'raw').show()} us (httpx.Client + json.loads)",
            f"+{extra.show()} us, {ratio('python', 'sdk', 'raw').show(2)}x",
            "<= +100 us",
            verdict(extra.median <= 100),
        )
    ]
    if "node" in runs and node is not None:
        rows.append(
            Row(
                f"{label}: official Node SDK ({about_node}), same sandbox and runs",
                f"{medians('node', 'sdk').show()} us",
                f"{medians('node', 'fetch').show()} us (fetch + response.json())",
                f"+{overhead('node', 'sdk', 'fetch').show()} us, {ratio('node', 'sdk', 'fetch').show(2)}x",
                "-",
                "-",
            )
        )
    else:
        rows.append(Row(f"{label}: official Node SDK", f"not measured: {about_node}", "-", "-", "-", "-"))
    return rows


# -- 2. async fan-out -----------------------------------------------------------------------


async def _fanout(profile: Profile, base: str) -> tuple[list[float], list[float]]:
    """Each side's seconds per round (the rounds interleaved, the order reversed every other round)."""
    from apiframe import AsyncApiframe

    url = f"{base}/v2/jobs/{JOB_ID}"
    headers = {"X-API-Key": API_KEY, "Accept": "application/json"}
    # The same pool (httpx's default size) and timeout for both sides.
    limits = httpx.Limits(max_connections=100, max_keepalive_connections=100)
    timeout = httpx.Timeout(60.0)
    async with (
        httpx.AsyncClient(limits=limits, timeout=timeout) as sdk_http,
        httpx.AsyncClient(limits=limits, timeout=timeout) as raw,
    ):
        client = AsyncApiframe(api_key=API_KEY, base_url=base, http_client=sdk_http, timeout=timeout)

        async def sdk_round() -> None:
            await asyncio.gather(*(client.jobs.get(JOB_ID) for _ in range(profile.fanout)))

        async def raw_one() -> None:
            json.loads((await raw.get(url, headers=headers)).content)

        async def raw_round() -> None:
            await asyncio.gather(*(raw_one() for _ in range(profile.fanout)))

        sides: list[tuple[Callable[[], Any], list[float]]] = [(sdk_round, []), (raw_round, [])]
        # open each pool's 100 connections first
        await asyncio.gather(*(client.jobs.get(JOB_ID) for _ in range(100)), *(raw_one() for _ in range(100)))
        for n in range(profile.fanout_rounds):
            for round_, samples in sides if n % 2 == 0 else sides[::-1]:
                started = time.perf_counter()
                await round_()
                samples.append(time.perf_counter() - started)
    return sides[0][1], sides[1][1]


def bench_fanout(profile: Profile) -> Row:
    with child("bench/_server.py") as port:
        sdk_runs, raw_runs = asyncio.run(_fanout(profile, f"http://127.0.0.1:{port}"))
    keep_raw("2", {"seconds_per_round": {"sdk": sdk_runs, "raw": raw_runs}, "calls_per_round": profile.fanout})
    sdk, raw = Spread(tuple(sdk_runs)), Spread(tuple(raw_runs))
    ratio = Spread(tuple(a / b for a, b in zip(sdk_runs, raw_runs, strict=True)))  # round by round
    return Row(
        f"2. async fan-out, {profile.fanout} concurrent jobs.get, {profile.fanout_rounds} runs",
        f"{sdk.show(scale=1000)} ms",
        f"{raw.show(scale=1000)} ms (httpx.AsyncClient)",
        f"{ratio.show(2)}x",
        "<= 1.15x",
        verdict(ratio.median <= 1.15),
    )


# -- 3. waiting ---------------------------------------------------------------------------------


@dataclass
class WaitResult:
    requests: int
    latencies: list[float]

    def per_job(self, jobs: int) -> float:
        return self.requests / jobs

    @property
    def p50(self) -> float:
        return percentile(self.latencies, 0.5)

    @property
    def p95(self) -> float:
        return percentile(self.latencies, 0.95)


def _completed_ts(value: str) -> float:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


async def _submit(base: str, key: str, count: int) -> list[str]:
    from apiframe import AsyncApiframe

    async with AsyncApiframe(api_key=key, base_url=base) as client:
        accepted = await asyncio.gather(
            *(client.images.generate(model="flux-1.1-pro", prompt=f"bench {n}") for n in range(count))
        )
    return [a.job_id for a in accepted]


def _counting_client() -> tuple[httpx.AsyncClient, list[int]]:
    count = [0]

    async def hook(request: httpx.Request) -> None:
        count[0] += 1

    return httpx.AsyncClient(timeout=60, event_hooks={"request": [hook]}), count


async def _naive(base: str, key: str, ids: list[str]) -> WaitResult:
    http, count = _counting_client()
    latencies: list[float] = []

    async def one(job_id: str) -> None:
        pause = 2.0
        while True:
            await asyncio.sleep(pause)
            response = await http.get(f"{base}/v2/jobs/{job_id}", headers={"X-API-Key": key})
            body = json.loads(response.content)
            if body["status"] in TERMINAL:
                latencies.append(time.time() - _completed_ts(body["completedAt"]))
                return
            pause = min(5.0, pause * 1.5)

    async with http:
        await asyncio.gather(*(one(i) for i in ids))
    return WaitResult(count[0], latencies)


async def _sdk_many(base: str, key: str, ids: list[str]) -> WaitResult:
    from apiframe import AsyncApiframe

    http, count = _counting_client()
    latencies: list[float] = []
    async with http, AsyncApiframe(api_key=key, base_url=base, http_client=http) as client:
        async for job in client.jobs.wait_many(ids):
            assert job.completed_at is not None
            latencies.append(time.time() - job.completed_at.timestamp())
    return WaitResult(count[0], latencies)


async def _sdk_separate(base: str, key: str, ids: list[str]) -> WaitResult:
    from apiframe import AsyncApiframe

    http, count = _counting_client()
    latencies: list[float] = []
    async with http, AsyncApiframe(api_key=key, base_url=base, http_client=http) as client:

        async def one(job_id: str) -> None:
            job = await client.jobs.wait(job_id)
            assert job.completed_at is not None
            latencies.append(time.time() - job.completed_at.timestamp())

        await asyncio.gather(*(one(i) for i in ids))
    return WaitResult(count[0], latencies)


def bench_waiting(profile: Profile) -> list[Row]:
    """Each waiter on fresh jobs, ``profile.rounds`` interleaved runs; figures are medians (ranges) of the runs."""
    jobs = profile.wait_jobs
    waiters = {"naive": _naive, "wait_many": _sdk_many, "wait": _sdk_separate}
    with child("bench/_sandbox.py", str(profile.job_seconds)) as line:
        base, key = line.split()

        def side(name: str) -> Callable[[], WaitResult]:
            def run() -> WaitResult:
                ids = asyncio.run(_submit(base, key, jobs))
                return asyncio.run(waiters[name](base, key, ids))

            return run

        results = interleaved(profile.rounds, {name: side(name) for name in waiters})
    keep_raw("3", {name: [vars(run) for run in runs] for name, runs in results.items()})

    def figures(name: str) -> tuple[Spread, Spread, Spread]:
        runs = results[name]
        return (
            Spread(tuple(r.per_job(jobs) for r in runs)),
            Spread(tuple(r.p50 for r in runs)),
            Spread(tuple(r.p95 for r in runs)),
        )

    def describe(name: str) -> str:
        per_job, p50, p95 = figures(name)
        return f"{per_job.show(2)} req/job, latency p50 {p50.show(2)} s, p95 {p95.show(2)} s"

    naive = figures("naive")
    title = f"3. waiting, {jobs} jobs of {profile.job_seconds:g} s, {profile.rounds} runs"
    rows = [Row(f"{title}: naive poller (2 s, x1.5, cap 5 s)", "-", describe("naive"), "baseline", "-", "-")]
    for name, label in (("wait_many", "one wait_many"), ("wait", f"{jobs} separate jobs.wait")):
        _, p50, p95 = figures(name)
        share = Spread(tuple(a.requests / b.requests for a, b in zip(results[name], results["naive"], strict=True)))
        ok = share.median <= 0.5 and p50.median <= naive[1].median and p95.median <= naive[2].median
        rows.append(
            Row(
                f"{title}: {label}",
                describe(name),
                describe("naive"),
                f"{share.show(2)}x requests",
                "<= 0.5x requests, latency <= naive (medians)",
                verdict(ok),
            )
        )
    return rows


# -- 4. upload ----------------------------------------------------------------------------------


def _make_file(path: Path, size: int) -> None:
    header = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"  # sniffed as MP4 by the sandbox
    chunk = os.urandom(MIB)
    with path.open("wb") as out:
        out.write(header)
        written = len(header)
        while written < size:
            piece = chunk[: min(MIB, size - written)]
            out.write(piece)
            written += len(piece)


def bench_upload(profile: Profile) -> list[Row]:
    WORK.mkdir(exist_ok=True)
    path = WORK / "upload.mp4"
    samples: dict[str, list[dict[str, float]]] = {"sdk": [], "raw": []}
    try:
        _make_file(path, profile.upload_bytes)
        with child("bench/_sandbox.py", "1") as line:
            base, key = line.split()
            for n in range(profile.upload_rounds):
                for side in ("sdk", "raw") if n % 2 == 0 else ("raw", "sdk"):
                    log(f"upload: {side} round {n + 1}")
                    out = subprocess.run(
                        [PY, "bench/_upload.py", side, base, key, str(path)],
                        cwd=ROOT,
                        capture_output=True,
                        text=True,
                        check=True,
                    ).stdout
                    samples[side].append(json.loads(out.strip().splitlines()[-1]))
    finally:
        path.unlink(missing_ok=True)
    size = profile.upload_bytes
    keep_raw("4", {"bytes": size, "samples": samples})

    def speed(side: str) -> Spread:
        return Spread(tuple(size / s["seconds"] / MIB for s in samples[side]))

    def growth(side: str) -> Spread:
        return Spread(tuple(s["growth"] / MIB for s in samples[side]))

    pairs = zip(samples["sdk"], samples["raw"], strict=True)
    ratio = Spread(tuple(raw["seconds"] / sdk["seconds"] for sdk, raw in pairs))  # speed ratio, round by round
    worst = max(growth("sdk").values)
    label = f"{size / MIB / 1024:g} GiB" if size >= 1024 * MIB else f"{size / MIB:g} MiB"
    runs = f"{profile.upload_rounds} runs"
    return [
        Row(
            f"4. upload {label}, {runs}: peak RSS growth",
            f"{growth('sdk').show(1)} MiB",
            f"{growth('raw').show(1)} MiB (httpx streaming multipart)",
            f"{worst:.1f} MiB at most",
            "<= 64 MiB",
            verdict(worst <= 64),
        ),
        Row(
            f"4. upload {label}, {runs}: throughput",
            f"{speed('sdk').show()} MiB/s",
            f"{speed('raw').show()} MiB/s",
            f"{ratio.show(2)}x",
            ">= 0.8x",
            verdict(ratio.median >= 0.8),
        ),
    ]


# -- 5. import ----------------------------------------------------------------------------------


def bench_import(profile: Profile) -> Row:
    """``import apiframe`` versus ``import httpx`` in a venv with only the SDK's runtime dependencies
    (the dev venv's httpx would also import click and rich, hiding the SDK's own cost). The verdict
    is on wall-clock time; the CPU time of the child processes is shown too, being steadier on a
    busy machine."""
    import resource

    python = str(runtime_venv("sdk"))
    times: dict[str, list[float]] = {"apiframe": [], "httpx": []}
    cpu: dict[str, list[float]] = {"apiframe": [], "httpx": []}
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"

    def children_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    warm = {key: value for key, value in env.items() if key != "PYTHONDONTWRITEBYTECODE"}
    for module in times:  # warm the bytecode caches: written here (a changed module's were stale), read after
        subprocess.run([python, "-c", f"import {module}"], check=True, env=warm, cwd=WORK)
    for n in range(profile.imports):
        for module in ("apiframe", "httpx") if n % 2 == 0 else ("httpx", "apiframe"):
            used, started = children_cpu(), time.perf_counter()
            subprocess.run([python, "-c", f"import {module}"], check=True, env=env, cwd=WORK)
            times[module].append(time.perf_counter() - started)
            cpu[module].append(children_cpu() - used)
    keep_raw("5", {"seconds": times, "cpu_seconds": cpu})
    sdk, raw = Spread(tuple(times["apiframe"])), Spread(tuple(times["httpx"]))
    ratio = sdk.median / raw.median
    cpu_ratio = statistics.median(cpu["apiframe"]) / statistics.median(cpu["httpx"])
    return Row(
        f"5. import, fresh process, runtime-only venv ({profile.imports} interleaved runs; median ratio)",
        f"{sdk.show(scale=1000)} ms",
        f"{raw.show(scale=1000)} ms (import httpx)",
        f"{ratio:.2f}x (CPU time {cpu_ratio:.2f}x)",
        "<= 1.3x",
        verdict(ratio <= 1.3),
    )


# -- 6. make generate ---------------------------------------------------------------------------


def _spec() -> Path | None:
    for candidate in (ROOT / "openapi" / "openapi.json", ROOT.parent / "shared" / "apiframe-openapi" / "openapi.json"):
        if candidate.exists():
            return candidate
    return None


def _same_tree(left: Path, right: Path) -> bool:
    compared = filecmp.dircmp(left, right, ignore=["__pycache__"])

    def clean(node: filecmp.dircmp[str]) -> bool:
        if node.left_only or node.right_only or node.diff_files or node.funny_files:
            return False
        return all(clean(sub) for sub in node.subdirs.values())

    return clean(compared)


def bench_generate(rounds: int = 3) -> Row:
    spec = _spec()
    if spec is None:
        return Row("6. make generate", "skipped: no spec (make sync-spec)", "-", "-", "-", "-")
    seconds: list[float] = []
    same = True
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            subprocess.run(
                [PY, "scripts/generate.py", "--spec", str(spec), "--out", tmp, "--no-lock-update"],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            seconds.append(time.perf_counter() - started)
            same = same and _same_tree(Path(tmp) / "apiframe_client", ROOT / "generated" / "apiframe_client")
    keep_raw("6", {"seconds": seconds})
    took = Spread(tuple(seconds))
    note = "output identical to generated/" if same else "output DIFFERS from generated/"
    label = f"6. make generate (into a temporary directory), {rounds} runs"
    return Row(label, f"{took.show(1)} s", note, f"{took.show(1)} s", "-", "-")


# -- 7. reliability ------------------------------------------------------------------------------


def bench_reliability(profile: Profile) -> Row:
    """The reliability suites' large profile: faulty submissions exactly once, webhook fuzz."""
    env = {
        **os.environ,
        "APIFRAME_RELIABILITY_SUBMISSIONS": str(profile.submissions),
        "APIFRAME_FUZZ_EXAMPLES": str(profile.fuzz_cases),
    }
    tests = [
        "tests/reliability/test_exactly_once.py",
        "tests/unit/test_webhook_signatures.py::test_fuzz_zero_false_accepts",
        "tests/hostile",
    ]
    report = WORK / "reliability.xml"
    WORK.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    result = subprocess.run(
        [PY, "-m", "pytest", "-q", "--timeout=1800", f"--junitxml={report}", *tests],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    passed = result.returncode == 0
    if not passed:
        log(result.stdout[-3000:])
    hostile = _hostile_cases(report)
    name = (
        f"7. reliability: {profile.submissions:,} submissions under 20% faults, "
        f"{profile.fuzz_cases:,} webhook fuzz cases, {hostile} hostile-server cases (tests/hostile: "
        "redirects, trickled/stalled/endless/oversized/deep bodies, Retry-After, fork, full disk, bad input)"
    )
    outcome = f"{'all passed' if passed else 'FAILED'} in {seconds:.0f} s"
    target = "one job per submission, zero false accepts; no key off-origin, no file outside the folder, deadlines hold"
    return Row(
        name,
        outcome,
        "-",
        "exactly once; 0 false accepts; every hostile case typed" if passed else "see the log",
        target,
        "PASS" if passed else "MISS",
    )


def _hostile_cases(report: Path) -> int:
    """How many test cases of tests/hostile the JUnit report holds."""
    import xml.etree.ElementTree as ElementTree

    if not report.is_file():
        return 0
    cases = ElementTree.parse(report).getroot().iter("testcase")
    return sum(1 for case in cases if "hostile" in (case.get("classname") or ""))


# -- 9. throughput -----------------------------------------------------------------------------

VENVS = WORK / "venvs"
VENV_SPECS = {"httpx": ["httpx"], "sdk": ["."], "aiohttp": [".[aiohttp]"]}
"""Each side's own venv: raw httpx as a user of bare httpx has it; the SDK with only its runtime
dependencies; the SDK with the aiohttp extra. Built by ``pip install`` (the SDK from a wheel of
this checkout), reinstalled on every run so that the SDK's code is the working tree's."""


def runtime_venv(name: str) -> Path:
    """The python of venv ``name`` under bench/work/venvs, created on first use."""
    home = VENVS / name
    python = home / "bin" / "python"
    if not python.exists():
        log(f"creating the {name} venv in {home.relative_to(ROOT)}")
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(home)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *VENV_SPECS[name]], check=True, cwd=ROOT)
    elif name != "httpx" and name not in _refreshed:
        # the SDK itself is rebuilt from the working tree; its dependencies stay
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--force-reinstall", "--no-deps", "."],
            check=True,
            cwd=ROOT,
        )
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *VENV_SPECS[name]], check=True, cwd=ROOT)
    _refreshed.add(name)
    return python


_refreshed: set[str] = set()


def _cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def _jobs_server() -> Iterator[tuple[str, int]]:
    """bench/_server.py in a process of its own: (base URL, its pid)."""
    proc = subprocess.Popen(
        [PY, "bench/_server.py"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        assert proc.stdout is not None
        yield f"http://127.0.0.1:{proc.stdout.readline().strip()}", proc.pid
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=30)


THROUGHPUT_SIDES = {
    "raw": ("httpx", "httpx.AsyncClient() defaults + json.loads, without sniffio"),
    "raw-sniffio": ("sdk", "httpx.AsyncClient() defaults + json.loads, sniffio installed"),
    "sdk": ("sdk", "AsyncApiframe(), default transport"),
    "aiohttp": ("aiohttp", 'AsyncApiframe(http_backend="aiohttp")'),
}
NODE_SIDES = {"node-fetch": "Node fetch + response.json()", "node-sdk": "official Node SDK, client.jobs.get"}


def bench_throughput(profile: Profile) -> list[Row]:
    """Many ``jobs.get`` at a fixed concurrency against one bench/_server.py process: requests/s and
    client CPU per request for raw httpx (with and without sniffio), the SDK on both transports and,
    where node is installed, Node's fetch and the official Node SDK. Each side runs in a process (and
    a venv) of its own, once per round, the rounds interleaved; a ratio is taken within each round."""
    requests, concurrency = profile.throughput_requests, profile.throughput_concurrency
    pythons = {side: runtime_venv(venv) for side, (venv, _) in THROUGHPUT_SIDES.items()}
    node, about_node = node_sdk()
    server_cpu: dict[str, list[float]] = {}
    with _jobs_server() as (base, server_pid):

        def measured(command: list[str], side: str) -> Callable[[], Any]:
            def run() -> Any:
                before = _cpu_seconds(server_pid)
                result = run_side(command)
                server_cpu.setdefault(side, []).append(_cpu_seconds(server_pid) - before)
                return result

            return run

        count, workers = str(requests), str(concurrency)
        sides = {
            side: measured([str(pythons[side]), "bench/_throughput.py", side, base, count, workers], side)
            for side in THROUGHPUT_SIDES
        }
        if shutil.which("node"):
            sides["node-fetch"] = measured(
                node_command("throughput", "fetch", base, API_KEY, JOB_ID, count, workers, "-"), "node-fetch"
            )
        if node is not None:
            sides["node-sdk"] = measured(
                node_command("throughput", "sdk", base, API_KEY, JOB_ID, count, workers, str(node)), "node-sdk"
            )
        runs = interleaved(profile.rounds, sides)
    keep_raw("9", {"requests": requests, "concurrency": concurrency, "runs": runs, "server_cpu": server_cpu})

    def rate(side: str) -> Spread:
        return Spread(tuple(requests / run["seconds"] for run in runs[side]))

    def cpu(side: str) -> Spread:  # client CPU milliseconds per request
        return Spread(tuple(run["cpu"] / requests * 1000 for run in runs[side]))

    def relative(side: str, baseline: str) -> Spread:  # CPU per request over the baseline's, run by run
        return Spread(tuple(a["cpu"] / b["cpu"] for a, b in zip(runs[side], runs[baseline], strict=True)))

    def shown(side: str) -> str:
        server = statistics.median(server_cpu[side]) / requests * 1000
        return f"{rate(side).show()} req/s, {cpu(side).show(3)} ms CPU/req (server {server:.3f})"

    names = {**{side: text for side, (_, text) in THROUGHPUT_SIDES.items()}, **NODE_SIDES}
    label = f"9. throughput, {requests:,} jobs.get at concurrency {concurrency}, {profile.rounds} runs"
    has_node = "node-sdk" in runs
    rows = [
        Row(f"{label}: {names['raw-sniffio']}", "-", shown("raw-sniffio"), "baseline (Python)", "-", "-"),
        Row(
            f"{label}: {names['raw']}",
            "-",
            shown("raw"),
            f"{relative('raw', 'raw-sniffio').show(2)}x CPU/req of the baseline",
            "-",
            "-",
        ),
    ]
    if has_node:
        node_row = Row(
            f"{label}: {names['node-sdk']} ({about_node})", "-", shown("node-sdk"), "baseline (Node)", "-", "-"
        )
        rows.append(node_row)
    else:
        rows.append(Row(f"{label}: official Node SDK", f"not measured: {about_node}", "-", "-", "-", "-"))
    if "node-fetch" in runs:
        rows.append(Row(f"{label}: {names['node-fetch']}", "-", shown("node-fetch"), "-", "-", "-"))
    for side, limit in (("sdk", 1.5), ("aiohttp", 1.0)):
        figure = f"{relative(side, 'raw-sniffio').show(2)}x CPU/req of raw httpx"
        target, result = "-", "-"
        if has_node:
            against_node = relative(side, "node-sdk")
            figure += f"; {against_node.show(2)}x of the Node SDK"
            target, result = f"<= {limit:g}x Node SDK CPU/req", verdict(against_node.median <= limit)
        rows.append(Row(f"{label}: {names[side]}", shown(side), shown("raw-sniffio"), figure, target, result))
    return rows


# -- report -------------------------------------------------------------------------------------


# -- 8. waiting by push ---------------------------------------------------------------------------


def bench_push(profile: Profile) -> list[Row]:
    import push_bench

    jobs, seconds = profile.wait_jobs, profile.job_seconds
    rows: list[Row] = []
    with push_bench.redis_server() as redis_url:
        with child("bench/_push_sandbox.py", str(seconds), "0") as line:
            base, key = line.split()
            log(f"push: polling wait_many on {jobs} jobs of {seconds:g} s")
            polling = asyncio.run(_sdk_many(base, key, asyncio.run(_submit(base, key, jobs))))
            rows.append(
                Row(
                    f"8. push, {jobs} jobs of {seconds:g} s: polling wait_many (this run)",
                    "-",
                    f"{polling.per_job(jobs):.3f} req/job, latency p50 {polling.p50:.2f} s, p95 {polling.p95:.2f} s",
                    "baseline",
                    "-",
                    "-",
                )
            )
            for hub, url in (("in-process hub", None), ("Redis hub", redis_url)):
                for separate in (False, True):
                    how = f"{jobs} separate waits" if separate else "wait_many"
                    log(f"push: {hub}, {how}")
                    result = push_bench.run(base, key, jobs, redis_url=url, separate=separate)
                    rows.append(_push_row(f"8. push, {hub}: {how}", result, jobs, polling))
        with child("bench/_push_sandbox.py", str(seconds), "0.3") as line:
            base, key = line.split()
            for hub, url in (("in-process hub", None), ("Redis hub", redis_url)):
                log(f"push: {hub}, 30 % of deliveries dropped")
                result = push_bench.run(base, key, jobs, redis_url=url, separate=False)
                rows.append(_push_row(f"8. push, {hub}, 30 % of deliveries dropped: wait_many", result, jobs, polling))
    return rows


def _push_row(name: str, result: Any, jobs: int, polling: WaitResult) -> Row:
    per_job = result.requests / jobs
    delivered = result.after_delivery
    after = result.after_completion
    sdk = (
        f"{per_job:.3f} req/job; delivery to return p50 {percentile(delivered, 0.5) * 1000:.0f} ms, "
        f"p95 {percentile(delivered, 0.95) * 1000:.0f} ms; completion to return p50 "
        f"{percentile(after, 0.5):.2f} s, p95 {percentile(after, 0.95):.2f} s, max {max(after):.2f} s"
    )
    base = f"{polling.per_job(jobs):.3f} req/job, p50 {polling.p50:.2f} s, p95 {polling.p95:.2f} s"
    if result.undelivered:
        sdk += f"; {result.undelivered} jobs ended by the fallback poll"
        ok = per_job <= 0.05 and max(after) <= 30.0 + 5.0
        target = "every wait ends; latency <= fallback (30 s)"
    else:
        ok = per_job <= 0.01 and percentile(delivered, 0.95) <= 0.1
        target = "<= 0.01 req/job, p95 <= 100 ms after delivery"
    return Row(name, sdk, base, f"{per_job / max(polling.per_job(jobs), 1e-9):.2f}x requests", target, verdict(ok))


# -- 10. batches at scale ---------------------------------------------------------------------------


def bench_batch(profile: Profile) -> list[Row]:
    """One process versus four shard processes, local folder versus S3, interleaved runs (bench/batch_bench.py)."""
    import batch_bench

    lines, concurrency = (2000, 256) if profile is FULL else (300, 64)
    with child("bench/_sandbox.py", "0.02") as line:
        base, key = line.split()
        log(f"batch: {lines} lines, 4 variants x {profile.rounds} runs")
        results = batch_bench.run(base, key, lines, concurrency=concurrency, rounds=profile.rounds)
    keep_raw("10", {name: [vars(v) for v in runs] for name, runs in results.items()})

    def describe(runs: list[Any]) -> str:
        rate = Spread(tuple(v.lines_per_second for v in runs))
        cpu = Spread(tuple(v.cpu_ms_per_line for v in runs))
        rss = Spread(tuple(v.peak_rss_mib for v in runs))
        return f"{rate.show()} lines/s, {cpu.show(2)} ms CPU/line, peak RSS {rss.show()} MiB/process"

    rows: list[Row] = []
    for where in ("local folder", "S3 server"):
        one, four = (runs for name, runs in results.items() if name.startswith(where))
        for runs, baseline in ((one, None), (four, one)):
            complete = all(v.completed == v.lines for v in runs)
            if baseline is None:
                figure = f"{Spread(tuple(v.seconds for v in runs)).show(1)} s"
            else:
                pairs = zip(runs, baseline, strict=True)
                figure = f"{Spread(tuple(a.lines_per_second / b.lines_per_second for a, b in pairs)).show(2)}x lines/s"
            rows.append(
                Row(
                    f"10. batch, {lines:,} flux lines, -c {concurrency}, {profile.rounds} runs: {runs[0].name}",
                    describe(runs) + ("" if complete else "; not every line completed"),
                    "-" if baseline is None else f"1 process: {describe(baseline)}",
                    figure,
                    "every line completed",
                    verdict(complete),
                )
            )
    return rows


# -- 11. the batch engine at scale ------------------------------------------------------------------


def bench_batch_scale(profile: Profile) -> list[Row]:
    """Planning 10^6 lines; 10^5 lines end to end with and without the display, and on the aiohttp
    transport (bench/batch_bench.py)."""
    import batch_bench

    plan_lines, e2e_lines = (1_000_000, 100_000) if profile is FULL else (20_000, 500)
    log(f"batch at scale: plan {plan_lines:,} lines, {e2e_lines:,} lines end to end, 3 runs each")
    result = batch_bench.scale(plan_lines, e2e_lines, runs=3)
    rows = [
        Row(
            f"11. batch plan, {plan_lines:,} lines (checked, keys derived, nothing sent)",
            f"{result.plan_seconds.show('s')}; {result.plan_cpu_seconds.show('CPU-s')}",
            "-",
            f"peak RSS {result.plan_peak_rss_mib.show('MiB', 0)}",
            "-",
            "-",
        )
    ]
    for name, figures in (
        ("--json", result.plain),
        ("live display on a terminal", result.display),
        ("--json --http-backend aiohttp", result.aiohttp),
    ):
        cpu = figures["cpu_ms_per_line"]
        complete = min(figures["completed"].values) == e2e_lines
        baseline = "-"
        if figures is result.aiohttp:  # against the --json run of the same round
            ratios = batch_bench.Spread(
                tuple(a / b for a, b in zip(cpu.values, result.plain["cpu_ms_per_line"].values, strict=True))
            )
            baseline = f"{ratios.show('x', 2)} the --json runs' CPU/line, round by round"
        rows.append(
            Row(
                f"11. batch end to end, {e2e_lines:,} lines into a folder, {name}",
                f"{figures['lines_per_second'].show('lines/s', 0)}; {cpu.show('ms CPU/line', 2)}",
                baseline,
                f"peak RSS {figures['peak_rss_mib'].show('MiB', 0)}",
                "<= 3 ms CPU/line, every line completed",
                verdict(cpu.median <= 3.0 and complete),
            )
        )
    return rows


def machine() -> list[str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores",
        f"- RAM: {memory}",
        f"- OS: {platform.platform()}",
        f"- Python: {platform.python_version()} ({platform.python_implementation()})",
        f"- httpx: {httpx.__version__}",
        f"- Date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}",
    ]


def table(rows: list[Row]) -> list[str]:
    lines = ["| benchmark | SDK | baseline | figure | target | result |", "| --- | --- | --- | --- | --- | --- |"]
    lines += [f"| {r.name} | {r.sdk} | {r.baseline} | {r.figure} | {r.target} | {r.verdict} |" for r in rows]
    return lines


def _commit() -> str:
    out = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True)
    return out.stdout.strip() or "unknown"


def _load() -> float:
    return os.getloadavg()[0]


def run_line(numbers: list[str], command: str, started: float, ended: float, raw: Path) -> str:
    """One line of the Runs section: which benchmarks, the exact command, when, under what load."""
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"- benchmarks {', '.join(numbers)}: `{command}` on {when}, commit {_commit()}; load average (1 min) "
        f"{started:.1f} at the start, {ended:.1f} at the end, on {os.cpu_count()} cores; raw numbers in "
        f"`{raw.relative_to(ROOT)}` (git-ignored)"
    )


def _number(row: str) -> int | None:
    """The benchmark number a table row starts with (``| 9. ...``), else None."""
    head = row[2:].split(".", 1)[0] if row.startswith("| ") else ""
    return int(head) if head.isdigit() else None


def merge(path: Path, numbers: list[str], rows: list[str], line: str) -> None:
    """Replace the rows and the Runs line of ``numbers`` in the results file at ``path``, in number order."""
    chosen = {int(n) for n in numbers}
    kept = [row for row in path.read_text().splitlines() if _number(row) not in chosen]
    for row in rows:
        number = _number(row)
        later = [i for i, old in enumerate(kept) if (_number(old) or 0) > (number or 0)]
        table_end = max(i for i, old in enumerate(kept) if old.startswith("| ")) + 1
        at = later[0] if later else table_end
        while at < len(kept) and _number(kept[at]) == number:  # after this run's earlier rows
            at += 1
        kept.insert(at, row)
    stale = [
        i
        for i, row in enumerate(kept)
        if row.startswith("- benchmarks ")
        and set(row[len("- benchmarks ") :].split(":", 1)[0].split(", ")) <= set(numbers)
    ]
    kept = [row for i, row in enumerate(kept) if i not in stale]
    if "## Runs" not in kept:
        kept += ["", "## Runs", ""]
    index = kept.index("## Runs") + 2
    while index < len(kept) and kept[index].startswith("- benchmarks "):
        index += 1
    kept.insert(index, line)
    path.write_text("\n".join(kept) + "\n")


# -- 12. hostile-server fuzzer ----------------------------------------------------------------


def bench_server_fuzz(profile: Profile) -> Row:
    """``tests/fuzz`` with ``server_fuzz_examples`` random examples per target, retries on."""
    stats = WORK / "server-fuzz.jsonl"
    WORK.mkdir(parents=True, exist_ok=True)
    stats.unlink(missing_ok=True)
    seed = str(time.time_ns() % 2**32)
    env = {
        **os.environ,
        "APIFRAME_SERVER_FUZZ_EXAMPLES": str(profile.server_fuzz_examples),
        "APIFRAME_SERVER_FUZZ_SEED": seed,
        "APIFRAME_SERVER_FUZZ_RETRIES": "1",
        "APIFRAME_SERVER_FUZZ_STATS": str(stats),
    }
    started = time.perf_counter()
    result = subprocess.run(
        [PY, "-m", "pytest", "-q", "-p", "no:logging", "--timeout=3600", "-n", "2", "tests/fuzz"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    passed = result.returncode == 0
    (WORK / "server-fuzz.log").write_text(result.stdout + result.stderr)
    if not passed:
        log(f"fuzzer failures (seed {seed}; replay with APIFRAME_SERVER_FUZZ_SEED={seed}): bench/work/server-fuzz.log")
    surfaces: dict[str, int] = {}
    findings: dict[str, int] = {}
    for line in stats.read_text().splitlines() if stats.exists() else []:
        entry = json.loads(line)
        surface = entry["surface"].split()[0]
        surfaces[surface] = surfaces.get(surface, 0) + 1
        if entry["outcome"].startswith("known"):
            findings[entry["outcome"]] = findings.get(entry["outcome"], 0) + 1
    name = (
        f"12. hostile-server fuzzer: {sum(surfaces.values()):,} cases ({surfaces.get('sdk', 0):,} SDK calls, "
        f"{surfaces.get('cli', 0):,} commands; {profile.server_fuzz_examples} per target and mode; seed {seed})"
    )
    figure = "; ".join(f"{k}: {v} cases" for k, v in sorted(findings.items())) or "no known finding hit"
    return Row(
        name,
        f"{'all invariants held' if passed else 'FAILED'} in {seconds:.0f} s",
        "-",
        figure,
        "only SDK errors; CLI exit 0/1/2, no traceback, no control character or markup; key nowhere; "
        "nothing outside the folder; bounded time and memory",
        "PASS" if passed else "MISS",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the SDK benchmarks and write bench/results.md.")
    parser.add_argument("--quick", action="store_true", help="a scaled-down run (smoke test, under a minute)")
    parser.add_argument("--only", help="comma-separated benchmark numbers to run, e.g. 1,9")
    parser.add_argument(
        "--merge",
        action="store_true",
        help="with --only: replace those benchmarks' rows (and their Runs line) in bench/results.md",
    )
    parser.add_argument(
        "--output", type=Path, default=None, help="where to write the results (default bench/results.md)"
    )
    args = parser.parse_args(argv)
    command = shlex.join(["python", "bench/run.py", *(sys.argv[1:] if argv is None else argv)])
    profile = QUICK if args.quick else FULL
    steps: list[tuple[str, Callable[[], Row | list[Row]]]] = [
        ("1", lambda: bench_calls(profile)),
        ("2", lambda: bench_fanout(profile)),
        ("3", lambda: bench_waiting(profile)),
        ("4", lambda: bench_upload(profile)),
        ("5", lambda: bench_import(profile)),
        (
            "6",
            bench_generate
            if profile.generate
            else lambda: Row("6. make generate", "skipped in --quick", "-", "-", "-", "-"),
        ),
        ("7", lambda: bench_reliability(profile)),
        ("8", lambda: bench_push(profile)),
        ("9", lambda: bench_throughput(profile)),
        ("10", lambda: bench_batch(profile)),
        ("11", lambda: bench_batch_scale(profile)),
        ("12", lambda: bench_server_fuzz(profile)),
    ]
    known = [number for number, _ in steps]
    chosen = args.only.split(",") if args.only else known
    unknown = sorted(set(chosen) - set(known))
    if unknown:
        parser.error(f"no benchmark {', '.join(unknown)}; the benchmarks are {', '.join(known)}")
    if args.merge and (not args.only or args.quick):
        parser.error("--merge needs --only (and the full profile): it replaces those rows in bench/results.md")
    load_at_start = _load()
    started = time.perf_counter()
    rows: list[Row] = []
    for number, step in steps:
        if number not in chosen:
            continue
        log(f"benchmark {number}")
        result = step()
        rows.extend(result if isinstance(result, list) else [result])
    elapsed = time.perf_counter() - started
    lines = table(rows)
    print("\n".join(lines))
    numbers = [number for number in known if number in chosen]
    raw = WORK / "raw" / f"{dt.datetime.now(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}-{'-'.join(numbers)}.json"
    raw.parent.mkdir(parents=True, exist_ok=True)
    load_at_end = _load()
    details = {"command": command, "commit": _commit(), "load": [load_at_start, load_at_end], "benchmarks": RAW}
    raw.write_text(json.dumps(details, indent=1))
    line = run_line(numbers, command, load_at_start, load_at_end, raw)
    if args.merge:
        merge(args.output or BENCH / "results.md", numbers, lines[2:], line)
        log(f"merged benchmarks {', '.join(numbers)} into {(args.output or BENCH / 'results.md')}")
        return 0
    kind = "quick (scaled-down smoke run)" if args.quick else "full"
    report = [
        "# Benchmarks",
        "",
        f"Written by `make bench` (`bench/run.py`, {kind} profile) in {elapsed:.0f} s. Each ratio compares",
        "sides measured in the same run against the same local server, interleaved to cancel drift;",
        "benchmarks 1 and 9 show the median and range of their runs. See the docstring of",
        "`bench/run.py` for what each line measures, and Runs below for the command and the load.",
        "",
        "## Machine",
        "",
        *machine(),
        "",
        "## Results",
        "",
        *lines,
        "",
        "## Runs",
        "",
        line,
        "",
    ]
    partial = args.quick or args.only
    output = args.output or (WORK / "results-partial.md" if partial else BENCH / "results.md")
    output.parent.mkdir(exist_ok=True)
    output.write_text("\n".join(report))
    log(f"wrote {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
