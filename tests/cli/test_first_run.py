"""The ``apiframe`` command as a new user meets it (issue 12), against the sandbox over HTTP."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rich.console import Console

from apiframe import __version__
from apiframe._job_requests import build_request, job_operations
from apiframe.cli._app import cli
from apiframe.cli._display import Display, Estimate
from apiframe.cli._runner import Task
from apiframe.cli._sandbox import SANDBOX_STATE
from apiframe.cli._tables import summary_table
from apiframe.testing import FAIL_TRIGGER, Sandbox, SandboxConfig
from apiframe.testing._media import make_png

Invoke = Callable[..., Result]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.3, seed=3)) as running:
        yield running


@pytest.fixture
def invoke(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Iterator[Invoke]:
    monkeypatch.delenv("APIFRAME_API_KEY", raising=False)
    monkeypatch.delenv("APIFRAME_BASE_URL", raising=False)

    def run(*args: str, terminal_width: int | None = None) -> Result:
        env = {"COLUMNS": str(terminal_width)} if terminal_width else {}
        return CliRunner(env=env).invoke(
            cli, ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url, *args], catch_exceptions=False
        )

    yield run


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# -- 1. the version line ------------------------------------------------------------------------


def test_the_sdk_is_on_the_2x_line_and_says_so() -> None:
    assert __version__.startswith("2.")
    result = CliRunner().invoke(cli, ["--version"])
    assert result.stdout.strip() == f"apiframe, version {__version__}"
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    assert "gives you the **v1** SDK" in readme and __version__ in readme


# -- 2. a dead base URL ends the command at once: a line per retry, then one error line ---------


@pytest.mark.parametrize(
    "args",
    [
        ["generate", "image", "-m", "flux-1.1-pro", "-p", "x"],
        ["me"],
        ["jobs", "wait", "00000000-0000-4000-8000-000000000000"],
    ],
)
def test_a_dead_base_url_fails_with_one_error_line(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    url = f"http://127.0.0.1:{free_port()}"
    result = CliRunner().invoke(cli, ["--api-key", "afk_test", "--base-url", url, *args])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines[:-1] == [f"cannot connect to 127.0.0.1, retrying ({n}/2)" for n in (1, 2)], result.stderr
    assert lines[-1].startswith(f"error: cannot reach the API at {url}")
    assert "--base-url" in lines[-1]


def test_a_dead_base_url_stops_a_batch_and_keeps_every_line_for_later(tmp_path: Path) -> None:
    batch, out = tmp_path / "b.jsonl", tmp_path / "out"
    batch.write_text("".join(json.dumps({"model": "flux-1.1-pro", "prompt": f"p{n}"}) + "\n" for n in range(3)))
    url = f"http://127.0.0.1:{free_port()}"
    result = CliRunner().invoke(cli, ["--api-key", "afk_test", "--base-url", url, "batch", str(batch), "-o", str(out)])
    assert result.exit_code == 1
    assert "cannot reach the API" in result.stderr
    assert list((out / "state").rglob("*.json")) == []  # nothing was submitted: no line has a record yet


# -- 3. a killed --sandbox batch resumes against the same jobs ----------------------------------


def test_a_killed_sandbox_batch_finishes_on_the_next_run(tmp_path: Path) -> None:
    batch, out = tmp_path / "b.jsonl", tmp_path / "out"
    batch.write_text("".join(json.dumps({"model": "flux-1.1-pro", "prompt": f"p{n}"}) + "\n" for n in range(3)))
    command = [sys.executable, "-m", "apiframe", "--sandbox", "--sandbox-job-seconds", "1.5", "batch", str(batch)]
    process = subprocess.Popen(
        [*command, "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        for _ in range(600):  # until every line has a job (each submitted to the embedded sandbox)
            rows = [path.read_text() for path in out.glob("state/*/*.submitted.*.json")]
            if len(rows) == 3:
                break
            time.sleep(0.02)
        assert process.poll() is None, "the batch ended before it could be killed"
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    submitted = {json.loads(r)["line"]: json.loads(r)["job_id"] for r in rows}
    again = CliRunner().invoke(
        cli, ["--sandbox", "--sandbox-job-seconds", "1.5", "--json", "batch", str(batch), "-o", str(out)]
    )
    assert again.exit_code == 0, again.output
    summary = json.loads(again.stdout)
    assert summary["completed"] == 3
    assert {line["line"]: line["jobId"] for line in summary["results"]} == submitted  # the same jobs, not new ones
    assert sorted(p.name for p in out.glob("*.png")) == sorted(f"{job}.png" for job in submitted.values())


# -- 4. progress moves between snapshots, and jobs wait shows it --------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Snapshot:
    def __init__(self, status: str, progress: int) -> None:
        self.status, self.progress = status, progress


def test_progress_is_interpolated_from_the_rate_between_snapshots() -> None:
    clock = FakeClock()
    request = build_request("images_generate", "flux-1.1-pro", prompt="x")
    task = Task(1, request, key="k")
    display = Display(Console(file=open(os.devnull, "w"), width=80), [task], clock=clock)  # noqa: SIM115
    with display:
        display.progressed(task, Snapshot("PROCESSING", 10))
        clock.now += 2.0
        display.progressed(task, Snapshot("PROCESSING", 30))  # about 10 % a second
        clock.now += 3.0  # no snapshot for 3 s: the bar keeps moving at the observed rate
        between = display.shown(task)
        clock.now += 60.0  # long past the predicted end: held below 100 until the job says so
        late = display.shown(task)
    assert between is not None and 55 <= between <= 65
    assert late == 99


def test_estimate_without_a_rate_holds_the_last_value() -> None:
    estimate = Estimate()
    assert estimate.at(1.0) is None
    estimate.observe(Snapshot("PROCESSING", 40), 1.0)
    assert estimate.at(50.0) == 40
    estimate.observe(Snapshot("PROCESSING", 41), 2.0)
    assert estimate.at(3.0) == pytest.approx(41 + 2 * 1)  # 2 % a second at most from 40 -> 41 in 1 s
    estimate.observe(Snapshot("PROCESSING", 42), 12.0)  # slower than estimated: the bar waits, never goes back
    assert estimate.at(12.0) == pytest.approx(43)


def test_jobs_wait_shows_progress(invoke: Invoke) -> None:
    job_id = invoke("generate", "image", "-m", "flux-1.1-pro", "-p", "w", "--no-wait").stdout.strip()
    result = invoke("jobs", "wait", job_id)
    assert result.exit_code == 0
    assert f"{job_id}  COMPLETED" in result.stdout
    assert "100%" in result.stderr and job_id in result.stderr  # the bar, labelled with the job id


# -- 5. Ctrl-C prints the job id and the command that resumes -----------------------------------


@pytest.mark.slow
def test_ctrl_c_during_generate_prints_the_job_and_the_resume_command(sandbox: Sandbox, tmp_path: Path) -> None:
    with Sandbox(SandboxConfig(job_seconds=3.0)) as slow:
        env = {**os.environ, "APIFRAME_API_KEY": slow.api_key, "PYTHONUNBUFFERED": "1"}
        command = [sys.executable, "-m", "apiframe", "--base-url", slow.base_url, "generate", "image"]
        process = subprocess.Popen(
            [*command, "-m", "flux-1.1-pro", "-p", "kept", "-o", str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        try:
            for _ in range(500):
                if slow.job_count() == 1:
                    break
                time.sleep(0.01)
            time.sleep(0.5)  # the accepted answer reaches the command (the job has 3 s to run)
            process.send_signal(signal.SIGINT)
            _, stderr = process.communicate(timeout=20)
        finally:
            process.kill()
        assert process.returncode == 130
        (job,) = slow.jobs()
        job_id = str(job["id"])
        assert f"job {job_id} keeps running" in stderr
        assert [line for line in stderr.splitlines() if "interrupted" in line.lower()] == [
            f"interrupted: job {job_id} keeps running. Resume waiting and downloading with:"
        ], stderr  # said once
        match = re.search(r"^  (apiframe .*)$", stderr, re.MULTILINE)
        assert match is not None, stderr
        resume = match.group(1).split()
        assert resume == [
            "apiframe",
            "--base-url",
            slow.base_url,
            "jobs",
            "download",
            job_id,
            "--wait",
            "--out",
            str(tmp_path),
        ]
        assert slow.api_key not in stderr
        done = CliRunner(env={"APIFRAME_API_KEY": slow.api_key}).invoke(cli, resume[1:])
        assert done.exit_code == 0, done.output
        assert (tmp_path / f"{job_id}.png").is_file()
        assert slow.job_count() == 1


# -- 7. every job operation has a command; models show ------------------------------------------


def test_every_job_operation_of_the_spec_has_a_command() -> None:
    for operation_id in job_operations():
        group, _, name = operation_id.partition("_")
        result = CliRunner().invoke(cli, [group, name.replace("_", "-"), "--help"])
        assert result.exit_code == 0, operation_id
        assert "--out" in result.stdout and "--no-wait" in result.stdout


@pytest.mark.slow
def test_midjourney_action_and_upscale_and_background_removal(invoke: Invoke, sandbox: Sandbox, tmp_path: Path) -> None:
    parent = json.loads(
        invoke("--json", "generate", "image", "-m", "midjourney", "-p", "fox", "-o", str(tmp_path)).stdout
    )
    upsampled = invoke(
        "--json", "images", "midjourney-action", "upsample", "--parent-job-id", parent["id"], "--index", "2",
        "-o", str(tmp_path),
    )  # fmt: skip
    assert upsampled.exit_code == 0, upsampled.output
    job = sandbox.job(json.loads(upsampled.stdout)["id"])
    assert job is not None and job["input"]["index"] == 2  # typed from the spec: "2" became an integer
    image = tmp_path / "in.png"
    image.write_bytes(make_png("in"))
    image_url = invoke("upload", str(image)).stdout.strip()
    for command in (
        ["images", "upscale", "-m", "topaz-image-upscale"],
        ["images", "background-remove", "-m", "bria-bg-remove"],
    ):
        done = invoke("--json", *command, "--param", f"image={image_url}", "-o", str(tmp_path))
        assert done.exit_code == 0, done.output
        assert all(Path(f).is_file() for f in json.loads(done.stdout)["files"])
    missing = invoke("images", "midjourney-action", "upsample", "--parent-job-id", parent["id"])
    assert missing.exit_code == 2 and "--index is required" in missing.stderr


def test_models_show_lists_each_parameter() -> None:
    result = CliRunner().invoke(cli, ["--json", "models", "show", "kling-2.5-turbo-pro"])
    assert result.exit_code == 0
    (entry,) = json.loads(result.stdout)
    assert entry["command"] == "apiframe generate video -m kling-2.5-turbo-pro"
    params = {p["flag"]: p for p in entry["parameters"]}
    assert params["--param duration"]["allowed"] == [5, 10] and params["--param duration"]["type"] == "integer"
    assert params["--param guidance_scale"]["description"] == ">= 0; <= 1"
    assert params["--prompt"]["description"].startswith("required")
    text = CliRunner(env={"COLUMNS": "100"}).invoke(cli, ["models", "show", "suno"]).stdout
    assert "--param instrumental" in text and "boolean" in text
    unknown = CliRunner().invoke(cli, ["models", "show", "flux-1.1-pr"])
    assert unknown.exit_code == 2 and "did you mean 'flux-1.1-pro'?" in unknown.stderr


def test_batch_lines_name_any_operation_and_retry_failed_resubmits(
    invoke: Invoke, sandbox: Sandbox, tmp_path: Path
) -> None:
    parent = invoke("generate", "image", "-m", "midjourney", "-p", "p", "--no-wait").stdout.strip()
    invoke("jobs", "wait", parent)
    batch, out = tmp_path / "b.jsonl", tmp_path / "out"
    lines = [
        {"operation": "images_midjourney_action", "action": "variation", "parent_job_id": parent, "index": 1},
        {"model": "flux-1.1-pro", "prompt": f"will fail {FAIL_TRIGGER}"},
    ]
    batch.write_text("".join(json.dumps(line) + "\n" for line in lines))
    first = invoke("--json", "batch", str(batch), "-o", str(out))
    assert first.exit_code == 1
    states = {line["line"]: line["status"] for line in json.loads(first.stdout)["results"]}
    assert states == {1: "completed", 2: "failed"}
    before = sandbox.job_count()
    assert invoke("batch", str(batch), "-o", str(out)).exit_code == 1
    assert sandbox.job_count() == before  # failed lines are not redone without --retry-failed
    retried = invoke("--json", "batch", str(batch), "-o", str(out), "--retry-failed")
    assert retried.exit_code == 1  # it fails again, as its prompt asks
    assert sandbox.job_count() == before + 1  # only the failed line, as a new job
    line2 = [json.loads(path.read_text()) for path in sorted((out / "state" / "0000000002").glob("*.json"))]
    assert line2[-1]["attempt"] == 1 and line2[-1]["key"] != line2[0]["key"]


# -- 8. messages in the shell's words -----------------------------------------------------------


def test_errors_name_flags_and_commands(invoke: Invoke, tmp_path: Path) -> None:
    faces = []
    for n in range(15):
        face = tmp_path / f"f{n}.png"
        face.write_bytes(make_png(f"f{n}"))
        faces.append(str(face))
    kind = invoke("loras", "create", "--name", "x", "--subject-kind", "styel", *faces)
    assert kind.exit_code == 2 and kind.stderr.startswith("error: --subject-kind: 'styel' is not one of")
    other = invoke("generate", "video", "-m", "flux-1.1-pro", "-p", "x")
    assert other.exit_code == 2
    assert "flux-1.1-pro is an image model: use `apiframe generate image`" in other.stderr
    upscaler = invoke("generate", "image", "-m", "topaz-image-upscale", "-p", "x")
    assert "topaz-image-upscale does not generate images; `apiframe generate image` takes" in upscaler.stderr
    missing = invoke("upload", str(tmp_path / "nope.png"))
    assert missing.exit_code == 2 and "does not exist" in missing.stderr and "bytes" not in missing.stderr
    listed = invoke("--json", "jobs", "list", "--status", "completed", "--limit", "2")
    assert listed.exit_code == 0 and {job["status"] for job in json.loads(listed.stdout)} <= {"COMPLETED"}
    text = tmp_path / "notes.txt"
    text.write_text("not media")
    refused = invoke("upload", str(text))
    assert refused.exit_code == 1 and "upload PNG, JPEG" in refused.stderr  # the 400's details, in the message


def test_a_refused_key_names_the_flag(sandbox: Sandbox) -> None:
    result = CliRunner().invoke(cli, ["--api-key", "wrong", "--base-url", sandbox.base_url, "me"])
    assert result.exit_code == 1
    assert "--api-key" in result.stderr and "api_key=" not in result.stderr


def test_sandbox_help_names_the_command() -> None:
    result = CliRunner().invoke(cli, ["sandbox", "--help"])
    assert result.stdout.startswith("Usage: apiframe sandbox [OPTIONS]")  # click, as every other command


# -- 9. narrow terminals ------------------------------------------------------------------------


def test_summary_at_60_columns_keeps_line_id_and_error() -> None:
    request = build_request("images_generate", "flux-1.1-pro-ultra", prompt="x")
    job_id = "0f9d6c1e-5f1a-4b8e-9a53-1f2b3c4d5e6f"
    error = "the model refused the prompt: content policy violation in the third sentence"
    failed = Task(7, request, key="k", job_id=job_id, status="failed", error=error)
    console = Console(width=60, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(summary_table([failed], width=60, title="b.jsonl: 0/1 completed"))
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 60
    flat = " ".join(text.split())
    assert job_id in text.replace("\n", "").replace(" ", "") or job_id in flat
    assert "# 7" in flat and "content policy violation in the third sentence" in flat


@pytest.mark.parametrize("width", [60, 100])
def test_jobs_list_never_cuts_models_or_ids(invoke: Invoke, width: int) -> None:
    job_id = invoke("generate", "image", "-m", "flux-1.1-pro-ultra", "-p", "w", "--no-wait").stdout.strip()
    result = invoke("jobs", "list", "--limit", "3", terminal_width=width)
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= width
    assert job_id in result.stdout and "flux-1.1-pro-ultra" in result.stdout
    assert re.search(r"\b\d+[smhd]\b", result.stdout)  # its age (--json has createdAt)


def test_the_runner_adds_no_retry_loop_to_the_sdks(tmp_path: Path) -> None:
    import asyncio

    import httpx

    from apiframe import AsyncApiframe
    from apiframe._errors import NetworkError
    from apiframe.cli._runner import run_tasks

    attempts: list[str] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        attempts.append(request.url.path)
        raise httpx.ConnectError("connection refused", request=request)

    async def main() -> None:
        transport = httpx.AsyncClient(transport=httpx.MockTransport(refuse))
        async with AsyncApiframe(
            api_key="afk_t", base_url="https://api.test", http_client=transport, max_retries=2
        ) as client:
            tasks = [Task(n, build_request("images_generate", "flux-1.1-pro", prompt="x"), key=f"k{n}") for n in (1, 2)]
            with pytest.raises(NetworkError):
                await run_tasks(
                    client, tasks, tmp_path, concurrency=1, on_change=lambda t: None, on_progress=lambda t, i: None
                )
        await transport.aclose()

    asyncio.run(main())
    assert attempts == ["/v2/images/generate"] * 3  # the SDK's 1 + max_retries, for the first line only


def test_a_planted_sandbox_state_link_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / SANDBOX_STATE).symlink_to(elsewhere)
    args = ["--sandbox", "generate", "image", "-m", "flux-1.1-pro", "-p", "x", "-o", "out"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "is a symbolic link" in result.stderr
    assert list(elsewhere.iterdir()) == []
    batch, out = tmp_path / "b.jsonl", tmp_path / "bout"
    batch.write_text(json.dumps({"model": "flux-1.1-pro", "prompt": "p"}) + "\n")
    refused = CliRunner().invoke(cli, ["--sandbox", "batch", str(batch), "-o", str(out)])  # a batch too
    assert refused.exit_code == 2 and "is a symbolic link" in refused.stderr
    assert list(elsewhere.iterdir()) == []
    assert not (out / SANDBOX_STATE).exists() and not (out / ".batch.lock").exists()


def test_ctrl_c_during_a_batch_says_how_to_resume(tmp_path: Path) -> None:
    batch, out = tmp_path / "b.jsonl", tmp_path / "out"
    batch.write_text(json.dumps({"model": "flux-1.1-pro", "prompt": "p"}) + "\n")
    with Sandbox(SandboxConfig(job_seconds=3.0)) as slow:
        env = {**os.environ, "APIFRAME_API_KEY": slow.api_key}
        command = [sys.executable, "-m", "apiframe", "--base-url", slow.base_url, "batch", str(batch), "-o", str(out)]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
        try:
            for _ in range(1000):  # the line's job id is on disk: the batch is waiting for it
                if list(out.glob("state/*/*.submitted.*.json")):
                    break
                time.sleep(0.01)
            process.send_signal(signal.SIGINT)
            _, stderr = process.communicate(timeout=20)
        finally:
            process.kill()
    assert process.returncode == 130
    assert "1 line unfinished: run the same command again to resume" in stderr


def test_assets_create_and_get(invoke: Invoke) -> None:
    created = invoke("assets", "create", "--url", "https://example.com/cat.png", "--type", "image")
    assert created.exit_code == 0, created.output
    asset_id = created.stdout.strip()
    got = json.loads(invoke("--json", "assets", "get", asset_id).stdout)
    text = invoke("assets", "get", asset_id).stdout  # no JSON without --json: a field a line
    assert f"id: {asset_id}" in text.splitlines() and "url: https://example.com/cat.png" in text
    assert got["id"] == asset_id and got["url"] == "https://example.com/cat.png"
    wrong = invoke("assets", "create", "--url", "https://example.com/cat.png", "--type", "picture")
    assert wrong.exit_code == 2 and "'picture' is not one of 'image', 'video', 'audio'" in wrong.stderr


@pytest.mark.parametrize("url", ["ftp://example.com", "http://[::1", "example.com"])
def test_a_malformed_base_url_is_named_as_the_flag(url: str) -> None:
    result = CliRunner().invoke(cli, ["--api-key", "afk_x", "--base-url", url, "me"])
    assert result.exit_code == 2
    assert "--base-url must be an http(s) URL" in result.stderr and "base_url" not in result.stderr


def test_sandbox_jobs_outlive_the_command_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    sandbox = ["--sandbox", "--sandbox-job-seconds", "0.2"]
    queued = CliRunner().invoke(cli, [*sandbox, "generate", "image", "-m", "flux-1.1-pro", "-p", "x", "--no-wait"])
    assert queued.exit_code == 0, queued.output
    job_id = queued.stdout.strip()
    waited = CliRunner().invoke(cli, [*sandbox, "jobs", "wait", job_id])
    assert waited.exit_code == 0, waited.output
    assert f"{job_id}  COMPLETED" in waited.stdout
