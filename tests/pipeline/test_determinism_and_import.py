"""Generation is reproducible (byte-identical to the committed tree), covers every operation, and
importing one endpoint does not load the whole models package."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import GENERATED, Generation, load_script

EXPECTED_OPERATIONS = 21
MAX_MODEL_MODULES = 20

MODULE_COUNTER = """
import json, sys
import httpx
baseline = set(sys.modules)
{imports}
loaded = set(sys.modules) - baseline
print(json.dumps(sorted(loaded)))
"""


def tree(root: Path) -> dict[str, bytes]:
    """Relative path -> bytes of every file under ``root``, ignoring bytecode caches."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


def endpoint_modules(package: Path) -> dict[str, str]:
    """Endpoint module name -> source, for every module under ``api/<tag>/``."""
    return {p.stem: p.read_text() for p in sorted((package / "api").glob("*/*.py")) if p.name != "__init__.py"}


def loaded_after(imports: str) -> list[str]:
    """Modules a fresh interpreter loads for ``imports`` beyond those ``import httpx`` loads."""
    proc = subprocess.run(
        [sys.executable, "-c", MODULE_COUNTER.format(imports=imports)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    modules: list[str] = json.loads(proc.stdout)
    return modules


@pytest.mark.slow
def test_generation_is_byte_identical_to_the_committed_tree(fresh_generation: Generation) -> None:
    assert fresh_generation.returncode == 0, fresh_generation.output
    assert "(0 warnings)" in fresh_generation.output
    fresh = tree(fresh_generation.package)
    committed = tree(GENERATED)
    assert sorted(fresh) == sorted(committed), "generated file set differs; run `make generate` and commit"
    differing = [name for name in committed if fresh[name] != committed[name]]
    assert differing == [], f"regenerating changes {differing}; run `make generate` and commit"


def test_every_operation_has_an_endpoint_module(real_spec: dict[str, Any]) -> None:
    ns = load_script("normalize_spec")
    op_ids = {op["operationId"] for _, _, op in ns.operations(ns.normalize(real_spec))}
    modules = endpoint_modules(GENERATED)
    assert len(modules) == len(op_ids) == EXPECTED_OPERATIONS
    assert set(modules) == op_ids
    for name, source in modules.items():
        for function in ("def sync_detailed(", "def sync(", "def asyncio_detailed(", "def asyncio("):
            assert function in source, f"{name} lacks {function}"


def test_endpoints_are_grouped_by_lowercased_tag() -> None:
    groups = sorted(p.name for p in (GENERATED / "api").iterdir() if p.is_dir() and p.name != "__pycache__")
    assert groups == ["account", "assets", "images", "jobs", "loras", "models", "music", "uploads", "videos"]


def test_one_endpoint_loads_only_its_models() -> None:
    loaded = loaded_after("import apiframe_client\nimport apiframe_client.api.jobs.jobs_get")
    model_modules = [m for m in loaded if m.startswith("apiframe_client.models.")]
    assert "apiframe_client.api.jobs.jobs_get" in loaded
    assert "apiframe_client.models.job" in model_modules
    assert len(model_modules) < MAX_MODEL_MODULES, model_modules
    assert not any(m.startswith("apiframe_client.models.generate_") for m in model_modules)
    assert not any(m.startswith("apiframe_client.api.images") for m in loaded)
    total_models = len(list((GENERATED / "models").glob("*.py"))) - 1
    assert total_models > 10 * MAX_MODEL_MODULES  # the bound above is meaningful


def test_models_package_resolves_names_lazily() -> None:
    loaded = loaded_after(
        "import apiframe_client.models as m\n"
        "assert 'GenerateImageMidjourney' in dir(m) and 'Lora' in m.__all__\n"
        "assert m.Lora.__name__ == 'Lora'"
    )
    model_modules = {x for x in loaded if x.startswith("apiframe_client.models.")}
    assert "apiframe_client.models.lora" in model_modules
    assert len(model_modules) < 5, model_modules


def test_unknown_model_attribute_is_an_attribute_error() -> None:
    import apiframe_client.models as models

    with pytest.raises(AttributeError, match="NoSuchModel"):
        _ = models.NoSuchModel
