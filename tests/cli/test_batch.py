"""``apiframe batch``: killed mid-run and resumed, it submits nothing twice and loses nothing."""

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
from click.testing import CliRunner

from apiframe.batch import BatchState, open_store
from apiframe.batch._legacy import MANIFEST_NAME, LegacyManifest
from apiframe.cli._app import cli
from apiframe.testing import FAIL_TRIGGER, Sandbox, SandboxConfig

MODELS = [
    ("flux-1.1-pro", {"aspect_ratio": "1:1"}, ".png"),
    ("kling-2.5-turbo-pro", {"duration": 5}, ".mp4"),
    ("suno", {"custom_mode": False, "instrumental": True}, ".wav"),
]


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.6, seed=5)) as running:
        yield running


def write_batch(path: Path, count: int) -> None:
    lines = []
    for n in range(count):
        model, params, _ = MODELS[n % len(MODELS)]
        lines.append(json.dumps({"model": model, "prompt": f"batch item {n}", "params": params}))
    path.write_text("\n".join(lines) + "\n")


def records(out: Path | str) -> dict[int, dict[str, Any]]:
    """The latest state record of every line of the batch in ``out``."""
    view = asyncio.run(BatchState(open_store(out)).latest())
    return {line: {"status": record.status, **record.fields} for line, record in view.records.items()}


KILLED_LINES = 30
"""Five waves of six 0.6 s jobs: the kill (at 8 lines saved, others in flight) lands with two or more
waves still to come; more lines would prove nothing more."""


@pytest.mark.slow
def test_killed_mid_run_and_resumed_without_duplicates(sandbox: Sandbox, tmp_path: Path) -> None:
    batch, out = tmp_path / "requests.jsonl", tmp_path / "out"
    write_batch(batch, KILLED_LINES)
    command = [
        sys.executable, "-m", "apiframe", "--api-key", sandbox.api_key, "--base-url", sandbox.base_url,
        "batch", str(batch), "--out", str(out), "--concurrency", "6",
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:  # interrupt once some lines are done and others are in flight
            states = [r["status"] for r in records(out).values()]
            if states.count("completed") >= 8 and "submitted" in states:
                break
            assert process.poll() is None, "the batch finished before it could be interrupted"
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=10)
    interrupted = records(out)
    done_before = {line: r for line, r in interrupted.items() if r["status"] == "completed"}
    assert 8 <= len(done_before) < KILLED_LINES
    stamps = {name: (out / name).stat().st_mtime_ns for r in done_before.values() for name in r["files"]}
    submitted_before = sandbox.job_count()

    result = CliRunner().invoke(
        cli,
        ["--json", "--api-key", sandbox.api_key, "--base-url", sandbox.base_url,
         "batch", str(batch), "--out", str(out), "--concurrency", "6"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["lines"] == summary["completed"] == KILLED_LINES

    # nothing submitted twice: one sandbox job per line, each with its own prompt
    assert sandbox.job_count() == KILLED_LINES >= submitted_before
    prompts = sorted(job["input"]["prompt"] for job in sandbox.jobs())
    assert prompts == sorted(f"batch item {n}" for n in range(KILLED_LINES))
    # nothing lost: every line completed with its files on disk, of the right kind
    final = records(out)
    assert sorted(final) == list(range(1, KILLED_LINES + 1))
    for line, record in final.items():
        _, _, suffix = MODELS[(line - 1) % len(MODELS)]
        assert record["status"] == "completed"
        assert record["files"] and all((out / name).suffix == suffix for name in record["files"])
        assert all((out / name).stat().st_size > 0 for name in record["files"])
        if line in interrupted:
            assert record["key"] == interrupted[line]["key"]  # idempotency keys come from the state
            if interrupted[line]["job_id"]:
                assert record["job_id"] == interrupted[line]["job_id"]
    # nothing finished was redone
    assert {name: (out / name).stat().st_mtime_ns for name in stamps} == stamps
    assert list(out.glob("*.part")) == list(out.glob(".*.part")) == []  # the killed run's temp files are gone


def test_a_run_with_everything_done_submits_nothing(sandbox: Sandbox, tmp_path: Path) -> None:
    batch, out = tmp_path / "b.jsonl", tmp_path / "out"
    write_batch(batch, 3)
    args = ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url, "batch", str(batch), "--out", str(out)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert sandbox.job_count() == 3
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0
    assert "3 of 3 completed, 0 failed" in again.stdout
    assert sandbox.job_count() == 3


@pytest.mark.slow
def test_rate_limits_and_dropped_connections_are_ridden_out(sandbox: Sandbox, tmp_path: Path) -> None:
    batch, out = tmp_path / "b.jsonl", tmp_path / "out"
    write_batch(batch, 12)
    sandbox.set_faults(rate_429=0.3, drop_after=0.1, retry_after_seconds=0, seed=2)
    args = ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url, "--json"]
    # The SDK's own retries ride out most faults; a line they could not submit is left for the
    # next run (the runner adds no retry loop of its own), which submits it with the same key.
    results = [CliRunner().invoke(cli, [*args, "batch", str(batch), "--out", str(out), "-c", "4"])]
    while results[-1].exit_code != 0 and len(results) < 4:
        results.append(CliRunner().invoke(cli, [*args, "batch", str(batch), "--out", str(out), "-c", "4"]))
    faults = sandbox.fault_counts()
    sandbox.clear_faults()
    assert results[-1].exit_code == 0, results[-1].output
    assert json.loads(results[-1].stdout)["completed"] == 12
    assert sandbox.job_count() == 12
    assert faults.get("429", 0) > 0 and faults.get("drop_after", 0) > 0


def test_failed_lines_exit_1_and_are_not_redone(sandbox: Sandbox, tmp_path: Path) -> None:
    batch, out = tmp_path / "b.jsonl", tmp_path / "out"
    batch.write_text(
        json.dumps({"model": "flux-1.1-pro", "prompt": "fine"})
        + "\n"
        + json.dumps({"model": "flux-1.1-pro", "prompt": f"no {FAIL_TRIGGER}"})
        + "\n"
    )
    args = ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url, "--json", "batch", str(batch), "-o", str(out)]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 1
    lines = {line["line"]: line for line in json.loads(first.stdout)["results"]}
    assert lines[1]["status"] == "completed" and lines[2]["status"] == "failed"
    assert FAIL_TRIGGER in lines[2]["error"]
    assert CliRunner().invoke(cli, args).exit_code == 1
    assert sandbox.job_count() == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{"model": "flux-1.1-pro", "prompt": "a"}\n{"model": "nope", "prompt": "b"}\n',
            "line 2: unknown model 'nope'",
        ),
        ('{"model": "flux-1.1-pro", "prompt": "a"}\n{oops\n', "line 2: not JSON"),
        (
            '{"model": "kling-2.5-turbo-pro", "prompt": "a", "params": {"duration": 7}}\n',
            "params.duration: 7 is not one of",
        ),
        ('{"model": "flux-1.1-pro", "prompt": "a", "size": 3}\n', "unknown key 'size'"),
        ('["flux-1.1-pro"]\n', "a line must be a JSON object"),
        ("\n# only a comment\n", "has no request lines"),
    ],
)
def test_bad_lines_stop_the_batch_before_anything_is_sent(
    sandbox: Sandbox, tmp_path: Path, content: str, message: str
) -> None:
    batch = tmp_path / "b.jsonl"
    batch.write_text(content)
    connection = ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url]
    args = [*connection, "batch", str(batch), "-o", str(tmp_path / "o")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert sandbox.job_count() == 0
    assert not (tmp_path / "o" / "state").exists()


def test_an_edited_line_is_refused_on_resume(sandbox: Sandbox, tmp_path: Path) -> None:
    batch, out = tmp_path / "b.jsonl", tmp_path / "out"
    write_batch(batch, 2)
    args = ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url, "batch", str(batch), "-o", str(out)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    batch.write_text(batch.read_text().replace("batch item 1", "something else"))
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "line 2 changed since" in result.stderr
    assert sandbox.job_count() == 2


def test_a_torn_legacy_manifest_record_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / MANIFEST_NAME
    good = {"line": 1, "input": "x", "key": "k1", "status": "pending", "job_id": None, "files": []}
    path.write_text(json.dumps(good) + "\n" + '{"line": 2, "inp')
    manifest = LegacyManifest(path)
    assert list(manifest.records) == [1] and manifest.damaged == []


def test_two_runs_of_one_shard_into_one_directory_are_refused(sandbox: Sandbox, tmp_path: Path) -> None:
    from apiframe.batch import BatchRun, read_batch

    out, batch = tmp_path / "out", tmp_path / "b.jsonl"
    write_batch(batch, 4)
    holder = BatchRun(open_store(out), read_batch(batch), "1/2")
    holder.lock()
    try:
        connection = ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url]
        result = CliRunner().invoke(cli, [*connection, "batch", str(batch), "-o", str(out), "--shard", "1/2"])
        assert result.exit_code == 2
        assert "another apiframe batch is writing shard 1/2 into" in result.stderr
        assert sandbox.job_count() == 0
        other = CliRunner().invoke(cli, [*connection, "--json", "batch", str(batch), "-o", str(out), "--shard", "2/2"])
        assert other.exit_code == 0, other.output  # the other shard runs beside it
        assert json.loads(other.stdout)["lines"] == sandbox.job_count() > 0
    finally:
        holder.close()


@pytest.mark.parametrize("name", [".batch.lock", MANIFEST_NAME])
def test_planted_symlinks_in_the_output_folder_are_refused(sandbox: Sandbox, tmp_path: Path, name: str) -> None:
    batch, out = tmp_path / "b.jsonl", tmp_path / "out"
    write_batch(batch, 1)
    out.mkdir()
    target = tmp_path / "precious.txt"
    target.write_text("keep me\n")
    (out / name).symlink_to(target)
    args = ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url, "batch", str(batch), "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert f"{out / name} is a symbolic link" in result.stderr
    assert target.read_text() == "keep me\n"  # neither truncated nor appended to
    assert sandbox.job_count() == 0


def test_a_planted_state_folder_link_is_refused(sandbox: Sandbox, tmp_path: Path) -> None:
    batch, out, elsewhere = tmp_path / "b.jsonl", tmp_path / "out", tmp_path / "elsewhere"
    write_batch(batch, 1)
    out.mkdir()
    elsewhere.mkdir()
    (out / "state").symlink_to(elsewhere)
    args = ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url, "batch", str(batch), "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code != 0
    assert "state" in result.stderr and "Traceback" not in result.output
    assert list(elsewhere.iterdir()) == []
    assert sandbox.job_count() == 0


def test_a_fifo_in_place_of_the_legacy_manifest_is_refused(sandbox: Sandbox, tmp_path: Path) -> None:
    batch, out = tmp_path / "b.jsonl", tmp_path / "out"
    write_batch(batch, 1)
    out.mkdir()
    os.mkfifo(out / MANIFEST_NAME)
    args = ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url, "batch", str(batch), "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "is not a regular file" in result.stderr
    assert sandbox.job_count() == 0


def test_lost_state_costs_no_second_job(sandbox: Sandbox, tmp_path: Path) -> None:
    batch, out = tmp_path / "b.jsonl", tmp_path / "out"
    write_batch(batch, 4)
    args = ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url, "--json", "batch", str(batch), "-o", str(out)]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    jobs = {line["line"]: line["jobId"] for line in json.loads(first.stdout)["results"]}
    assert sandbox.job_count() == 4
    shutil.rmtree(out / "state")  # every record lost, and the results with them
    for path in out.glob("*.*"):
        if path.suffix in (".png", ".avi", ".mp4", ".wav"):
            path.unlink()
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert sandbox.job_count() == 4  # the recomputed keys replayed the same jobs
    assert {line["line"]: line["jobId"] for line in json.loads(again.stdout)["results"]} == jobs
    assert all(path.is_file() for line in json.loads(again.stdout)["results"] for path in map(Path, line["files"]))


def test_a_damaged_state_record_is_reported_by_name_and_the_line_falls_back(sandbox: Sandbox, tmp_path: Path) -> None:
    batch, out = tmp_path / "b.jsonl", tmp_path / ("long-folder-name-" * 6) / "out"
    write_batch(batch, 2)
    args = ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url, "batch", str(batch), "-o", str(out)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    latest = sorted((out / "state" / "0000000002").iterdir())[-1]
    latest.write_text('{"line": 2, "se')
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert f"state/0000000002/{latest.name}: not JSON" in result.stderr  # one unbroken line, however long the path
    assert sandbox.job_count() == 2  # the line fell back to its "submitted" record: same job, no new one
