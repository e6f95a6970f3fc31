"""``apiframe batch --shard K/N`` and ``batch status``: killed shards resume, and the README's recipes run."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from apiframe.batch import BatchState, Shard, open_store, read_batch
from apiframe.cli._app import cli
from apiframe.testing import FAIL_TRIGGER, Sandbox, SandboxConfig


def write_batch(path: Path, count: int) -> None:
    path.write_text("".join(json.dumps({"model": "flux-1.1-pro", "prompt": f"item {n}"}) + "\n" for n in range(count)))


def records(out: Path | str) -> dict[int, dict[str, Any]]:
    """The latest state record of every line of the batch in ``out``."""
    view = asyncio.run(BatchState(open_store(out)).latest())
    return {line: {"status": record.status, **record.fields} for line, record in view.records.items()}


README = Path(__file__).parents[2] / "README.md"
BIN = Path(sys.executable).parent


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.5, seed=11)) as running:
        yield running


def kill_when_midway(process: subprocess.Popen[bytes], out: Path | str, *, done: int) -> dict[int, dict[str, Any]]:
    """SIGKILL ``process`` (its whole group) once ``done`` lines completed while others are in flight."""
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            states = [record["status"] for record in records(out).values()]
            if states.count("completed") >= done and "submitted" in states:
                break
            assert process.poll() is None, "the batch finished before it could be killed"
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=10)
    return records(out)


def test_a_killed_shard_resumes_without_a_second_job(sandbox: Sandbox, tmp_path: Path) -> None:
    batch, out = tmp_path / "requests.jsonl", tmp_path / "out"
    write_batch(batch, 30)
    shard = Shard(2, 3)
    owned = [line.number for line in read_batch(batch) if shard.owns(line.number)]
    connection = ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url]
    command = [sys.executable, "-m", "apiframe", *connection, "batch", str(batch), "--out", str(out), "-c", "4"]
    process = subprocess.Popen(
        [*command, "--shard", str(shard)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    interrupted = kill_when_midway(process, out, done=4)
    assert set(interrupted) <= set(owned) and len(interrupted) >= 4

    again = CliRunner().invoke(cli, ["--json", *command[3:], "--shard", "2/3"])
    assert again.exit_code == 0, again.output
    assert sorted(line["line"] for line in json.loads(again.stdout)["results"]) == owned
    assert sandbox.job_count() == len(owned)  # no second job for any line
    final = records(out)
    assert sorted(final) == owned and all(final[line]["status"] == "completed" for line in owned)
    for line, record in interrupted.items():
        assert final[line]["key"] == record["key"]
        if record.get("job_id"):
            assert final[line]["job_id"] == record["job_id"]

    status = CliRunner().invoke(cli, ["batch", "status", str(out), "--json"])
    assert status.exit_code == 0, status.output
    summary = json.loads(status.stdout)
    by_shard = {item["shard"]: item for item in summary["shards"]}
    assert by_shard["2/3"] == {
        "shard": "2/3", "started": True, "lines": len(owned), "completed": len(owned),
        "failed": 0, "running": 0, "pending": 0, "creditsSpent": sandbox.credits_spent(),
    }  # fmt: skip
    assert by_shard["1/3"]["started"] is False and summary["complete"] is False


def test_status_fits_60_columns_and_names_failed_lines(sandbox: Sandbox, tmp_path: Path) -> None:
    batch, out = tmp_path / "b.jsonl", tmp_path / "out"
    rows = [{"model": "flux-1.1-pro", "prompt": f"p{n}"} for n in range(5)] + [
        {"model": "flux-1.1-pro", "prompt": f"please {FAIL_TRIGGER}"}
    ]
    batch.write_text("".join(json.dumps(row) + "\n" for row in rows))
    connection = ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url]
    for k in (1, 2):
        CliRunner().invoke(cli, [*connection, "batch", str(batch), "-o", str(out), "--shard", f"{k}/2"])
    result = CliRunner(env={"COLUMNS": "60"}).invoke(cli, ["batch", "status", str(out)])
    assert result.exit_code == 1, result.output  # a failed line
    table = result.stdout.splitlines()
    assert max(len(line) for line in table) <= 60
    assert re.search(r"all\s+6\s+5\s+1\s+0\s+0", result.stdout), result.stdout
    shard = Shard(1, 2) if Shard(1, 2).owns(6) else Shard(2, 2)
    assert re.search(rf"failed lines \(1\)\s+line\s+shard\s+error\s+6\s+{shard}\s+Sandbox: ", result.stdout)
    bad = CliRunner().invoke(cli, ["batch", "status", str(out), "--shards", "0"])
    assert bad.exit_code == 2 and "--shards" in bad.stderr


def test_a_bad_shard_flag_is_refused_in_the_shells_words(tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    write_batch(batch, 2)
    for value, message in (("5/4", "shard 5/4 does not exist"), ("3", 'shard must be written "K/N"')):
        result = CliRunner().invoke(
            cli, ["--api-key", "afk_x", "batch", str(batch), "-o", str(tmp_path / "o"), "--shard", value]
        )
        assert result.exit_code == 2 and message in result.stderr
    assert not (tmp_path / "o" / "state").exists()


# -- the README's recipes, run as written -------------------------------------------------------


def _block_after(marker: str, language: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(marker)
    match = re.compile(rf"```{language}\n(.*?)```", re.DOTALL).search(text, start)
    assert match is not None
    return match.group(1)


def _env(sandbox: Sandbox) -> dict[str, str]:
    return {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "APIFRAME_API_KEY": sandbox.api_key,
        "APIFRAME_BASE_URL": sandbox.base_url,
    }


@pytest.mark.slow
def test_the_xargs_recipe_runs_as_written(sandbox: Sandbox, tmp_path: Path) -> None:
    script = _block_after("One machine, `xargs -P`", "bash")
    assert "xargs -P 4" in script and "--shard {}/4" in script
    write_batch(tmp_path / "prompts.jsonl", 16)
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script], cwd=tmp_path, env=_env(sandbox), capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert sandbox.job_count() == 16  # four processes, one folder, every line once
    final = records(tmp_path / "results")
    assert sorted(final) == list(range(1, 17)) and {r["status"] for r in final.values()} == {"completed"}
    assert re.search(r"all\s+16\s+16\s+0\s+0\s+0", done.stdout), done.stdout  # batch status


SHIM = 'apiframe() { printf "%s\\n" "$*"; }\n'
"""Stands in for the command where only its arguments are checked."""


def _shard_flag(words: str) -> str:
    match = re.search(r"--shard (\S+)", words)
    assert match is not None, words
    return match.group(1)


def test_the_kubernetes_recipe_maps_every_completion_index_to_its_shard(sandbox: Sandbox, tmp_path: Path) -> None:
    manifest = _block_after("Kubernetes, an Indexed Job", "yaml")
    completions = int(re.search(r"completions: (\d+)", manifest).group(1))  # type: ignore[union-attr]
    command = re.search(r"^\s*(apiframe batch .*)$", manifest, re.MULTILINE).group(1)  # type: ignore[union-attr]
    shards = set()
    for index in range(completions):  # the JOB_COMPLETION_INDEX Kubernetes gives each pod: 0 .. completions-1
        shown = subprocess.run(
            ["sh", "-c", SHIM + command], env={**os.environ, "JOB_COMPLETION_INDEX": str(index)},
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        shards.add(str(Shard.parse(_shard_flag(shown))))
    assert shards == {f"{k}/{completions}" for k in range(1, completions + 1)}

    # the last pod's command, for real (its file and bucket swapped for this test's)
    write_batch(tmp_path / "prompts.jsonl", 40)
    real = command.replace("/input/prompts.jsonl", str(tmp_path / "prompts.jsonl"))
    real = re.sub(r"s3://\S+", str(tmp_path / "results"), real)
    env = {**_env(sandbox), "JOB_COMPLETION_INDEX": str(completions - 1)}
    done = subprocess.run(["sh", "-c", real], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    last = Shard(completions, completions)
    owned = [n for n in range(1, 41) if last.owns(n)]
    assert owned and sorted(records(tmp_path / "results")) == owned and sandbox.job_count() == len(owned)


def test_the_slurm_recipe_maps_every_array_task_to_its_shard(sandbox: Sandbox, tmp_path: Path) -> None:
    script = _block_after("Slurm, an array job", "bash")
    first, last = map(int, re.search(r"#SBATCH --array=(\d+)-(\d+)", script).groups())  # type: ignore[union-attr]
    shards = set()
    for task in range(first, last + 1):  # the SLURM_ARRAY_TASK_ID Slurm gives each array task
        shown = subprocess.run(
            ["bash", "-c", SHIM + script], env={**os.environ, "SLURM_ARRAY_TASK_ID": str(task)},
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        shards.add(str(Shard.parse(_shard_flag(shown))))
    count = last - first + 1
    assert shards == {f"{k}/{count}" for k in range(1, count + 1)}

    write_batch(tmp_path / "prompts.jsonl", 40)
    real = re.sub(r"s3://\S+", str(tmp_path / "results"), script)
    env = {**_env(sandbox), "SLURM_ARRAY_TASK_ID": str(first)}
    done = subprocess.run(["bash", "-c", real], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    owned = [n for n in range(1, 41) if Shard(1, count).owns(n)]
    assert owned and sorted(records(tmp_path / "results")) == owned and sandbox.job_count() == len(owned)
