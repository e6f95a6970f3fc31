"""Shared fixtures of the spec-pipeline tests: the real spec, the normalizer module, generation runs."""

from __future__ import annotations

import copy
import fcntl
import importlib.util
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = REPO / "scripts"
GENERATED = REPO / "generated" / "apiframe_client"
NAMES_LOCK = REPO / "openapi" / "names.lock.json"
SPEC_CANDIDATES = (
    Path(__file__).resolve().parents[3] / "shared" / "apiframe-openapi" / "openapi.json",
    REPO / "openapi" / "openapi.json",
)

# What the regeneration fixture adds to the real spec.
NEW_MODEL = "acme-pixel"
NEW_PARAMS_PROPERTY = "acmePixelParams"
NEW_PARAMS_STYLES = ["pixel", "voxel", "lineart"]
GROWN_VARIANT = "reve-create"  # the variant whose params enum gains a value
GROWN_PARAMS_PROPERTY = "reveParams"
GROWN_ENUM_FIELD = "aspect_ratio"
GROWN_ENUM_VALUE = "21:9"


def find_spec() -> Path:
    """The real spec; fails (never skips) when it is missing."""
    for candidate in SPEC_CANDIDATES:
        if candidate.is_file():
            return candidate
    pytest.fail(
        "Apiframe OpenAPI spec not found; looked at "
        + ", ".join(str(c) for c in SPEC_CANDIDATES)
        + ". Run `make sync-spec` or mount /work/shared/apiframe-openapi."
    )


def load_script(name: str) -> ModuleType:
    """Import ``scripts/<name>.py`` by path (scripts/ is not a package)."""
    if name in sys.modules:
        return sys.modules[name]
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def run_generate(spec: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """``scripts/generate.py --spec SPEC --out OUT --no-lock-update`` with this interpreter."""
    return subprocess.run(
        [sys.executable, str(SCRIPTS / "generate.py"), "--spec", str(spec), "--out", str(out), "--no-lock-update"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
    )


@dataclass(frozen=True)
class Generation:
    """One run of generate.py: where it wrote and what it printed."""

    spec: Path
    out: Path
    returncode: int
    output: str

    @property
    def package(self) -> Path:
        return self.out / "apiframe_client"


def _shared_generation(name: str, spec: str, factory: pytest.TempPathFactory) -> Generation:
    """generate.py run once per test run on the spec text ``spec``, not once per xdist worker (2-3 s of CPU each):
    the first worker that needs it generates under a lock in the directory all workers share, the
    others wait for the lock and read the same result. The tests only read what it wrote."""
    shared = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    work = shared / f"generation-{name}"
    spec_file, out, result = work / "openapi.json", work / "out", work / "result.json"
    with (shared / f"generation-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not result.exists():
            work.mkdir(exist_ok=True)
            spec_file.write_text(spec)
            proc = run_generate(spec_file, out)
            result.write_text(json.dumps({"returncode": proc.returncode, "output": proc.stdout + proc.stderr}))
    done = json.loads(result.read_text())
    return Generation(spec=spec_file, out=out, returncode=done["returncode"], output=done["output"])


def _require_success(gen: Generation) -> Path:
    if gen.returncode != 0:
        pytest.fail(f"generate.py failed (exit {gen.returncode}) for {gen.spec}:\n{gen.output}")
    return gen.out


@pytest.fixture(scope="session")
def spec_path() -> Path:
    return find_spec()


@pytest.fixture(scope="session")
def real_spec(spec_path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(spec_path.read_text())
    return data


@pytest.fixture(scope="session")
def names_lock() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(NAMES_LOCK.read_text())
    return data


@pytest.fixture(scope="session")
def normalizer() -> ModuleType:
    return load_script("normalize_spec")


def grow_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The real spec plus a new image model with its own params family, and one new enum value."""
    out = copy.deepcopy(spec)
    union = out["components"]["schemas"]["GenerateImageRequest"]["oneOf"]
    template = next(v for v in union if v["properties"]["model"].get("enum") == [GROWN_VARIANT])
    grown = template["properties"][GROWN_PARAMS_PROPERTY]["properties"][GROWN_ENUM_FIELD]
    assert GROWN_ENUM_VALUE not in grown["enum"], "pick another new enum value: the spec already has it"
    grown["enum"].append(GROWN_ENUM_VALUE)

    variant = copy.deepcopy(template)
    del variant["properties"][GROWN_PARAMS_PROPERTY]
    variant["properties"]["model"] = {"enum": [NEW_MODEL], "type": "string"}
    variant["properties"][NEW_PARAMS_PROPERTY] = {
        "additionalProperties": False,
        "properties": {
            "style": {"enum": list(NEW_PARAMS_STYLES), "type": "string"},
            "seed": {"minimum": 0, "type": "integer"},
        },
        "type": "object",
    }
    union.append(variant)
    return out


@pytest.fixture(scope="session")
def regeneration(real_spec: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Generation:
    """generate.py run on the grown spec (see ``grow_spec``)."""
    return _shared_generation("grown", json.dumps(grow_spec(real_spec), indent=2), tmp_path_factory)


@pytest.fixture(scope="session")
def regenerated_package(regeneration: Generation) -> Path:
    """The directory that contains the ``apiframe_client`` generated from the grown spec."""
    return _require_success(regeneration)


@pytest.fixture(scope="session")
def fresh_generation(spec_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Generation:
    """generate.py run on the unmodified real spec."""
    return _shared_generation("fresh", spec_path.read_text(), tmp_path_factory)
