"""Issue 22, point 11: tool caches are ignored, and none is part of the repository."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).parents[2]
CACHES = (".schemathesis/", ".hypothesis/", ".pytest_cache/", ".mypy_cache/", ".ruff_cache/", "__pycache__/")


def test_tool_caches_are_ignored_and_not_committed() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert all(cache in ignored for cache in CACHES)
    if (ROOT / ".git").exists():  # a clone (an sdist has no history to look at)
        tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
        assert [path for path in tracked.splitlines() if any(f"/{c}" in f"/{path}" for c in CACHES)] == []
