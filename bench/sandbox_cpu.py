"""The sandbox's CPU per batch line, variants interleaved in one run (Linux: reads /proc).

    python bench/sandbox_cpu.py [--lines 1000] [--mix flux|mixed] [--rounds 2] NAME=SRC [NAME=SRC ...]

Each variant serves ``bench/_sandbox.py 0.02`` (jobs of 0.02 s) in its own process, with
``PYTHONPATH=SRC`` (a tree holding an ``apiframe/`` package; empty: this checkout), and this
checkout's ``apiframe --json batch IN --out DIR -c 64`` runs LINES lines against it (flux-1.1-pro,
or flux-1.1-pro, kling-2.5-turbo-pro and suno in turn). The sandbox's CPU is its user+sys from
``/proc/PID/stat`` just before and just after the batch. For a baseline:
``git archive REV apiframe | tar -x -C /tmp/base`` and pass ``base=/tmp/base``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIXES = {"flux": ["flux-1.1-pro"], "mixed": ["flux-1.1-pro", "kling-2.5-turbo-pro", "suno"]}
TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def run(source: str, lines: int, models: list[str]) -> tuple[float, float]:
    """One batch against a sandbox from ``source``: (sandbox CPU ms per line, lines per second)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    server_env = {**env, "PYTHONPATH": source} if source else env
    sandbox = subprocess.Popen(
        [sys.executable, str(HERE / "_sandbox.py"), "0.02"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=server_env,
        cwd=tempfile.gettempdir(),  # so that PYTHONPATH, not this checkout, provides apiframe
    )
    try:
        assert sandbox.stdout is not None
        base_url, key = sandbox.stdout.readline().split()
        with tempfile.TemporaryDirectory() as folder:
            given = Path(folder) / "in.jsonl"
            given.write_text(
                "".join(
                    json.dumps({"model": models[n % len(models)], "prompt": f"line {n}"}) + "\n" for n in range(lines)
                )
            )
            command = [sys.executable, "-m", "apiframe", "--json", "batch", str(given), "--out", f"{folder}/out"]
            client_env = {**env, "APIFRAME_API_KEY": key, "APIFRAME_BASE_URL": base_url}
            before, started = _cpu_seconds(sandbox.pid), time.perf_counter()
            subprocess.run([*command, "-c", "64"], env=client_env, check=True, capture_output=True)
            seconds, spent = time.perf_counter() - started, _cpu_seconds(sandbox.pid) - before
    finally:
        if sandbox.stdin is not None:
            sandbox.stdin.close()
        sandbox.wait(timeout=60)
    return spent * 1000 / lines, lines / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=1000)
    parser.add_argument("--mix", choices=sorted(MIXES), default="flux")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("variants", nargs="+", metavar="NAME=SRC")
    args = parser.parse_args()
    variants = [tuple(text.split("=", 1)) for text in args.variants]
    found: dict[str, list[float]] = {name: [] for name, _ in variants}
    for _ in range(args.rounds):
        for name, source in variants:
            per_line, rate = run(source, args.lines, MIXES[args.mix])
            found[name].append(per_line)
            print(
                f"{name}: {args.lines} {args.mix} lines, sandbox {per_line:.2f} ms CPU/line, {rate:.0f} lines/s",
                flush=True,
            )
    for name, values in found.items():
        print(f"{name}: median {statistics.median(values):.2f} ms CPU/line (range {min(values):.2f}-{max(values):.2f})")


if __name__ == "__main__":
    main()
