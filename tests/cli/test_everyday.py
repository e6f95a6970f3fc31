"""Issue 22: the command as a new user meets it, round 2 (failures that end, errors shown, escape
hatches, install hints, --sandbox URLs, compact output, help for every option)."""

from __future__ import annotations

import json
import logging
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner, Result

from apiframe.batch import BatchState, Shard, open_store
from apiframe.cli._app import cli
from apiframe.testing import FAIL_TRIGGER, Sandbox, SandboxConfig
from apiframe.testing._media import make_png

Invoke = Callable[..., Result]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.2, seed=22)) as running:
        yield running


@pytest.fixture
def invoke(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Invoke:
    monkeypatch.delenv("APIFRAME_API_KEY", raising=False)
    monkeypatch.delenv("APIFRAME_BASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)

    def run(*args: str, width: int = 120) -> Result:
        env = {"COLUMNS": str(width)}
        return CliRunner(env=env).invoke(cli, ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url, *args])

    return run


# -- 1. failures that end: --timeout and --max-retries, one line per retry ------------------------


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server on 127.0.0.1 that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


@pytest.mark.parametrize("where", ["before", "after"])
def test_timeout_and_max_retries_end_a_silent_server_in_the_shells_words(silent_server: str, where: str) -> None:
    options = ["--timeout", "0.5", "--max-retries", "0"]
    args = [*options, "me"] if where == "before" else ["me", *options]
    result = CliRunner().invoke(cli, ["--api-key", "afk_test", "--base-url", silent_server, *args])
    assert result.exit_code == 1
    assert "--timeout" in result.stderr and "timeout=" not in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def _leaves(group: object, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], object]]:
    import click

    assert isinstance(group, click.Command)
    if isinstance(group, click.Group):
        for name, command in group.commands.items():
            yield from _leaves(command, (*path, name))
    else:
        yield path, group


def test_every_command_takes_timeout_and_max_retries_and_every_option_has_help() -> None:
    import click

    for path, command in _leaves(cli):
        assert isinstance(command, click.Command)
        flags = {flag for param in command.params for flag in getattr(param, "opts", [])}
        if path != ("sandbox",):  # the sandbox server sends no request
            assert {"--timeout", "--max-retries", "--json", "--jsonl"} <= flags, path
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help and len(param.help) > 3, (path, param.opts)
    generate = CliRunner().invoke(cli, ["generate", "--help"], terminal_width=100).stdout
    shown = " ".join(generate.split())
    assert "--wait-timeout SECONDS" in shown and "Deadline of each API call: every attempt and the pauses" in shown


@dataclass(frozen=True)
class Notice:
    """The retry notice's shape (``apiframe._retry.RetryNotice``)."""

    attempt: int
    attempts: int
    delay: float
    reason: str


def test_each_retry_notice_is_one_line_on_stderr(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    from apiframe import Apiframe
    from apiframe.cli._retries import RetryLines

    real_me = Apiframe.me

    def me(self: Apiframe) -> object:  # what the SDK's pipeline logs before each retry
        logger = logging.getLogger("apiframe")
        for attempt in (2, 3):
            notice = Notice(attempt, 3, 0.4, "no answer from 127.0.0.1:9 after 5 s\x1b[31m")
            logger.info("retrying", extra={"apiframe_retry": notice})
        logger.info("an ordinary record")  # not a notice: not printed
        return real_me(self)

    monkeypatch.setattr(Apiframe, "me", me)
    before = logging.getLogger("apiframe").level
    result = invoke("me")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "no answer from 127.0.0.1:9 after 5 s, retrying (2/3)",
        "no answer from 127.0.0.1:9 after 5 s, retrying (3/3)",
    ]
    assert logging.getLogger("apiframe").level == before  # the handler leaves with the command
    assert not [h for h in logging.getLogger("apiframe").handlers if isinstance(h, RetryLines)]


def test_a_long_pause_is_named() -> None:
    from apiframe.cli._retries import retry_line

    assert retry_line(Notice(2, 3, 4.2, "the API answered 503")) == "the API answered 503, retrying in 4 s (2/3)"


# -- 3, 4. batch status adds up; a failed job shows its error --------------------------------------


def test_batch_status_counts_add_up(tmp_path: Path) -> None:
    import asyncio

    async def record() -> None:
        state = BatchState(open_store(str(tmp_path / "out")))
        await state.write_plan(Shard(1, 1), 20, input="sha256:x")
        for line in range(1, 21):
            await state.record(line, "pending", key=f"k{line}")
            if line <= 16:
                await state.record(line, "completed", files=[])
            elif line == 17:
                await state.record(line, "failed", error="refused")
            else:
                await state.record(line, "submitted", job_id=f"job-{line}")

    asyncio.run(record())
    data = json.loads(CliRunner().invoke(cli, ["--json", "batch", "status", str(tmp_path / "out")]).stdout)
    assert (data["lines"], data["completed"], data["failed"], data["running"], data["pending"]) == (20, 16, 1, 3, 0)
    text = CliRunner(env={"COLUMNS": "80"}).invoke(cli, ["batch", "status", str(tmp_path / "out")]).stdout
    assert re.search(r"all\s+20\s+16\s+1\s+3\s+0\b", text), text


def test_a_failed_job_shows_its_error_and_exits_1(invoke: Invoke) -> None:
    job_id = invoke("generate", "image", "-m", "flux-1.1-pro", "-p", f"x {FAIL_TRIGGER}", "--no-wait").stdout.strip()
    waited = invoke("jobs", "wait", job_id)
    assert waited.exit_code == 1
    assert f"{job_id}  FAILED  Sandbox: the request asked to fail" in waited.stdout
    got = invoke("jobs", "get", job_id)
    assert got.exit_code == 1
    assert "error: Sandbox: the request asked to fail" in got.stdout and "FAILED" in got.stdout


# -- 5, 6. messages from the SDK in the shell's words; the escape hatches -------------------------


def test_extra_body_and_no_validate(invoke: Invoke, sandbox: Sandbox) -> None:
    unknown = invoke("generate", "image", "-m", "flux-1.1-pro", "-p", "x", "--param", "new_knob=1", "--no-wait")
    assert unknown.exit_code == 2
    assert "--extra-body JSON" in unknown.stderr and "extra_body" not in unknown.stderr
    merged = invoke(
        "generate", "image", "-m", "flux-1.1-pro", "-p", "x", "--param", "seed=3",
        "--extra-body", '{"fluxParams": {"aspect_ratio": "1:1"}, "webhookEvents": ["completed"]}', "--no-wait",
    )  # fmt: skip
    assert merged.exit_code == 0, merged.output
    job = sandbox.job(merged.stdout.strip())
    assert job is not None and job["input"]["fluxParams"] == {"seed": 3, "aspect_ratio": "1:1"}
    unchecked = invoke("generate", "image", "-m", "flux-1.1-pro", "-p", "x", "--param", "seed=lots", "--no-validate")
    assert unchecked.exit_code == 1 and "failed with 400" in unchecked.stderr  # the API checked it, not the CLI
    new_model = invoke("generate", "image", "-m", "acme-next", "-p", "x", "--no-validate", "--no-wait")
    assert new_model.exit_code == 1 and "the API answered 400" in new_model.stderr
    refused = invoke("generate", "image", "-m", "acme-next", "-p", "x")
    assert refused.exit_code == 2 and "--no-validate" in refused.stderr and "validate=False" not in refused.stderr
    bad = invoke("generate", "image", "-m", "flux-1.1-pro", "-p", "x", "--extra-body", "[1]")
    assert bad.exit_code == 2 and "--extra-body must be a JSON object" in bad.stderr


def test_the_sdks_messages_reach_the_shell_with_flags(invoke: Invoke, sandbox: Sandbox) -> None:
    video = invoke("generate", "image", "-m", "kling-2.5-turbo-pro", "-p", "x")
    assert "kling-2.5-turbo-pro is a video model: use `apiframe generate video`" in video.stderr
    wrong_root = CliRunner().invoke(cli, ["--api-key", sandbox.api_key, "--base-url", f"{sandbox.base_url}/v2", "me"])
    assert wrong_root.exit_code == 1
    assert f"--base-url ends in /v2: pass the API's root, {sandbox.base_url}" in wrong_root.stderr
    with Sandbox(SandboxConfig(job_seconds=60)) as slow:  # the parent is still running when its action comes
        connect = ["--api-key", slow.api_key, "--base-url", slow.base_url]
        parent = CliRunner().invoke(cli, [*connect, "generate", "image", "-m", "midjourney", "-p", "x", "--no-wait"])
        action = ["images", "midjourney-action", "upsample", "--parent-job-id", parent.stdout.strip(), "--index", "1"]
        early = CliRunner().invoke(cli, [*connect, *action])
    assert early.exit_code == 1 and "idempotency" not in early.stderr
    assert "the parent job cannot take this action now: wait until it is COMPLETED" in early.stderr


# -- 7. install hints that work today ---------------------------------------------------------------

_BLOCK = "import sys; sys.modules[{name!r}] = None; "


@pytest.mark.parametrize(
    ("blocked", "code", "what"),
    [
        ("uvicorn", "import runpy; runpy.run_module('apiframe.testing', run_name='__main__')", "python -m apiframe"),
        ("uvicorn", "from apiframe.cli import main; sys.exit(main(['sandbox', '--port', '0']))", "apiframe sandbox"),
        ("click", "from apiframe.cli import main; sys.exit(main(['--help']))", "the apiframe command"),
        ("mcp", "from apiframe.cli import main; sys.exit(main(['--sandbox', 'mcp']))", "apiframe mcp"),
    ],
)
def test_a_missing_extra_says_what_to_run(blocked: str, code: str, what: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _BLOCK.format(name=blocked) + code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and what in result.stderr
    root = Path(__file__).parents[2]
    assert f"pip install -e '{root}[" in result.stderr  # this clone: the command that works from here
    assert ">=2.0.0a1" not in result.stderr
    assert f"({blocked} is not installed); install it with: pip install" in " ".join(result.stderr.split())
    assert "apiframe-sdk[" not in result.stderr and "No module named" not in result.stderr  # not the v1 SDK's


def test_the_hint_from_a_wheel_names_the_extras_requirements() -> None:
    from apiframe import _extras

    needed = _extras._requirements("sandbox")
    assert any(item.startswith("uvicorn") for item in needed) and any(item.startswith("starlette") for item in needed)
    assert all(item.split("[")[0] != "apiframe-sdk" for item in _extras._requirements("cli"))  # nested extras expanded


# -- 8. --sandbox: URLs that stay valid, state beside the commands, no lock left --------------------


def test_sandbox_urls_stay_valid_with_a_running_sandbox_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from apiframe.cli._sandbox import ANNOUNCEMENT, SANDBOX_STATE

    monkeypatch.chdir(tmp_path)
    image = tmp_path / "cat.png"
    image.write_bytes(make_png("cat"))
    alone = CliRunner().invoke(cli, ["--sandbox", "upload", str(image)])
    assert alone.exit_code == 0, alone.output
    assert "its URLs stop working when it ends" in alone.stderr  # said plainly
    server = subprocess.Popen(
        [sys.executable, "-m", "apiframe", "sandbox", "--port", "0", "--log-level", "warning"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        base_url = server.stdout.readline().strip()
        announcement = tmp_path / SANDBOX_STATE / ANNOUNCEMENT
        for _ in range(200):
            if announcement.is_file():
                break
            time.sleep(0.02)
        uploaded = CliRunner().invoke(cli, ["--sandbox", "upload", str(image)])
        assert uploaded.exit_code == 0, uploaded.output
        url = uploaded.stdout.strip()
        assert url.startswith(base_url) and f"using the sandbox server at {base_url}" in uploaded.stderr
        assert httpx.get(url).status_code == 200  # after the command ended
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert not announcement.exists()  # withdrawn when the server stops


def test_a_sandbox_batch_keeps_its_state_outside_the_results_and_no_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from apiframe.cli._sandbox import SANDBOX_STATE

    monkeypatch.chdir(tmp_path)
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"model": "flux-1.1-pro", "prompt": "p"}) + "\n")
    result = CliRunner().invoke(cli, ["--sandbox", "--sandbox-job-seconds", "0.2", "batch", str(batch), "-o", "out"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")) == []  # no lock, no state
    assert (tmp_path / SANDBOX_STATE).is_dir()


# -- 9. compact output -------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [80, 120])
def test_jobs_list_is_one_line_per_job(invoke: Invoke, width: int) -> None:
    for n in range(3):
        invoke("generate", "image", "-m", "flux-1.1-pro-ultra", "-p", f"w{n}", "--no-wait")
    result = invoke("jobs", "list", "--limit", "3", width=width)
    lines = result.stdout.splitlines()
    assert len(lines) == 4, result.stdout  # a header and one line a job
    assert all(len(line) <= width for line in lines)
    assert all(re.match(r"[0-9a-f-]{36}  flux-1.1-pro-ultra\s", line) for line in lines[1:])


def test_the_batch_summary_is_totals_and_failed_lines_with_all_for_every_line(invoke: Invoke, tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    rows = [{"model": "flux-1.1-pro", "prompt": f"p{n}"} for n in range(4)]
    rows.append({"model": "flux-1.1-pro", "prompt": f"x {FAIL_TRIGGER}"})
    batch.write_text("".join(json.dumps(row) + "\n" for row in rows))
    out = "results"
    result = invoke("batch", str(batch), "-o", out)
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines[0] == "b.jsonl: 4 of 5 completed, 1 failed"  # the totals, then only the failed line
    assert re.match(r"#\s+model\s+status\s+job id\s+error", lines[1])
    caption = next(n for n, line in enumerate(lines) if line.startswith("files in "))
    assert re.match(r"5\s+flux-1.1-pro\s+failed\s+[0-9a-f-]{36}\s+Sandbox: ", lines[2])
    assert all(line.startswith(" ") for line in lines[3:caption])  # the error wraps in its column, nothing else
    every = invoke("batch", str(batch), "-o", out, "--all")
    shown = [line for line in every.stdout.splitlines() if line.strip() and not line.startswith(" ")]
    assert shown[0] == lines[0] and shown[7].startswith("files in ")  # title, header, five lines, caption
    for line in shown[2:6]:
        assert "\u2026" not in line and re.search(rf"\s{out}/[0-9a-f-]{{36}}\.png$", line.rstrip()), line


def test_help_never_wraps_inside_a_word() -> None:
    result = CliRunner().invoke(cli, ["images", "midjourney-action", "--help"], terminal_width=80)
    usage = result.stdout.split("\n\n")[0]
    assert usage == "Usage: apiframe images midjourney-action [OPTIONS] ACTION"
    assert "ACTION is one of: inpaint, outpaint, pan, upsample, variation." in " ".join(result.stdout.split())


def test_models_needs_no_key(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("APIFRAME_API_KEY", raising=False)
    seen: list[str | None] = []
    real_handle = httpx.HTTPTransport.handle_request

    def handle(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:  # what goes on the wire
        seen.append(request.headers.get("x-api-key"))
        return real_handle(self, request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", handle)
    result = CliRunner().invoke(cli, ["--base-url", sandbox.base_url, "models", "--modality", "music"])
    assert result.exit_code == 0, result.output
    assert "suno" in result.stdout and seen == [None]  # no key, not even a stand-in, left the machine
    keyless = CliRunner().invoke(cli, ["--base-url", sandbox.base_url, "me"])
    assert keyless.exit_code == 2 and "no API key" in keyless.stderr
