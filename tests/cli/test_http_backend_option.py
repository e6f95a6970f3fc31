"""``--http-backend``: the command's requests really go over the transport it names, and a missing
extra is told in the command's words."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpcore
import pytest
from click.testing import CliRunner

from apiframe.cli._app import cli
from apiframe.testing import Sandbox, SandboxConfig


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0, seed=21)) as running:
        yield running


@pytest.fixture
def carried(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """The URLs each transport sent: aiohttp's session and httpcore's connections, counted where the
    request reaches the library that speaks HTTP on the socket."""
    import aiohttp  # here, not at collection: every xdist worker collects this module

    seen: dict[str, list[str]] = {"aiohttp": [], "httpcore": []}
    session_request = aiohttp.ClientSession._request
    connection_request = httpcore.AsyncHTTPConnection.handle_async_request

    async def by_aiohttp(self: aiohttp.ClientSession, method: str, url: Any, *args: Any, **kwargs: Any) -> Any:
        seen["aiohttp"].append(f"{method} {url}")
        return await session_request(self, method, url, *args, **kwargs)

    async def by_httpcore(self: httpcore.AsyncHTTPConnection, request: httpcore.Request) -> httpcore.Response:
        seen["httpcore"].append(f"{request.method.decode()} {request.url}")
        return await connection_request(self, request)

    monkeypatch.setattr(aiohttp.ClientSession, "_request", by_aiohttp)
    monkeypatch.setattr(httpcore.AsyncHTTPConnection, "handle_async_request", by_httpcore)
    monkeypatch.delenv("APIFRAME_HTTP_BACKEND", raising=False)
    return seen


def _invoke(sandbox: Sandbox, *args: str) -> Any:
    result = CliRunner().invoke(cli, ["--json", "--api-key", sandbox.api_key, "--base-url", sandbox.base_url, *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_batch_with_http_backend_aiohttp_runs_on_aiohttp(
    sandbox: Sandbox, carried: dict[str, list[str]], tmp_path: Path
) -> None:
    batch, out = tmp_path / "requests.jsonl", tmp_path / "out"
    batch.write_text("".join(json.dumps({"model": "flux-1.1-pro", "prompt": f"lamp {n}"}) + "\n" for n in range(4)))
    before = sandbox.job_count()
    summary = _invoke(sandbox, "--http-backend", "aiohttp", "batch", str(batch), "--out", str(out), "-c", "4")
    assert summary["completed"] == 4 and sandbox.job_count() == before + 4
    saved = [Path(name) for line in summary["results"] for name in line["files"]]
    assert len(saved) == 4 and all(path.stat().st_size > 0 for path in saved)
    # every line's submission, its looks at its job and its file went over aiohttp; nothing over httpcore
    assert sum(url.startswith("POST ") for url in carried["aiohttp"]) == 4
    assert sum("/files/" in url for url in carried["aiohttp"]) == 4
    assert all(any(line["jobId"] in url for url in carried["aiohttp"]) for line in summary["results"])
    assert all(url.split(" ", 1)[1].startswith(sandbox.base_url) for url in carried["aiohttp"])
    assert carried["httpcore"] == []


def test_generate_with_http_backend_aiohttp_and_the_default_beside_it(
    sandbox: Sandbox, carried: dict[str, list[str]], tmp_path: Path
) -> None:
    args = ["generate", "image", "--model", "flux-1.1-pro", "--prompt", "a lighthouse"]
    job = _invoke(sandbox, "--http-backend", "aiohttp", *args, "--out", str(tmp_path / "a"))
    assert job["status"] == "COMPLETED" and Path(job["files"][0]).stat().st_size > 0
    assert any(url.startswith("POST ") for url in carried["aiohttp"])
    assert any(job["id"] in url for url in carried["aiohttp"]) and carried["httpcore"] == []
    sent = len(carried["aiohttp"])
    default = _invoke(sandbox, *args, "--out", str(tmp_path / "b"))  # the same command on httpx, the default
    assert default["status"] == "COMPLETED" and any(default["id"] in url for url in carried["httpcore"])
    assert len(carried["aiohttp"]) == sent


def test_without_the_aiohttp_extra_the_option_says_what_to_install(sandbox: Sandbox, tmp_path: Path) -> None:
    blocked = "import sys; sys.modules['httpx_aiohttp'] = None; "
    code = "from apiframe.cli import main; sys.exit(main(sys.argv[1:]))"
    result = subprocess.run(
        [sys.executable, "-c", blocked + code, "--api-key", sandbox.api_key, "--base-url", sandbox.base_url,
         "--http-backend", "aiohttp", "generate", "image", "--model", "flux-1.1-pro", "--prompt", "x",
         "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    message = " ".join(result.stderr.split())
    assert result.returncode == 2, result.stderr
    assert "--http-backend aiohttp needs the aiohttp extra (httpx_aiohttp is not installed)" in message
    assert f"install it with: pip install -e '{Path(__file__).parents[2]}[aiohttp]'" in message
    assert "Traceback" not in result.stderr and "http_backend=" not in result.stderr
    assert list(tmp_path.iterdir()) == []  # nothing submitted, nothing saved


def test_an_unknown_backend_is_a_usage_error_naming_the_choices() -> None:
    result = CliRunner().invoke(cli, ["--http-backend", "curl", "me"])
    assert result.exit_code == 2
    assert "--http-backend" in result.output and "'httpx'" in result.output and "'aiohttp'" in result.output
