"""The ``apiframe`` command against the sandbox over HTTP, through click's test runner."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from apiframe.cli._app import cli
from apiframe.cli._sandbox import SANDBOX_STATE
from apiframe.testing import FAIL_TRIGGER, SIGNATURE_HEADER, Sandbox, SandboxConfig
from apiframe.testing._media import make_png
from apiframe.webhooks import sign_webhook

Invoke = Callable[..., Result]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.3, seed=11)) as running:
        yield running


@pytest.fixture
def invoke(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Iterator[Invoke]:
    monkeypatch.delenv("APIFRAME_API_KEY", raising=False)
    monkeypatch.delenv("APIFRAME_BASE_URL", raising=False)
    runner = CliRunner()

    def run(*args: str, input: bytes | None = None) -> Result:
        return runner.invoke(
            cli,
            ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url, *args],
            input=input,
            catch_exceptions=False,
        )

    yield run


def test_generate_waits_and_downloads_the_results(invoke: Invoke, sandbox: Sandbox, tmp_path: Path) -> None:
    before = sandbox.job_count()
    result = invoke(
        "generate", "image", "--model", "flux-1.1-pro", "--prompt", "a lighthouse",
        "--param", "aspect_ratio=16:9", "--param", "seed=7", "--out", str(tmp_path),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    (printed,) = result.stdout.split()
    path = Path(printed)
    assert path.parent == tmp_path and path.suffix == ".png"
    assert path.read_bytes().startswith(b"\x89PNG")
    assert sandbox.job_count() == before + 1
    job = sandbox.job(path.stem)
    assert job is not None
    assert job["input"]["fluxParams"] == {"aspect_ratio": "16:9", "seed": 7}  # "7" became an integer


def test_generate_json_output_and_no_wait(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke(
        "--json", "generate", "music", "-m", "suno", "-p", "lo-fi",
        "--params-json", '{"custom_mode": false}', "--param", "instrumental=true", "-o", str(tmp_path),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["status"] == "COMPLETED"
    assert [Path(f).suffix for f in data["files"]] == [".wav", ".wav"]
    assert all(Path(f).is_file() for f in data["files"])
    queued = invoke("generate", "video", "-m", "kling-2.5-turbo-pro", "-p", "x", "--no-wait")
    assert queued.exit_code == 0
    assert len(queued.stdout.strip()) == 36  # just the job id, for scripts


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--param", "duration=7"], "error: --param duration: 7 is not one of [5, 10]"),
        (["--param", "colour=red"], "error: --param colour is not accepted here (accepted: "),
        (["--param", "duration"], "--param takes key=value, got 'duration'"),
        (["--params-json", "[1]"], "--params-json must be a JSON object"),
        (["--params-json", "{oops"], "--params-json is not JSON"),
    ],
)
def test_invalid_params_are_refused_before_submitting(
    invoke: Invoke, sandbox: Sandbox, args: list[str], message: str
) -> None:
    before = sandbox.job_count()
    result = invoke("generate", "video", "-m", "kling-2.5-turbo-pro", "-p", "peaks", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert sandbox.job_count() == before


def test_unknown_model_lists_the_models(invoke: Invoke) -> None:
    result = invoke("generate", "image", "-m", "flux-1.1-pr", "-p", "x")
    assert result.exit_code == 2
    assert "did you mean 'flux-1.1-pro'?" in result.stderr
    assert "midjourney" in result.stderr


def test_a_failed_job_exits_1(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("generate", "image", "-m", "flux-1.1-pro", "-p", f"x {FAIL_TRIGGER}", "-o", str(tmp_path))
    assert result.exit_code == 1
    assert "did not complete" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_no_key_says_how_to_get_one_or_use_the_sandbox(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("APIFRAME_API_KEY", raising=False)
    result = CliRunner().invoke(cli, ["generate", "image", "-m", "flux-1.1-pro", "-p", "x"])
    assert result.exit_code == 2
    assert "--api-key" in result.stderr and "APIFRAME_API_KEY" in result.stderr and "--sandbox" in result.stderr


def test_embedded_sandbox_needs_no_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("APIFRAME_API_KEY", raising=False)
    monkeypatch.chdir(tmp_path)
    args = ["--sandbox", "--sandbox-job-seconds", "0.2", "generate", "image", "-m", "midjourney", "-p", "fox"]
    result = CliRunner().invoke(cli, [*args, "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.suffix for p in tmp_path.iterdir() if not p.name.startswith(".")) == [".png"] * 4
    assert (tmp_path / SANDBOX_STATE).is_dir()  # the sandbox's jobs outlive the command (see the resume tests)


def test_jobs_commands(invoke: Invoke, sandbox: Sandbox, tmp_path: Path) -> None:
    job_id = invoke("generate", "image", "-m", "flux-1.1-pro", "-p", "jobs", "--no-wait").stdout.strip()
    waited = invoke("jobs", "wait", job_id, "--timeout", "30")
    assert waited.exit_code == 0 and f"{job_id}  COMPLETED" in waited.stdout
    got = invoke("--json", "jobs", "get", job_id)
    assert json.loads(got.stdout)["status"] == "COMPLETED"
    for n in range(2):  # this worker's sandbox may hold no other job yet
        invoke("generate", "image", "-m", "flux-1.1-pro", "-p", f"more {n}", "--no-wait")
    listed = invoke("--json", "jobs", "list", "--limit", "3")
    assert len(json.loads(listed.stdout)) == 3
    downloaded = invoke("jobs", "download", job_id, "--out", str(tmp_path))
    assert downloaded.exit_code == 0
    assert (tmp_path / f"{job_id}.png").is_file()
    failing = invoke("generate", "image", "-m", "flux-1.1-pro", "-p", FAIL_TRIGGER, "--no-wait").stdout.strip()
    assert invoke("jobs", "wait", failing).exit_code == 1


def test_upload_loras_models_me(invoke: Invoke, tmp_path: Path) -> None:
    image = tmp_path / "face.png"
    image.write_bytes(make_png("face"))
    uploaded = invoke("upload", str(image))
    assert uploaded.exit_code == 0 and uploaded.stdout.startswith("http")
    missing = invoke("upload", str(tmp_path / "nope.png"))
    assert missing.exit_code == 2 and "nope.png" in missing.stderr
    faces = []
    for n in range(15):
        face = tmp_path / f"f{n}.png"
        face.write_bytes(make_png(f"face{n}"))
        faces.append(str(face))
    created = invoke("--json", "loras", "create", "--name", "me", "--subject-kind", "style", *faces)
    assert created.exit_code == 0, created.output
    lora_id = json.loads(created.stdout)["id"]
    assert lora_id in invoke("loras", "list").stdout
    assert invoke("loras", "get", lora_id).exit_code == 0
    assert invoke("loras", "delete", lora_id).stdout.strip() == f"deleted {lora_id}"
    assert lora_id not in invoke("loras", "list").stdout  # archived
    too_few = invoke("loras", "create", "--name", "x", *faces[:3])
    assert too_few.exit_code == 2 and "15" in too_few.stderr
    models = json.loads(invoke("--json", "models", "--modality", "music").stdout)
    assert models and {m["modality"] for m in models} == {"music"}
    assert "credits" in invoke("me").stdout


def test_webhooks_verify(invoke: Invoke, sandbox: Sandbox, tmp_path: Path) -> None:
    body = b'{"jobId": "j1", "type": "completed"}'
    signature = sign_webhook(api_key=sandbox.api_key, body=body)
    delivery = tmp_path / "body.json"
    delivery.write_bytes(body)
    assert invoke("webhooks", "verify", "--signature", signature, str(delivery)).exit_code == 0
    piped = invoke("webhooks", "verify", "-s", signature, input=body)
    assert piped.exit_code == 0 and piped.stdout.startswith("valid")
    tampered = invoke("webhooks", "verify", "-s", signature, input=body + b" ")
    assert tampered.exit_code == 1 and "INVALID" in tampered.stdout
    assert SIGNATURE_HEADER.lower() == "x-webhook-signature"


def test_the_key_is_not_in_the_settings_repr() -> None:
    from apiframe.cli._context import Settings

    settings = Settings("afk_cli_secret_key", "http://127.0.0.1:1", False, 3.0)
    assert "afk_cli_secret_key" not in repr(settings)
