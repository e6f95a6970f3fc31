"""Regenerating from a newer spec (the grown spec of conftest.py: a new model with a new params family
and a new enum value): nothing existing is renamed, no warning is printed, and the facade picks the
model up (type-checked and sent) with no hand-written change."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import GROWN_ENUM_VALUE, NEW_MODEL, NEW_PARAMS_STYLES, REPO, Generation

MYPY_CACHE = REPO / ".mypy_cache" / "tests-facade"
"""mypy's incremental cache for the regenerated facade, kept between runs (mypy revalidates each module
by its hash, whatever folder it sits in): a cold run type-checks the SDK and typeshed, about 7 s of CPU."""


@pytest.fixture(scope="module")
def regenerated(regeneration: Generation, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    assert regeneration.returncode == 0, regeneration.output[-3000:]
    out = tmp_path_factory.mktemp("regen")
    shutil.copytree(regeneration.package, out / "apiframe_client")
    # the facade as `make generate` would leave it: apiframe/ with the regenerated resource methods
    shutil.copytree(REPO / "apiframe", out / "apiframe", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(regeneration.out / "_resources_generated.py", out / "apiframe" / "resources" / "_generated.py")
    shutil.copyfile(regeneration.out / "_apiframe_types.pyi", out / "apiframe" / "types.pyi")
    shutil.copyfile(regeneration.out / "_resources_generated.py", out / "_resources_generated.py")
    yield out, regeneration.output


def test_new_classes_appear_without_warnings(regenerated: tuple[Path, str]) -> None:
    out, log = regenerated
    assert "(0 warnings)" in log and "warning" not in log.lower().replace("(0 warnings)", "")
    models = out / "apiframe_client" / "models"
    assert (models / "generate_image_acme_pixel.py").exists()
    assert "class AcmePixelParams" in (models / "acme_pixel_params.py").read_text()
    assert f'model: Literal["{NEW_MODEL}"]' in (out / "_resources_generated.py").read_text()
    generated_text = "\n".join(p.read_text() for p in models.glob("*.py"))
    assert f'"{GROWN_ENUM_VALUE}"' in generated_text


def test_no_existing_class_is_renamed(regenerated: tuple[Path, str]) -> None:
    out, _ = regenerated
    locked = json.loads((REPO / "openapi" / "names.lock.json").read_text())["classes"]
    text = "\n".join(p.read_text() for p in (out / "apiframe_client" / "models").glob("*.py"))
    missing = [name for name in locked if f"class {name}" not in text and f"{name} =" not in text]
    assert missing == []


@pytest.mark.slow
def test_facade_type_checks_the_new_model(regenerated: tuple[Path, str], tmp_path: Path) -> None:
    out, _ = regenerated
    snippet = tmp_path / "uses_new_model.py"
    snippet.write_text(
        "from apiframe import Apiframe\n"
        "client = Apiframe(api_key='afk_x')\n"
        f"client.images.generate(model='{NEW_MODEL}', prompt='p', acme_pixel_params={{'style': 'voxel'}})\n"
        f"client.images.generate(model='{NEW_MODEL}', prompt='p', acme_pixel_params={{'style': 'huge'}})  # E1\n"
        f"client.images.generate(model='{NEW_MODEL}', prompt='p', midjourney_params={{}})  # E2\n"
    )
    env = {**os.environ, "MYPYPATH": str(out)}
    result = subprocess.run(
        [
            *(sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent"),
            *("--cache-dir", str(MYPY_CACHE), str(snippet)),
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
client.images.generate(model="{NEW_MODEL}", prompt="p", acme_pixel_params={{"style": "voxel", "seed": 16}})
try:
    client.images.generate(model="{NEW_MODEL}", prompt="p", acme_pixel_params={{"style": "huge"}})
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
    assert lines[0] == f"rejected acme_pixel_params.style {NEW_PARAMS_STYLES}"
    assert json.loads(lines[1]) == [
        {"model": NEW_MODEL, "prompt": "p", "acmePixelParams": {"style": "voxel", "seed": 16}}
    ]
