"""Issue 22, point 2: one --json contract, every command's output parsed.

The contract (README, "Output"): with ``--json`` a command prints exactly one JSON document on
stdout, an array when it reports several items (a command that takes several ids, a list); with
``--jsonl`` one document a line; keys are the API's wire names, as ``to_dict()`` gives them
(``id``, ``createdAt``, ``jobId`` in an accepted job), plus the command's own ``files`` and ``message``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from apiframe.cli._app import cli
from apiframe.testing import FAIL_TRIGGER, Sandbox, SandboxConfig
from apiframe.testing._media import make_png
from apiframe.webhooks import sign_webhook

Invoke = Callable[..., Result]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.2, seed=21)) as running:
        yield running


@pytest.fixture
def invoke(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Invoke:
    monkeypatch.delenv("APIFRAME_API_KEY", raising=False)
    monkeypatch.delenv("APIFRAME_BASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)

    def run(*args: str, input: bytes | None = None) -> Result:
        return CliRunner().invoke(
            cli, ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url, *args], input=input
        )

    return run


def one_document(result: Result, *, exit_code: int = 0) -> Any:
    """The one JSON document the command printed (``json.loads`` refuses anything more)."""
    assert result.exit_code == exit_code, result.output
    return json.loads(result.stdout)


def test_every_command_prints_one_json_document_with_the_apis_names(invoke: Invoke, tmp_path: Path) -> None:
    accepted = one_document(invoke("--json", "generate", "image", "-m", "flux-1.1-pro", "-p", "a", "--no-wait"))
    assert set(accepted) == {"jobId", "status"}  # JobAccepted.to_dict()
    done = one_document(invoke("--json", "generate", "image", "-m", "flux-1.1-pro", "-p", "b", "-o", "out"))
    assert done["status"] == "COMPLETED" and "createdAt" in done and "job_id" not in done
    assert [Path(path).parent for path in done["files"]] == [Path("out")]
    failed = one_document(
        invoke("--json", "generate", "image", "-m", "flux-1.1-pro", "-p", FAIL_TRIGGER, "-o", "out"), exit_code=1
    )
    assert failed["status"] == "FAILED" and FAIL_TRIGGER in failed["error"]

    got = one_document(invoke("--json", "jobs", "get", done["id"]))
    assert got["id"] == done["id"] and "createdAt" in got and "files" not in got
    assert one_document(invoke("jobs", "get", failed["id"], "--json"), exit_code=1)["error"] == failed["error"]
    listed = one_document(invoke("--json", "jobs", "list", "--limit", "2"))
    assert isinstance(listed, list) and len(listed) == 2 and all("createdAt" in job for job in listed)

    waited = one_document(invoke("--json", "jobs", "wait", done["id"], accepted["jobId"]))
    assert [job["id"] for job in waited] == [done["id"], accepted["jobId"]]  # an array: several ids
    alone = one_document(invoke("--json", "jobs", "wait", done["id"]))
    assert isinstance(alone, list) and alone[0]["status"] == "COMPLETED"  # the same shape for one id
    downloads = one_document(invoke("--json", "jobs", "download", done["id"], "--out", "again"))
    assert downloads[0]["id"] == done["id"] and all(Path(path).is_file() for path in downloads[0]["files"])
    waited_downloads = one_document(invoke("--json", "jobs", "download", accepted["jobId"], "--wait", "-o", "w"))
    assert waited_downloads[0]["id"] == accepted["jobId"] and waited_downloads[0]["files"]

    image = tmp_path / "in.png"
    image.write_bytes(make_png("in"))
    upload = one_document(invoke("--json", "upload", str(image)))
    assert upload["url"].startswith("http")
    asset = one_document(invoke("--json", "assets", "create", "--url", "https://example.com/a.png", "--type", "image"))
    assert one_document(invoke("--json", "assets", "get", asset["assetId"]))["id"] == asset["assetId"]
    assert one_document(invoke("--json", "me"))["user"]["email"]
    assert all("modality" in entry for entry in one_document(invoke("--json", "models")))
    assert one_document(invoke("--json", "models", "show", "suno"))[0]["parameters"]

    faces = []
    for n in range(15):
        face = tmp_path / f"f{n}.png"
        face.write_bytes(make_png(f"f{n}"))
        faces.append(str(face))
    lora = one_document(invoke("--json", "loras", "create", "--name", "me", "--subject-kind", "style", *faces))
    assert lora["id"] in {item["id"] for item in one_document(invoke("--json", "loras", "list"))}
    assert one_document(invoke("--json", "loras", "get", lora["id"]))["imageCount"] == 15
    assert one_document(invoke("--json", "loras", "delete", lora["id"])) == {"deleted": lora["id"]}

    body = b'{"jobId": "j1", "type": "completed"}'
    signature = sign_webhook(api_key="afk_sandbox_test_key", body=body)
    assert one_document(invoke("--json", "webhooks", "verify", "-s", signature, input=body)) in (
        {"valid": True},
        {"valid": False},
    )

    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"model": "flux-1.1-pro", "prompt": "p"}) + "\n")
    summary = one_document(invoke("--json", "batch", str(batch), "--out", "bout"))
    assert summary["completed"] == 1 and set(summary["results"][0]) == {
        "line",
        "model",
        "jobId",
        "status",
        "files",
        "error",
        "creditCost",
    }
    status = one_document(invoke("--json", "batch", "status", "bout"))
    assert status["completed"] == status["lines"] == 1
    counts = ("lines", "completed", "failed", "running", "pending")  # one name per quantity, in both
    assert [summary[name] for name in counts] == [status[name] for name in counts] == [1, 1, 0, 0, 0]
    assert not {"total", "unfinished"} & (set(summary) | set(status))


def test_jsonl_prints_one_document_a_line(invoke: Invoke) -> None:
    for n in range(2):
        invoke("generate", "image", "-m", "flux-1.1-pro", "-p", f"l{n}", "--no-wait")
    result = invoke("--jsonl", "jobs", "list", "--limit", "2")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["id"] for line in lines)
    one = invoke("jobs", "get", json.loads(lines[0])["id"], "--jsonl")
    assert len(one.stdout.splitlines()) == 1 and json.loads(one.stdout)["id"]


def test_a_stream_takes_jsonl_not_json(invoke: Invoke) -> None:
    result = invoke("--json", "webhooks", "listen", "--port", "0")
    assert result.exit_code == 2 and "use --jsonl" in result.stderr and result.stdout == ""


def test_an_error_prints_no_partial_json(invoke: Invoke) -> None:
    result = invoke("--json", "jobs", "get", "00000000-0000-4000-8000-000000000000")
    assert result.exit_code == 1 and result.stdout == "" and "404" in result.stderr
