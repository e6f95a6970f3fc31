"""Regenerating from a newer spec: a new model (with a new params family) and a new enum value
appear, nothing existing is renamed, no warning is printed, and the facade picks the model up
(type-checked and sent) with no hand-written change."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import REPO, find_spec

NEW_MODEL = "acme-pixel"


def _find_enum(node: Any, value: str) -> list[Any] | None:
    if isinstance(node, dict):
        if isinstance(node.get("enum"), list) and value in node["enum"]:
            return node["enum"]
        for child in node.values():
            found = _find_enum(child, value)
            if found is not None:
                return found
    elif isinstance(node, list):
        for child in node:
            found = _find_enum(child, value)
            if found is not None:
                return found
    return None


def newer_spec() -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(find_spec().read_text())
    union = spec["components"]["schemas"]["GenerateImageRequest"]["oneOf"]
    variant = copy.deepcopy(union[0])  # shaped like the others: model, prompt, webhooks, a params block
    variant["properties"] = {key: value for key, value in variant["properties"].items() if not key.endswith("Params")}
    variant["properties"]["model"] = {"enum": [NEW_MODEL], "type": "string"}
    variant["properties"]["acmePixelParams"] = {
        "additionalProperties": False,
        "properties": {
            "pixel_size": {"enum": ["small", "large"], "type": "string"},
            "palette": {"maximum": 256, "minimum": 2, "type": "integer"},
        },
        "type": "object",
    }
    union.append(variant)
    resolutions = _find_enum(spec["components"]["schemas"], "1080p")
    assert resolutions is not None
    resolutions.append("8k")
    return spec


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    work = tmp_path_factory.mktemp("regen")
    spec_path = work / "openapi.json"
    spec_path.write_text(json.dumps(newer_spec()))
    out = work / "out"
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "generate.py"),
            "--spec",
            str(spec_path),
            "--out",
            str(out),
            "--no-lock-update",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    # the facade as `make generate` would leave it: apiframe/ with the regenerated resource methods
    shutil.copytree(REPO / "apiframe", out / "apiframe", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(out / "_resources_generated.py", out / "apiframe" / "resources" / "_generated.py")
    shutil.copyfile(out / "_apiframe_types.pyi", out / "apiframe" / "types.pyi")
    yield out, result.stdout + result.stderr


def test_new_classes_appear_without_warnings(regenerated: tuple[Path, str]) -> None:
    out, log = regenerated
    assert "(0 warnings)" in log and "warning" not in log.lower().replace("(0 warnings)", "")
    models = out / "apiframe_client" / "models"
    assert (models / "generate_image_acme_pixel.py").exists()
    assert "class AcmePixelParams" in (models / "acme_pixel_params.py").read_text()
    assert f'model: Literal["{NEW_MODEL}"]' in (out / "_resources_generated.py").read_text()
    generated_text = "\n".join(p.read_text() for p in models.glob("*.py"))
    assert '"8k"' in generated_text


def test_no_existing_class_is_renamed(regenerated: tuple[Path, str]) -> None:
    out, _ = regenerated
    locked = json.loads((REPO / "openapi" / "names.lock.json").read_text())["classes"]
    text = "\n".join(p.read_text() for p in (out / "apiframe_client" / "models").glob("*.py"))
    missing = [name for name in locked if f"class {name}" not in text and f"{name} =" not in text]
    assert missing == []


def test_facade_type_checks_the_new_model(regenerated: tuple[Path, str], tmp_path: Path) -> None:
    out, _ = regenerated
    snippet = tmp_path / "uses_new_model.py"
    snippet.write_text(
        "from apiframe import Apiframe\n"
        "client = Apiframe(api_key='afk_x')\n"
        f"client.images.generate(model='{NEW_MODEL}', prompt='p', acme_pixel_params={{'pixel_size': 'large'}})\n"
        f"client.images.generate(model='{NEW_MODEL}', prompt='p', acme_pixel_params={{'pixel_size': 'huge'}})  # E1\n"
        f"client.images.generate(model='{NEW_MODEL}', prompt='p', midjourney_params={{}})  # E2\n"
    )
    env = {**os.environ, "MYPYPATH": str(out)}
    result = subprocess.run(
        [
            *(sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--follow-imports=silent"),
            *("--cache-dir", str(tmp_path / "cache"), str(snippet)),
        ],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=tmp_path,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    lines = sorted({int(line.split(":")[1]) for line in errors})
    assert lines == [4, 5], result.stdout


def test_facade_sends_the_new_model(regenerated: tuple[Path, str]) -> None:
    out, _ = regenerated
    program = f"""
import json, httpx
from apiframe import Apiframe, InvalidRequestError
sent = []
def handler(request):
    sent.append(json.loads(request.content))
    return httpx.Response(202, json={{"jobId": "j", "status": "QUEUED"}})
http = httpx.Client(transport=httpx.MockTransport(handler))
client = Apiframe(api_key="afk_x", base_url="https://api.test", http_client=http)
client.images.generate(model="{NEW_MODEL}", prompt="p", acme_pixel_params={{"pixel_size": "large", "palette": 16}})
try:
    client.images.generate(model="{NEW_MODEL}", prompt="p", acme_pixel_params={{"pixel_size": "huge"}})
except InvalidRequestError as error:
    print("rejected", error.field, list(error.allowed or []))
print(json.dumps(sent))
"""
    env = {**os.environ, "PYTHONPATH": str(out)}
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=False, env=env, cwd=out
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "rejected acme_pixel_params.pixel_size ['small', 'large']"
    assert json.loads(lines[1]) == [
        {"model": NEW_MODEL, "prompt": "p", "acmePixelParams": {"pixel_size": "large", "palette": 16}}
    ]
