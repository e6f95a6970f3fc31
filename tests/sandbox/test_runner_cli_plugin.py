"""Start/stop hygiene, the command line, and the pytest plugin end to end."""

from __future__ import annotations

import importlib.metadata
import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import httpx
import pytest

from apiframe.testing import Sandbox, SandboxConfig, serve
from apiframe.testing.cli import build_parser, config_from_args, main


def _port_of(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


def _refused(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def test_stop_leaves_no_thread_or_port() -> None:
    before = {t.name for t in threading.enumerate()}
    with serve(SandboxConfig(job_seconds=0.05)) as base_url:
        assert httpx.get(f"{base_url}/v2/models").status_code == 200
        port = _port_of(base_url)
        assert any(t.name.startswith("apiframe-sandbox-") for t in threading.enumerate())
    assert {t.name for t in threading.enumerate()} <= before
    assert _refused(port)


def test_sandbox_repr_hides_nothing_secret_and_needs_start() -> None:
    sandbox = Sandbox(api_key="afk_secret_value_123")
    assert "afk_secret_value_123" not in repr(sandbox)
    assert "afk_secret_value_123" not in repr(SandboxConfig(no_credit_keys=frozenset({"afk_x"})))
    with pytest.raises(RuntimeError, match="not running"):
        _ = sandbox.base_url
    sandbox.stop()


def test_cli_arguments_build_a_config() -> None:
    args = build_parser().parse_args(
        [
            "--port",
            "0",
            "--job-seconds",
            "0.5",
            "--seed",
            "3",
            "--fault-429",
            "0.25",
            "--max-video-mb",
            "1024",
            "--no-credits-key",
            "afk_a",
        ]
    )
    config = config_from_args(args)
    assert config.job_seconds == 0.5 and config.seed == 3
    assert config.faults.rate_429 == 0.25
    assert config.upload_limits.video == 1024 * 1024 * 1024
    assert config.no_credit_keys == frozenset({"afk_a"})
    assert main(["--fault-429", "0.9", "--fault-500", "0.9"]) == 2


def test_cli_serves_and_stops_on_sigint(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "apiframe.testing",
            "--port",
            "0",
            "--job-seconds",
            "0.1",
            "--log-level",
            "warning",
            "--db",
            str(tmp_path / "state.db"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        if not base_url:
            process.kill()
            pytest.fail(f"the CLI printed no URL: {process.communicate()[1]}")
        assert base_url.startswith("http://127.0.0.1:")
        response = httpx.get(f"{base_url}/v2/me", headers={"X-API-Key": "afk_cli"})
        assert response.status_code == 200
    finally:
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=10)
    assert code == 0
    assert (tmp_path / "state.db").exists()


def test_pytest_plugin_fixtures(tmp_path: Path) -> None:
    test_file = tmp_path / "test_uses_plugin.py"
    test_file.write_text(
        textwrap.dedent(
            """
            import socket, threading
            import httpx, pytest

            SEEN = {}

            @pytest.mark.apiframe_sandbox(job_seconds=0.05, api_key="afk_plugin_test")
            def test_fixture(apiframe_sandbox):
                assert apiframe_sandbox.api_key == "afk_plugin_test"
                assert apiframe_sandbox.config.job_seconds == 0.05
                headers = {"X-API-Key": apiframe_sandbox.api_key}
                r = httpx.post(apiframe_sandbox.base_url + "/v2/images/generate",
                               json={"model": "midjourney", "prompt": "x"}, headers=headers)
                assert r.status_code == 202
                assert apiframe_sandbox.job_count() == 1
                SEEN["port"] = int(apiframe_sandbox.base_url.rsplit(":", 1)[1])

            def test_factory(apiframe_sandbox_factory):
                a = apiframe_sandbox_factory(job_seconds=1)
                b = apiframe_sandbox_factory(job_seconds=2)
                assert a.base_url != b.base_url

            def test_client_fixtures(request):
                client = request.getfixturevalue("apiframe_client")
                async_client = request.getfixturevalue("apiframe_async_client")
                assert type(client).__name__ == "Apiframe"
                assert type(async_client).__name__ == "AsyncApiframe"

            def test_previous_sandboxes_are_gone():
                with socket.socket() as probe:
                    assert probe.connect_ex(("127.0.0.1", SEEN["port"])) != 0
                names = [t.name for t in threading.enumerate()]
                assert not [n for n in names if n.startswith("apiframe-sandbox-")]
            """
        )
    )
    # pytest finds the plugin through this entry point; the run below loads only it, not every
    # installed plugin (autoloading them all is most of the run's time).
    plugins = {entry.name: entry.value for entry in importlib.metadata.entry_points(group="pytest11")}
    assert plugins.get("apiframe") == "apiframe.testing.pytest_plugin"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", plugins["apiframe"], str(test_file)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        env={**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    summary = result.stdout.strip().splitlines()[-1]
    assert "3 passed" in summary or "4 passed" in summary, summary
    assert "failed" not in summary and "error" not in summary, summary
