"""``apiframe batch``'s credits: --dry-run (text and --json), --max-credits across SIGKILL and resume, 402."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from apiframe import estimate_credits
from apiframe._job_requests import request_from_line
from apiframe.batch import BatchState, open_store
from apiframe.cli._app import cli
from apiframe.testing import Sandbox, SandboxConfig

ROWS: list[dict[str, Any]] = [
    {"model": "kling-2.1", "prompt": "a wave", "params": {"duration": 5}},
    {"model": "kling-2.1", "prompt": "a cliff"},
    {"model": "mureka", "prompt": "a jig"},
    {"model": "flux-1.1-pro", "prompt": "a lamp"},
]


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.4, initial_credits=1000)) as running:
        yield running


def write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def connection(sandbox: Sandbox) -> list[str]:
    return ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url]


def test_dry_run_estimates_per_model_with_the_balance_and_submits_nothing(sandbox: Sandbox, tmp_path: Path) -> None:
    batch = write(tmp_path / "in.jsonl", ROWS)
    catalog = {"models": [dict(m) for m in sandbox.state.pricing.catalog()]}
    expected: dict[str, list[int]] = {}
    for row in ROWS:
        estimate = estimate_credits(catalog, request_from_line(row))
        totals = expected.setdefault(estimate.model, [0, 0, 0])
        totals[0] += 1
        totals[1] += estimate.minimum
        totals[2] += estimate.maximum or 0

    result = CliRunner().invoke(cli, ["--json", *connection(sandbox), "batch", str(batch), "--dry-run"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    got = {m["model"]: [m["lines"], m["creditsMin"], m["creditsMax"]] for m in report["models"]}
    assert got == expected and report["dryRun"] is True and report["lines"] == 4
    assert report["creditsMin"] == sum(v[1] for v in expected.values())
    assert report["creditsMax"] == sum(v[2] for v in expected.values())
    assert report["creditsAvailable"] == 1000 and report["unpriced"] == []

    text = CliRunner(env={"COLUMNS": "80"}).invoke(cli, [*connection(sandbox), "batch", str(batch), "--dry-run"])
    assert text.exit_code == 0, text.output
    total = next(line for line in text.stdout.splitlines() if "total" in line)
    cells = total.split()  # the table draws no borders: columns are separated by spaces
    assert cells == ["total", str(report["lines"]), str(report["creditsMin"]), str(report["creditsMax"])]
    assert "team balance: 1000 credits" in text.stdout and "nothing submitted" in text.stdout
    assert sandbox.job_count() == 0  # nothing was submitted, and no --out was needed


def records(out: Path) -> dict[int, dict[str, Any]]:
    view = asyncio.run(BatchState(open_store(out)).latest())
    return {line: {"status": record.status, **record.fields} for line, record in view.records.items()}


@pytest.mark.slow
def test_max_credits_holds_across_sigkill_and_resume(sandbox: Sandbox, tmp_path: Path) -> None:
    rows = [{"model": "kling-2.1", "prompt": f"wave {n}", "params": {"duration": 5}} for n in range(14)]
    batch, out = write(tmp_path / "in.jsonl", rows), tmp_path / "out"  # each: worst case 60, charged 40
    command = [*connection(sandbox), "batch", str(batch), "--out", str(out), "-c", "4", "--max-credits", "400"]
    process = subprocess.Popen(
        [sys.executable, "-m", "apiframe", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            states = [record["status"] for record in records(out).values()] if out.exists() else []
            if states.count("completed") >= 2 and "submitted" in states:
                break
            assert process.poll() is None, "the batch finished before it could be killed"
            time.sleep(0.03)
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=10)
    ledger = json.loads((out / "credits" / "1" / "1.json").read_text())
    in_flight = sum(1 for r in records(out).values() if r["status"] == "submitted")
    assert ledger["claim"] <= 400 and ledger["claim"] >= ledger["spent"] + 60 * in_flight  # still covered

    again = CliRunner().invoke(cli, ["--json", *command])
    summary = json.loads(again.stdout)
    # 400 credits: lines start while spent + running worst cases + 60 <= 400, so 9 lines (360) in all.
    assert (summary["completed"], summary["running"] + summary["pending"], summary["creditsSpent"]) == (9, 5, 360)
    assert sandbox.credits_spent() == 360 and sandbox.job_count() == 9  # nothing charged twice
    assert summary["maxCredits"] == 400 and summary["notStarted"] == 5 and again.exit_code == 1
    assert sum(line["creditCost"] or 0 for line in summary["results"]) == 360
    status = CliRunner().invoke(cli, ["batch", "status", str(out), "--json"])
    assert json.loads(status.stdout)["creditsSpent"] == 360
    assert json.loads(status.stdout)["creditsSpentByModel"] == {"kling-2.1": 360}


def test_a_team_that_runs_out_stops_the_batch_with_the_apis_402(tmp_path: Path) -> None:
    rows = [{"model": "kling-2.1", "prompt": f"wave {n}", "params": {"duration": 5}} for n in range(4)]
    batch, out = write(tmp_path / "in.jsonl", rows), tmp_path / "out"
    with Sandbox(SandboxConfig(job_seconds=0.2, initial_credits=100)) as poor:
        result = CliRunner().invoke(cli, [*connection(poor), "batch", str(batch), "--out", str(out), "-c", "1"])
        assert result.exit_code == 1
        assert "402 Payment Required: Insufficient credits" in result.output
        assert poor.credits_spent() == 80 and poor.job_count() == 2  # the third line was refused: 40 > 20 left
    status = json.loads(CliRunner().invoke(cli, ["batch", "status", str(out), "--json"]).stdout)
    assert status["completed"] == 2 and status["creditsSpent"] == 80
