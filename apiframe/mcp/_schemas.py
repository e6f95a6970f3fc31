"""JSON Schemas of the tools' arguments, read from the shipped spec (no per-model code).

A job operation's tool takes the operation's discriminator (``model``, or ``action`` for
Midjourney and Suno actions) as an enum of every value the spec maps, each top-level field a
variant takes (``prompt``, ``parent_job_id``, ``index``...) with its schema from the spec, and
``params``: the model's parameters block, whose description names each model's parameters
(``describe_model`` gives their types, allowed values and defaults).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._job_requests import field_options, job_operations, modalities, variant_schema
from .._schema import operation, resolve

__all__ = ["inline", "job_tool_schema", "list_jobs_schema", "params_by_model", "plain_schema"]

_MAX_DEPTH = 12


def inline(schema: Mapping[str, Any], depth: int = 0) -> dict[str, Any]:
    """``schema`` with every ``$ref`` replaced by its target and the spec's ``x-`` keys removed."""
    target = resolve(schema)
    if depth > _MAX_DEPTH:
        return {}
    out: dict[str, Any] = {}
    for key, value in target.items():
        if key.startswith("x-") or key == "discriminator":
            continue
        if key in ("properties", "patternProperties") and isinstance(value, Mapping):
            out[key] = {name: inline(sub, depth + 1) for name, sub in value.items()}
        elif isinstance(value, Mapping):
            out[key] = inline(value, depth + 1)
        elif isinstance(value, list):
            out[key] = [inline(item, depth + 1) if isinstance(item, Mapping) else item for item in value]
        else:
            out[key] = value
    return out


def plain_schema(properties: Mapping[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    """An object schema that takes only ``properties``."""
    schema: dict[str, Any] = {"type": "object", "properties": dict(properties), "additionalProperties": False}
    if required:
        schema["required"] = list(required)
    return schema


def params_by_model(operation_id: str) -> dict[str, tuple[list[str], list[str]]]:
    """For each variant with a params block: (its parameter names, the required ones)."""
    op = job_operations()[operation_id]
    found: dict[str, tuple[list[str], list[str]]] = {}
    for value in op.variants:
        for sub in variant_schema(operation_id, value).get("properties", {}).values():
            target = resolve(sub)
            if target.get("type") == "object" or "properties" in target:
                found[value] = (list(target.get("properties", {})), list(target.get("required", [])))
    return found


def job_tool_schema(operation_id: str) -> dict[str, Any]:
    """The arguments of the tool that submits ``operation_id``."""
    op = job_operations()[operation_id]
    key = str(op.discriminator)
    every = list(op.variants)
    properties: dict[str, Any] = {
        key: {
            "type": "string",
            "enum": every,
            "description": "The model to run (describe_model lists its parameters)"
            if key == "model"
            else "The action to run on the parent job",
        }
    }
    for name, (schema, users) in sorted(field_options(operation_id).items()):
        entry = inline(schema)
        if len(users) < len(every):
            note = f"Only for: {', '.join(users)}."
            entry["description"] = f"{entry['description']} {note}" if entry.get("description") else note
        properties[name] = entry
    blocks = params_by_model(operation_id)
    if blocks:
        lines = [
            f"{value}: " + (", ".join(name + ("*" if name in required else "") for name in names) or "(none)")
            for value, (names, required) in blocks.items()
        ]
        properties["params"] = {
            "type": "object",
            "description": f"The {key}'s parameters, by their API names (* required). Per {key}: "
            + "; ".join(lines)
            + ". describe_model gives each one's type, allowed values and default.",
        }
    return {**plain_schema(properties, (key,))}


def list_jobs_schema() -> dict[str, Any]:
    """``list_jobs``: the query parameters of ``GET /v2/jobs`` that filter and page."""
    query = operation("jobs_list").query
    properties: dict[str, Any] = {}
    for name in ("status", "model", "limit", "cursor"):
        if name in query:
            entry = inline(query[name].get("schema", {}))
            if query[name].get("description"):
                entry.setdefault("description", str(query[name]["description"]))
            properties[name] = entry
    return plain_schema(properties)


def modality_schema() -> dict[str, Any]:
    return {"type": "string", "enum": list(modalities()), "description": "Only models of this modality"}
