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
MYPY_CACHE = HERE.parents[1] / ".mypy_cache" / "tests-typing"
"""mypy's incremental cache for this check, kept between runs (mypy revalidates each module by its
hash): a cold run type-checks the SDK and typeshed, about 7 s of CPU, a warm one rechecks what changed."""


def expected_lines() -> set[int]:
    lines = INVALID.read_text().splitlines()
    return {n for n, line in enumerate(lines, 1) if line.rstrip().endswith("# expect-error")}


def test_marked_lines_exist() -> None:
    assert len(expected_lines()) >= 12


@pytest.mark.slow
def test_mypy_rejects_exactly_the_marked_lines() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent",
         "--cache-dir", str(MYPY_CACHE), "--no-error-summary", str(INVALID)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    found = {int(line.split(":")[1]) for line in result.stdout.splitlines() if ": error:" in line}
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
