"""The ``apiframe`` command's entry points: help, usage errors, the sandbox pass-through."""

from __future__ import annotations

import subprocess
import sys

import pytest

from apiframe.cli import main


def test_help_and_unknown_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("generate", "batch", "jobs", "upload", "loras", "models", "me", "webhooks", "sandbox"):
        assert command in out
    assert main(["frobnicate"]) == 2
    assert "No such command 'frobnicate'" in capsys.readouterr().err


def test_python_dash_m_runs_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "apiframe", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("apiframe, version ")


def test_sandbox_subcommand_parses_its_options() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "apiframe", "sandbox", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "--job-seconds" in result.stdout and "--port" in result.stdout
