"""The README's promises about the command and the pytest fixtures, checked as a user would."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from apiframe.cli._app import cli

README = Path(__file__).parents[2] / "README.md"


def _section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(title)
    end = text.find("\n## ", start + len(title))
    return text[start : end if end != -1 else None]


@pytest.mark.slow
def test_the_fixture_examples_run_as_written(tmp_path: Path) -> None:
    blocks = re.findall(r"```python\n(.*?)```", _section("## Local sandbox and testing"), re.DOTALL)
    assert len(blocks) == 2 and "async def" in blocks[1]
    header = "import pytest\n\npytestmark = pytest.mark.apiframe_sandbox(job_seconds=0.2)\n\n"
    (tmp_path / "test_readme_examples.py").write_text(header + "\n\n".join(blocks))
    unmarked = blocks[1].replace("@pytest.mark.asyncio\n", "").replace("test_my_async_integration", "test_unmarked")
    (tmp_path / "test_unmarked.py").write_text(header + unmarked)
    run = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)]
    result = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert "2 passed" in result.stdout and "1 failed" in result.stdout, result.stdout
    assert "async def functions are not natively supported" in result.stdout  # what the README says happens


def test_every_command_in_help_is_in_the_readme() -> None:
    section = _section("## The `apiframe` command")
    commands = [name for name in cli.list_commands(None) if name != "batch"]  # type: ignore[arg-type]
    assert commands and all(
        f"apiframe {name}" in section or f"apiframe --sandbox {name}" in section for name in commands
    )
    top = CliRunner().invoke(cli, ["--help"]).stdout
    assert all(name in top for name in commands)
    assert "apiframe batch" in _section("### Batches") and "--retry-failed" in _section("### Batches")
