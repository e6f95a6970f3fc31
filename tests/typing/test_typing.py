"""The typed surface rejects what it should: mypy --strict and pyright each report an error on
exactly the lines of invalid_usage.py marked ``# expect-error``, and nothing else."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
INVALID = HERE / "invalid_usage.py"
REPO = HERE.parents[1]
"""mypy runs from the repository with its configuration (pyproject.toml) and its default cache,
``.mypy_cache``, the one ``make typecheck`` keeps: the SDK's modules are type-checked with the same
options, so after ``make typecheck`` (CI runs it before the tests) only this file is checked, where a
cache of its own would check the SDK and typeshed again from cold (~8 CPU-s) on a fresh clone."""


def expected_lines() -> set[int]:
    lines = INVALID.read_text().splitlines()
    return {n for n, line in enumerate(lines, 1) if line.rstrip().endswith("# expect-error")}


def test_marked_lines_exist() -> None:
    assert len(expected_lines()) >= 12


@pytest.mark.slow
def test_mypy_rejects_exactly_the_marked_lines() -> None:
    checked = str(INVALID.relative_to(REPO))  # mypy names it so in its messages
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", checked],
        capture_output=True, text=True, check=False, cwd=REPO,
    )  # fmt: skip
    found = {int(line.split(":")[1]) for line in result.stdout.splitlines() if line.startswith(f"{checked}:")}
    assert found == expected_lines(), result.stdout


@pytest.mark.slow
def test_pyright_rejects_exactly_the_marked_lines() -> None:
    pyright = shutil.which("pyright", path=str(Path(sys.executable).parent))
    if pyright is None:
        pytest.fail("pyright is not installed in this environment (it is a dev dependency: make install)")
    result = subprocess.run(
        [pyright, "--outputjson", str(INVALID)], capture_output=True, text=True, check=False, cwd=HERE.parents[1]
    )
    report = json.loads(result.stdout)
    found = {d["range"]["start"]["line"] + 1 for d in report["generalDiagnostics"] if d["severity"] == "error"}
    assert found == expected_lines(), json.dumps(report["generalDiagnostics"], indent=1)[:3000]
