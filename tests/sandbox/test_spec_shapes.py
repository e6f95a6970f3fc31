"""The sandbox works on both spec shapes: raw (inline variants, one-item enums)
and normalized (hoisted ``$ref`` variants, ``const``). Both are derived here
from whichever spec is installed, so the test does not depend on either file."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from sandbox_helpers import minimal_instance

from apiframe.testing import Sandbox, SandboxConfig, load_spec
from apiframe.testing import _spec as spec_module
from apiframe.testing._catalog import SpecIndex
from apiframe.testing._submit import is_submission, plan_submissions
from apiframe.testing._validation import RequestValidator


def _inline(document: dict[str, Any]) -> dict[str, Any]:
    """Raw-like: every $ref replaced by its target, const written as a one-item enum."""

    def resolve(pointer: str) -> Any:
        node: Any = document
        for token in pointer.lstrip("#/").split("/"):
            node = node[token.replace("~1", "/").replace("~0", "~")]
        return node

    def walk(node: Any, depth: int = 0) -> Any:
        assert depth < 60, "unexpected $ref cycle"
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                return walk(copy.deepcopy(resolve(node["$ref"])), depth + 1)
            out = {k: walk(v, depth + 1) for k, v in node.items() if k != "discriminator"}
            if "const" in out:
                out["enum"] = [out.pop("const")]
            return out
        if isinstance(node, list):
            return [walk(item, depth + 1) for item in node]
        return node

    inlined: dict[str, Any] = walk({k: v for k, v in document.items() if k != "components"})
    inlined["components"] = copy.deepcopy(document["components"])
    return inlined


def _const(document: dict[str, Any]) -> dict[str, Any]:
    """Normalized-like: one-item enums written as const."""

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            out = {k: walk(v) for k, v in node.items()}
            enum = out.get("enum")
            if isinstance(enum, list) and len(enum) == 1:
                out["const"] = out.pop("enum")[0]
            return out
        if isinstance(node, list):
            return [walk(item) for item in node]
        return node

    result: dict[str, Any] = walk(document)
    return result


RAW_SPEC = Path(__file__).resolve().parents[3] / "shared" / "apiframe-openapi" / "openapi.json"
"""The published spec, checked out beside the repository (CI lays ../shared beside the clone)."""


def _raw_file(_: dict[str, Any]) -> dict[str, Any]:
    assert RAW_SPEC.is_file(), f"no raw spec at {RAW_SPEC}: check out ../shared beside the repository"
    document: dict[str, Any] = json.loads(RAW_SPEC.read_text())
    return document


SHAPES = {
    "installed": lambda d: d,
    "inline-enum": _inline,
    "hoisted-const": _const,
    "raw-file": _raw_file,
}


@pytest.fixture(scope="module", params=sorted(SHAPES))
def shaped(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    name: str = request.param
    return name, SHAPES[name](load_spec())


def test_catalog_discriminators_and_plan_agree(shaped: tuple[str, dict[str, Any]]) -> None:
    name, document = shaped
    index = SpecIndex(document)
    baseline = SpecIndex(load_spec())
    assert [m.id for m in index.catalog_models()] == [m.id for m in baseline.catalog_models()]
    models = index.catalog_models()
    assert len(models) == len({m.id for m in models}) > 50
    assert {m.modality for m in models} == {"image", "video", "music"}
    for op in index.operations:
        if is_submission(index, op):
            assert op.json_body_pointer is not None
            assert index.discriminator(op.json_body_pointer) is not None, (name, op.path)
    plan = plan_submissions(index)
    assert dict(plan.family_outputs) == {"midjourney": 4, "suno": 2}
    assert set(plan.actions) == {"/v2/images/midjourney/action", "/v2/music/suno/action"}


def test_catalog_covers_every_model_literal_in_the_spec() -> None:
    raw = json.dumps(load_spec())
    index = SpecIndex(load_spec())
    ids = {m.id for m in index.catalog_models()}
    for model_id in ids:
        assert f'"{model_id}"' in raw
    by_path: dict[str, int] = {}
    for model in index.catalog_models():
        by_path[model.path] = by_path.get(model.path, 0) + 1
    assert set(by_path) == {
        op.path for op in index.operations if is_submission(index, op) and not op.path.endswith("/action")
    }


BAD_BODIES: list[tuple[str, Any, set[str]]] = [
    ("/v2/images/generate", {"model": "midjourney", "prompt": ""}, {"prompt"}),
    ("/v2/images/generate", {"model": "nope", "prompt": "x"}, {"model"}),
    ("/v2/images/midjourney/action", {"action": "upsample", "index": 9}, {"index", "parentJobId"}),
    ("/v2/music/suno/action", {"action": "stems", "parentJobId": "x"}, {"parentJobId"}),
    ("/v2/videos/generate", {"model": "veo-3", "prompt": "x", "extra": 1}, {"extra"}),
]


@pytest.mark.parametrize(("path", "body", "keys"), BAD_BODIES)
def test_validation_details_are_shape_independent(
    shaped: tuple[str, dict[str, Any]], path: str, body: Any, keys: set[str]
) -> None:
    _, document = shaped
    index = SpecIndex(document)
    pointer = index.operation("POST", path).json_body_pointer
    assert pointer is not None
    assert set(RequestValidator(index).errors(pointer, body)) == keys


def test_sandbox_serves_the_inline_shape() -> None:
    document = _inline(load_spec())
    index = SpecIndex(document)
    with Sandbox(SandboxConfig(job_seconds=0.05), spec=document) as sandbox:
        client = httpx.Client(base_url=sandbox.base_url, headers={"X-API-Key": sandbox.api_key})
        with client:
            for model in index.catalog_models()[:5]:
                body = minimal_instance(index, {"$ref": "#" + model.variant_pointer})
                body["model"] = model.id
                assert client.post(model.path, json=body).status_code == 202
            assert len(client.get("/v2/models").json()["models"]) == len(index.catalog_models())


def test_loader_falls_back_to_env_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "openapi.json"
    target.write_text(json.dumps({"openapi": "3.1.0", "paths": {}}))
    monkeypatch.setattr(spec_module, "_read_packaged", lambda: None)
    monkeypatch.setenv("APIFRAME_SPEC_PATH", str(target))
    spec_module._load_cached.cache_clear()
    try:
        assert load_spec() == {"openapi": "3.1.0", "paths": {}}
        monkeypatch.setenv("APIFRAME_SPEC_PATH", str(tmp_path / "missing.json"))
        spec_module._load_cached.cache_clear()
        with pytest.raises(spec_module.SpecNotFoundError, match="APIFRAME_SPEC_PATH"):
            load_spec()
    finally:
        spec_module._load_cached.cache_clear()
