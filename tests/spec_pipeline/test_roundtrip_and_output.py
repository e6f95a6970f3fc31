"""Generated models round-trip, tolerate what the spec does not know yet, and the output is
deterministic, complete (21 operations) and cheap to import."""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import apiframe_client.models as models
import pytest
from conftest import ROOT, real_spec_path

from apiframe._schema import REF, operations, resolve, spec

GENERATED = ROOT / "generated" / "apiframe_client"


def sample(schema: Any, depth: int = 0) -> Any:
    """A minimal valid instance of a schema (required fields only, first enum value, const)."""
    schema = resolve(schema)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return sample(schema[key][0], depth + 1)
    kind = schema.get("type")
    kind = next((k for k in kind if k != "null"), "null") if isinstance(kind, list) else kind
    if kind == "object" or "properties" in schema:
        return {name: sample(schema["properties"][name], depth + 1) for name in schema.get("required", [])}
    if kind == "array":
        return [sample(schema["items"], depth + 1) for _ in range(schema.get("minItems", 0))]
    if kind == "integer":
        return int(schema.get("minimum", 1))
    if kind == "number":
        return float(schema.get("minimum", 1.5))
    if kind == "boolean":
        return True
    if kind == "string":
        if schema.get("format") == "uri":
            return "https://example.com/a.png"
        if "pattern" in schema and "\\d+:\\d+" in schema["pattern"]:
            return "16:9"
        return "x" * max(1, schema.get("minLength", 1))
    return None


def union_variants() -> list[tuple[str, str]]:
    found = []
    for op in operations().values():
        for name in op.variants.values():
            found.append((op.operation_id, name))
    return found


def test_every_request_union_is_covered() -> None:
    ops = {op for op, _ in union_variants()}
    assert len(ops) == 10
    assert len(union_variants()) >= 90


@pytest.mark.parametrize(("operation_id", "name"), union_variants()[::3], ids=lambda v: str(v))
def test_request_variants_round_trip(operation_id: str, name: str) -> None:
    data = sample({"$ref": REF + name})
    cls = getattr(models, name)
    instance = cls.from_dict(data)
    assert instance.to_dict() == data
    assert cls.from_dict(instance.to_dict()) == instance


JOB = {
    "id": "0b5c6c1e-1111-4c6e-9e57-1b2f3c4d5e6f",
    "status": "COMPLETED",
    "model": "midjourney",
    "progress": 100,
    "error": None,
    "creditCost": 40,
    "webhookStatus": "delivered",
    "createdAt": "2026-11-23T10:00:00+00:00",
    "completedAt": "2026-11-23T10:01:00+00:00",
    "expired": False,
    "input": {"prompt": "a fox"},
    "result": {"urls": ["https://cdn.test/1.png"]},
}
RESPONSES: dict[str, dict[str, Any]] = {
    "Job": JOB,
    "JobList": {"jobs": [JOB], "nextCursor": "c2", "hasMore": True},
    "Me": {
        "user": {"id": "u1", "email": "a@b.test", "role": "OWNER"},
        "team": {"id": "t1", "name": "team", "credits": 500, "plan": "pro", "customerId": None},
        "apiKey": {"id": "k1", "name": "default", "prefix": "afk_live"},
    },
    "Upload": {
        "id": "up1",
        "url": "https://cdn.test/u.png",
        "kind": "image",
        "contentType": "image/png",
        "byteSize": 10,
        "expiresAt": "2026-11-24T10:00:00+00:00",
    },
    "Lora": {
        "id": "l1", "userId": "u1", "teamId": "t1", "name": "me", "subjectKind": "person", "gender": "female",
        "ethnicity": "x", "age": None, "status": "READY", "imageCount": 15, "steps": 1000, "loraRank": 16,
        "isReady": True, "error": None, "createdAt": "2026-11-23T10:00:00+00:00", "startedAt": None,
        "completedAt": None, "hasWeights": True, "triggerWord": "ohwx",
    },
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_responses_round_trip(name: str) -> None:
    cls = getattr(models, name)
    data = RESPONSES[name]
    parsed = cls.from_dict(data)
    assert parsed.to_dict() == data


def test_unknown_status_enum_value_and_field_are_kept() -> None:
    future = {**JOB, "status": "ARCHIVED", "webhookStatus": "throttled", "region": "eu-west"}
    job = models.Job.from_dict(future)
    assert job.status == "ARCHIVED"  # kept raw, typed as ``JobStatus | str``
    assert job.webhook_status == "throttled"
    assert job["region"] == "eu-west"
    assert job.to_dict() == future


def test_output_is_deterministic_and_matches_generated(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"), "--spec", str(real_spec_path()), "--out",
         str(tmp_path), "--no-lock-update"],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    fresh = tmp_path / "apiframe_client"
    differences: list[str] = []

    def compare(cmp: filecmp.dircmp[str], prefix: str = "") -> None:
        differences.extend(prefix + n for n in cmp.left_only + cmp.right_only + cmp.diff_files + cmp.funny_files)
        for name, sub in cmp.subdirs.items():
            compare(sub, f"{prefix}{name}/")

    compare(filecmp.dircmp(str(fresh), str(GENERATED), ignore=["__pycache__"]))
    assert differences == []
    filecmp.clear_cache()


def test_all_21_operations_generate() -> None:
    modules = [p for p in (GENERATED / "api").rglob("*.py") if p.name != "__init__.py"]
    assert len(modules) == 21
    assert len(operations()) == 21
    names = {p.stem for p in modules}
    assert {"images_generate", "jobs_get", "loras_delete", "images_midjourney_action", "music_suno_action"} <= names
    assert spec()["info"]["version"]


def test_importing_one_endpoint_loads_few_model_modules() -> None:
    program = (
        "import sys, json; import httpx; base = set(sys.modules);"
        "import apiframe_client; import apiframe_client.api.jobs.jobs_get;"
        "new = [m for m in set(sys.modules) - base];"
        "print(json.dumps([len(new), len([m for m in new if m.startswith('apiframe_client.models.')])]))"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    total, model_modules = json.loads(result.stdout)
    assert model_modules < 20  # of ~350: the models package is lazy
    assert total < 60
