"""``from_dict(to_dict())`` round trips of the generated models, and forward compatibility of responses."""

from __future__ import annotations

import copy
import datetime
import json
import re
from typing import Any

import apiframe_client.models as models
import pytest

from .conftest import GENERATED

REF = "#/components/schemas/"
SPEC: dict[str, Any] = json.loads((GENERATED / "_spec.json").read_text())
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]

STRING_CANDIDATES = ("16:9", "sample text")
FORMATS = {
    "uri": "https://cdn.example.com/in/a.png",
    "date-time": "2025-01-02T03:04:05+00:00",
    "email": "dev@example.com",
    "uuid": "0f8fad5b-d9cb-469f-a165-70867728950e",
}


def request_unions() -> dict[str, dict[str, str]]:
    """Union component -> {discriminator value: variant class}, for every discriminated request body."""
    found: dict[str, dict[str, str]] = {}
    for item in SPEC["paths"].values():
        for op in item.values():
            ref = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            name = ref.get("$ref", "")[len(REF) :]
            if "discriminator" in SCHEMAS.get(name, {}):
                mapping = SCHEMAS[name]["discriminator"]["mapping"]
                found[name] = {value: target[len(REF) :] for value, target in mapping.items()}
    return found


UNIONS = request_unions()
VARIANTS = sorted((union, value, cls) for union, mapping in UNIONS.items() for value, cls in mapping.items())


def sample(schema: Any, *, full: bool) -> Any:
    """A valid wire value for ``schema``: required keys only, or every key when ``full``."""
    if "$ref" in schema:
        return sample(SCHEMAS[schema["$ref"][len(REF) :]], full=full)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        values = [v for v in schema["enum"] if v is not None]
        return values[-1] if full else values[0]
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [o for o in schema[key] if o.get("type") != "null"]
            return sample(options[0], full=full)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        keys = props if full else [k for k in props if k in schema.get("required", [])]
        return {k: sample(props[k], full=full) for k in keys}
    if kind == "array":
        return [sample(schema.get("items", {}), full=full) for _ in range(max(1, schema.get("minItems", 1)))]
    if kind == "integer":
        return int(schema.get("minimum", schema.get("maximum", 1)))
    if kind == "number":
        return float(schema.get("minimum", schema.get("maximum", 0.5)))
    if kind == "boolean":
        return True
    if kind == "string":
        return sample_string(schema)
    return {"anything": [1, "two"]}  # an unconstrained schema (``{}``)


def sample_string(schema: dict[str, Any]) -> str:
    if schema.get("format") in FORMATS:
        return FORMATS[schema["format"]]
    pattern = schema.get("pattern")
    for candidate in STRING_CANDIDATES:
        if pattern is None or re.search(pattern, candidate):
            return candidate[: schema.get("maxLength", len(candidate))]
    pytest.fail(f"no sample string matches pattern {pattern!r}; add one to STRING_CANDIDATES")


def test_every_request_union_is_discovered() -> None:
    assert {"GenerateImageRequest", "GenerateVideoRequest", "GenerateMusicRequest"} <= set(UNIONS)
    assert len(UNIONS) >= 10
    assert len(UNIONS["GenerateImageRequest"]) >= 40
    assert all(hasattr(models, cls) for _, _, cls in VARIANTS), "a variant of the spec has no generated class"


@pytest.mark.parametrize("full", [False, True], ids=["minimal", "full"])
@pytest.mark.parametrize(("union", "value", "cls_name"), VARIANTS, ids=[cls for _, _, cls in VARIANTS])
def test_request_variant_round_trips(union: str, value: str, cls_name: str, full: bool) -> None:
    cls = getattr(models, cls_name)
    schema = SCHEMAS[cls_name]
    disc = SCHEMAS[union]["discriminator"]["propertyName"]
    wire = sample(schema, full=full)
    assert wire[disc] == value
    obj = cls.from_dict(copy.deepcopy(wire))
    assert getattr(obj, schema["properties"][disc]["x-python-name"]) == value
    assert obj.to_dict() == wire
    assert cls.from_dict(obj.to_dict()) == obj
    json.dumps(obj.to_dict())  # the wire form is plain JSON


JOB: dict[str, Any] = {
    "id": "5b1c7a52-3f4e-4f7e-9a63-0c2f8b6f1d21",
    "status": "COMPLETED",
    "model": "midjourney",
    "progress": 100,
    "error": None,
    "creditCost": 8,
    "webhookStatus": "delivered",
    "createdAt": "2025-03-01T10:00:00+00:00",
    "completedAt": "2025-03-01T10:00:42.500000+00:00",
    "expired": False,
    "input": {"prompt": "a lighthouse at dusk", "model": "midjourney"},
    "result": {"images": ["https://cdn.apiframe.ai/a.png", "https://cdn.apiframe.ai/b.png"]},
}
QUEUED_JOB: dict[str, Any] = {
    "id": "8e0a3c11-9a0b-4fd4-8f77-2d7d9a3e1f00",
    "status": "QUEUED",
    "model": "kling-2.1",
    "progress": None,
    "error": None,
    "creditCost": None,
    "webhookStatus": None,
    "createdAt": "2025-03-01T10:01:00+00:00",
    "completedAt": None,
    "expired": False,
}
ME: dict[str, Any] = {
    "user": {"id": "0b6b8c1e-2f7a-4a55-b2f0-5d2c1c0c9a11", "email": "ada@example.com", "role": "OWNER"},
    "team": {
        "id": "3c2f8a1d-4e5b-4c6d-8e7f-9a0b1c2d3e4f",
        "name": "Analytical Engines",
        "credits": 1200,
        "plan": "pro",
        "customerId": None,
    },
    "apiKey": {"id": "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6", "name": "ci", "prefix": "af_live_12"},
}
UPLOAD: dict[str, Any] = {
    "id": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
    "url": "https://cdn.apiframe.ai/uploads/a1b2.png",
    "kind": "image",
    "contentType": "image/png",
    "byteSize": 48213,
    "expiresAt": "2025-03-02T10:00:00+00:00",
}
LORA: dict[str, Any] = {
    "id": "f0e1d2c3-b4a5-4968-8776-655443322110",
    "userId": "0b6b8c1e-2f7a-4a55-b2f0-5d2c1c0c9a11",
    "teamId": "3c2f8a1d-4e5b-4c6d-8e7f-9a0b1c2d3e4f",
    "name": "Ada portraits",
    "subjectKind": "person",
    "gender": "female",
    "ethnicity": None,
    "age": "30s",
    "status": "READY",
    "imageCount": 18,
    "steps": 1000,
    "loraRank": 16,
    "isReady": True,
    "error": None,
    "createdAt": "2025-02-01T09:00:00+00:00",
    "startedAt": "2025-02-01T09:01:00+00:00",
    "completedAt": "2025-02-01T09:31:00+00:00",
    "hasWeights": True,
    "triggerWord": "adalvc",
}
JOB_LIST: dict[str, Any] = {
    "jobs": [{k: v for k, v in JOB.items() if k != "input"}, QUEUED_JOB],
    "nextCursor": "cursor-2",
    "hasMore": True,
    "models": ["midjourney", "kling-2.1"],
}

RESPONSES = [("Job", JOB), ("Job", QUEUED_JOB), ("JobList", JOB_LIST), ("Me", ME), ("Upload", UPLOAD), ("Lora", LORA)]


@pytest.mark.parametrize(("cls_name", "wire"), RESPONSES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(RESPONSES)])
def test_response_models_round_trip(cls_name: str, wire: dict[str, Any]) -> None:
    cls = getattr(models, cls_name)
    obj = cls.from_dict(copy.deepcopy(wire))
    assert obj.to_dict() == wire
    assert cls.from_dict(obj.to_dict()) == obj


def test_response_fields_are_parsed_to_python_types() -> None:
    job = models.Job.from_dict(copy.deepcopy(JOB))
    assert job.completed_at == datetime.datetime(2025, 3, 1, 10, 0, 42, 500000, tzinfo=datetime.UTC)
    assert job.credit_cost == 8 and job.status == "COMPLETED" and job.webhook_status == "delivered"
    me = models.Me.from_dict(copy.deepcopy(ME))
    # ``credits`` keeps the name the API gives it (see scripts/python_names.py)
    assert me.team is not None and me.team.credits == 1200 and me.team.customer_id is None
    assert me.api_key is not None and me.api_key.prefix == "af_live_12"
    lists = models.JobList.from_dict(copy.deepcopy(JOB_LIST))
    assert [j.status for j in lists.jobs] == ["COMPLETED", "QUEUED"] and lists.next_cursor == "cursor-2"
    null_team = models.Me.from_dict({**copy.deepcopy(ME), "team": None, "apiKey": None})
    assert null_team.team is None and null_team.to_dict()["apiKey"] is None


def test_zulu_timestamps_parse() -> None:
    job = models.Job.from_dict({**copy.deepcopy(QUEUED_JOB), "createdAt": "2025-03-01T10:01:00.123Z"})
    assert job.created_at == datetime.datetime(2025, 3, 1, 10, 1, 0, 123000, tzinfo=datetime.UTC)


def test_unknown_status_enum_value_and_field_survive() -> None:
    wire = {
        **copy.deepcopy(JOB),
        "status": "ARCHIVED",
        "webhookStatus": "bounced",
        "priority": {"tier": "gold", "rank": 2},
    }
    job = models.Job.from_dict(copy.deepcopy(wire))
    assert job.status == "ARCHIVED"
    assert job.webhook_status == "bounced"
    assert job.additional_properties == {"priority": {"tier": "gold", "rank": 2}}
    assert job.to_dict() == wire


@pytest.mark.parametrize(
    ("cls_name", "wire", "field", "attr"),
    [
        ("Upload", UPLOAD, "kind", "kind"),
        ("Lora", LORA, "status", "status"),
        ("Lora", LORA, "subjectKind", "subject_kind"),
    ],
)
def test_unknown_enum_values_in_other_responses(cls_name: str, wire: dict[str, Any], field: str, attr: str) -> None:
    changed = {**copy.deepcopy(wire), field: "from-the-future", "newField": [1]}
    obj = getattr(models, cls_name).from_dict(copy.deepcopy(changed))
    assert getattr(obj, attr) == "from-the-future"
    assert obj.to_dict() == changed


def test_unknown_values_in_nested_response_objects() -> None:
    wire = copy.deepcopy(JOB_LIST)
    wire["jobs"][0]["status"] = "ARCHIVED"
    wire["jobs"][0]["shard"] = "eu-2"
    wire["cursorTtl"] = 60
    parsed = models.JobList.from_dict(copy.deepcopy(wire))
    assert parsed.jobs[0].status == "ARCHIVED"
    assert parsed.to_dict() == wire

    me = copy.deepcopy(ME)
    me["user"]["role"] = "AUDITOR"
    me["user"]["locale"] = "fr"
    assert models.Me.from_dict(copy.deepcopy(me)).to_dict() == me


def test_request_variants_reject_a_wrong_discriminator() -> None:
    """Request models are closed: their discriminator is a literal the client checks."""
    with pytest.raises((TypeError, ValueError)):
        models.GenerateImageMidjourney.from_dict({"model": "dall-e-3", "prompt": "x"})
