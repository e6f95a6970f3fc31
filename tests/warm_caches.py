"""Writes the bytecode caches a test run reads, when they are missing: ``python tests/warm_caches.py``.

``make test`` runs this before it starts its xdist workers. On a fresh clone (CI) no module of the
SDK or of the tests has a cache yet, and each of the eight workers would compile all of them and
rewrite the asserts of every test module for itself (on Python 3.13: 4.9 CPU-s of collection per
worker against 2.5 with the caches). Here two processes share that work once (each collects half of
the test folders, which imports the SDK and rewrites its half's tests), and the workers then read
the caches. When the caches are there (the usual local run), it checks one file and exits.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
PROBE = TESTS / "unit" / "test_files.py"
"""A test module whose rewritten cache tells whether this Python has run the suite here before."""


def caches_missing() -> bool:
    tag = f"{sys.implementation.cache_tag}-pytest-{pytest.__version__}.pyc"
    return not (PROBE.parent / "__pycache__" / f"{PROBE.stem}.{tag}").exists()


def halves() -> list[list[Path]]:
    """The test folders in two groups of about as many modules each."""
    modules = {
        folder: sum(1 for _ in folder.rglob("*.py"))
        for folder in TESTS.iterdir()
        if folder.is_dir() and not folder.name.startswith(("_", "."))
    }
    groups: list[list[Path]] = [[], []]
    sizes = [0, 0]
    for folder in sorted(modules, key=lambda folder: -modules[folder]):
        smaller = sizes.index(min(sizes))
        groups[smaller].append(folder)
        sizes[smaller] += modules[folder]
    return groups


def main() -> int:
    if not caches_missing():
        return 0
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "pytest", "--collect-only", "-q", *map(str, group)],
            cwd=TESTS.parent,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for group in halves()
        if group
    ]
    for run in runs:
        run.wait()  # a collection error is the real run's to report
    return 0


if __name__ == "__main__":
    sys.exit(main())
