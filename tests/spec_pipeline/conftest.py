"""Shared fixtures of the spec pipeline tests."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def real_spec_path() -> Path:
    for candidate in (ROOT.parent / "shared" / "apiframe-openapi" / "openapi.json", ROOT / "openapi" / "openapi.json"):
        if candidate.exists():
            return candidate
    raise AssertionError("no spec: expected ../shared/apiframe-openapi/openapi.json or openapi/openapi.json")


@pytest.fixture(scope="session")
def normalizer() -> ModuleType:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        return importlib.import_module("normalize_spec")
    finally:
        sys.path.remove(str(ROOT / "scripts"))


@pytest.fixture(scope="session")
def real_spec() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(real_spec_path().read_text())
    return data
