"""The ``apiframe`` command dispatches to the sandbox and reports usage errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from apiframe._cli import main


def test_help_and_unknown_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "sandbox" in capsys.readouterr().out
    assert main([]) == 2
    assert main(["frobnicate"]) == 2
    assert "unknown command 'frobnicate'" in capsys.readouterr().err


def test_sandbox_subcommand_parses_its_options() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "apiframe", "sandbox", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert "--job-seconds" in result.stdout and "--port" in result.stdout
