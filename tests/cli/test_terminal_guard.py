"""Issue 17, point 1: text from outside is shown literally and without control sequences.

Every command that prints text it did not write (job errors, model, LoRA and file names, labels,
server messages, webhook deliveries) runs against a sandbox whose answers carry rich markup,
CSI/OSC sequences, C1 controls and bidirectional overrides, at 60 and 120 columns, on a terminal
and off it. ``--json`` keeps the server's text exactly. A structural test checks that no CLI module
prints any other way than through the guard (``apiframe/cli/_terminal.py``).
"""

from __future__ import annotations

import ast
import io
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cli_hostile import HOSTILE, HostileSandbox, assert_shown_safely, poison
from click.testing import CliRunner, Result

from apiframe.cli import _terminal
from apiframe.cli._app import cli
from apiframe.testing import FAIL_TRIGGER, Sandbox
from apiframe.testing._media import make_png
from apiframe.webhooks import sign_webhook

Invoke = Callable[..., Result]
WIDTHS = [60, 120]
TTY = {"TTY_COMPATIBLE": "1", "TERM": "xterm-256color", "FORCE_COLOR": "1"}


@pytest.fixture(scope="module")
def hostile() -> Iterator[Sandbox]:
    keys = {"error", "message", "model", "name", "triggerWord", "label", "email"}
    with HostileSandbox(poison(keys)) as running:
        yield running


@pytest.fixture
def invoke(hostile: Sandbox, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Invoke:
    monkeypatch.delenv("APIFRAME_API_KEY", raising=False)
    monkeypatch.delenv("APIFRAME_BASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)

    def run(*args: str, width: int = 120, tty: bool = False) -> Result:
        env = {"COLUMNS": str(width), **(TTY if tty else {})}
        return CliRunner(env=env).invoke(
            cli, ["--api-key", hostile.api_key, "--base-url", hostile.base_url, *args], catch_exceptions=False
        )

    return run


@pytest.fixture(scope="module")
def failed_job(hostile: Sandbox) -> str:
    from apiframe import Apiframe

    with Apiframe(api_key=hostile.api_key, base_url=hostile.base_url) as client:
        job_id = client.images.generate(model="flux-1.1-pro", prompt=f"x {FAIL_TRIGGER}").job_id
        for _ in range(200):
            if client.jobs.get(job_id).status == "FAILED":
                break
            time.sleep(0.05)
    return str(job_id)


@pytest.mark.parametrize("tty", [False, True])
@pytest.mark.parametrize("width", WIDTHS)
def test_jobs_get_wait_list_and_download_show_server_text_literally(
    invoke: Invoke, failed_job: str, width: int, tty: bool
) -> None:
    for args in (
        ["jobs", "get", failed_job],
        ["jobs", "wait", failed_job],
        ["jobs", "list", "--limit", "5"],
        ["jobs", "download", failed_job, "--wait", "--out", "out"],
    ):
        result = invoke(*args, width=width, tty=tty)
        assert result.exit_code in (0, 1), (args, result.output)
        assert_shown_safely(result.stdout + result.stderr, tty=tty)
        assert "second line" not in _plain(result.stdout).splitlines()  # an outside line break forges no line
        if args[1] == "list":
            assert max(map(len, _plain(result.stdout).splitlines() or [""])) <= width, result.stdout


@pytest.mark.parametrize("width", WIDTHS)
def test_generate_prints_a_failed_jobs_error_literally(invoke: Invoke, width: int) -> None:
    result = invoke("generate", "image", "-m", "flux-1.1-pro", "-p", f"x {FAIL_TRIGGER}", "-o", "out", width=width)
    assert result.exit_code == 1
    assert_shown_safely(result.stderr)


@pytest.mark.parametrize("tty", [False, True])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_batch_summary_and_status_show_errors_literally(
    invoke: Invoke, tmp_path: Path, width: int, tty: bool
) -> None:
    batch = tmp_path / "b.jsonl"
    lines = [{"model": "flux-1.1-pro", "prompt": "fine"}, {"model": "flux-1.1-pro", "prompt": f"x {FAIL_TRIGGER}"}]
    batch.write_text("".join(json.dumps(line) + "\n" for line in lines))
    ran = invoke("batch", str(batch), "--out", "out", width=width, tty=tty)
    assert ran.exit_code == 1, ran.output
    assert_shown_safely(ran.stdout + ran.stderr, tty=tty)
    status = invoke("batch", "status", "out", width=width, tty=tty)
    assert status.exit_code == 1
    assert_shown_safely(status.stdout + status.stderr, tty=tty)


@pytest.mark.parametrize("width", WIDTHS)
def test_loras_models_me_and_api_errors_show_server_text_literally(invoke: Invoke, tmp_path: Path, width: int) -> None:
    faces = []
    for n in range(15):
        face = tmp_path / f"f{n}.png"
        face.write_bytes(make_png(f"face{n}"))
        faces.append(str(face))
    created = invoke("loras", "create", "--name", "me", "--subject-kind", "style", *faces, width=width)
    assert created.exit_code == 0, created.output
    lora_id = json.loads(invoke("--json", "loras", "list").stdout)[0]["id"]
    for args in (["loras", "list"], ["loras", "get", lora_id], ["models", "--modality", "music"], ["me"]):
        result = invoke(*args, width=width)
        assert result.exit_code == 0, (args, result.output)
        assert_shown_safely(result.stdout + result.stderr)
    url = "https://example.com/[/INST]\x1b]8;;https://evil.example/\x07a.png"
    asset = invoke("--json", "assets", "create", "--url", url, "--type", "image", width=width)
    assert asset.exit_code == 0, asset.output
    shown = invoke("assets", "get", json.loads(asset.stdout)["assetId"], width=width)
    assert shown.exit_code == 0, shown.output
    assert_shown_safely(shown.stdout, literals=("[/INST]",))
    missing = invoke("jobs", "get", "00000000-0000-4000-8000-000000000000", width=width)
    assert missing.exit_code == 1
    assert_shown_safely(missing.stderr)  # the API's 404 text, poisoned


def test_json_output_keeps_the_server_text_exactly(invoke: Invoke, failed_job: str) -> None:
    result = invoke("--json", "jobs", "get", failed_job)
    assert result.exit_code == 1
    assert result.stdout.isascii() and "\x1b" not in result.stdout  # escaped by JSON, not removed
    assert json.loads(result.stdout)["error"].endswith(HOSTILE)


def test_an_upload_url_and_listen_lines_are_cleaned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import asyncio

    from apiframe.cli._listen import ListenApp
    from apiframe.webhooks import WebhookHub

    with HostileSandbox(poison({"url"})) as sandbox:
        image = tmp_path / "a.png"
        image.write_bytes(make_png("a"))
        args = ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url, "upload", str(image)]
        result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert_shown_safely(result.stdout)

    body = json.dumps({"jobId": "j1", "type": "completed", "status": f"COMPLETED {HOSTILE}"}).encode()
    headers = [(b"x-webhook-signature", sign_webhook(api_key="afk_k", body=body).encode())]
    sent: list[dict[str, object]] = []

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    app = ListenApp(WebhookHub(), api_key="afk_k", forward_to=None, json_output=False)
    scope = {"type": "http", "method": "POST", "path": "/", "headers": headers}
    asyncio.run(app(scope, receive, send))
    printed = capsys.readouterr().out
    assert "j1" in printed
    assert_shown_safely(printed)


def test_progress_text_from_a_snapshot_is_literal_on_a_terminal() -> None:
    from apiframe._job_requests import build_request
    from apiframe.cli._display import Display
    from apiframe.cli._runner import Task

    class Snapshot:
        status, progress = f"PROCESSING {HOSTILE}", 40

    buffer = io.StringIO()
    terminal = _terminal.console(file=buffer, width=120)
    terminal._force_terminal = True
    task = Task(1, build_request("images_generate", "flux-1.1-pro", prompt="x"), key="k", label=f"job {HOSTILE}")
    with Display(terminal, [task]) as display:
        display.progressed(task, Snapshot())
    assert_shown_safely(buffer.getvalue(), tty=True, literals=("[/INST]", "[bold red]"))  # the bar cuts the rest


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain", "plain"),
        ("a\x1b[31mred\x1b[0m", "ared"),
        ("\x1b]8;;https://x.example/\x07link\x1b]8;;\x1b\\", "link"),
        ("\x9b2Jc1\x9d0;title\x9c", "c1"),
        ("\u202eevil\u2066x\u2069", "evilx"),
        ("bell\x07\x00nul\x7fdel\rcr", "bellnuldelcr"),
        ("keeps\nnew\tlines", "keeps\nnew\tlines"),
        ("lone \x1b", "lone "),
        ("\U000e0041\U000e0042zero\u200bwidth\u200c\u200d", "zerowidth"),  # benchmark 12, seed 316244564
    ],
)
def test_clean_removes_escape_sequences_and_controls(text: str, shown: str) -> None:
    assert _terminal.clean(text) == shown
    assert _terminal.one_line("a\nb\tc") == "a b c"


def test_the_console_never_reads_markup_even_when_asked() -> None:
    buffer = io.StringIO()
    terminal = _terminal.console(file=buffer, width=80)
    terminal.print("[bold]x[/bold] [/INST]", markup=True)
    assert buffer.getvalue() == "[bold]x[/bold] [/INST]\n"


_PRINTERS = {"print", "echo", "secho"}


def test_no_cli_module_prints_around_the_guard() -> None:
    """Every output of the CLI goes through apiframe/cli/_terminal.py: no print(), click.echo,
    sys.stdout/stderr.write, rich Console() or markup parsing anywhere else."""
    root = Path(__file__).parents[2] / "apiframe" / "cli"
    offenders = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "_terminal.py" or path == root / "__init__.py":
            continue  # the guard itself; the entry point's one line when click and rich are missing
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
                owner = ast.unparse(func.value) if isinstance(func, ast.Attribute) else ""
                bad = (
                    (name in _PRINTERS and owner in ("", "click"))
                    or (name == "write" and owner in ("sys.stdout", "sys.stderr"))
                    or name in ("Console", "TextColumn", "from_markup", "render_markup")
                    or any(k.arg == "markup" for k in node.keywords)
                )
                if bad:
                    offenders.append(f"{path.relative_to(root)}:{node.lineno} {ast.unparse(func)}")
    assert offenders == []


def _plain(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)
