"""A model's parameters, read from the spec (no network): ``apiframe models show MODEL`` and tools."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ._bodies import suggest
from ._errors import InvalidRequestError
from ._job_requests import command_name, describe, job_operations, variant_schema
from ._plural import counted
from ._schema import resolve

__all__ = ["describe_model"]

_CONSTRAINTS: tuple[tuple[str, Callable[[Any], str]], ...] = (
    ("minimum", ">= {}".format),
    ("maximum", "<= {}".format),
    ("exclusiveMinimum", "> {}".format),
    ("exclusiveMaximum", "< {}".format),
    ("minLength", lambda n: f"at least {counted(n, 'character')}"),
    ("maxLength", lambda n: f"at most {counted(n, 'character')}"),
    ("minItems", lambda n: f"at least {counted(n, 'item')}"),
    ("maxItems", lambda n: f"at most {counted(n, 'item')}"),
    ("format", "format {}".format),
    ("pattern", "matches {}".format),
)


def _parameter(flag: str, schema: Mapping[str, Any], required: bool) -> dict[str, Any]:
    target = resolve(schema)
    kind, allowed = describe(schema)
    notes = [str(target["description"])] if target.get("description") else []
    notes += [text(target[key]) for key, text in _CONSTRAINTS if key in target]
    if required:
        notes.insert(0, "required")
    return {
        "flag": flag,
        "type": kind,
        "allowed": [v for v in dict.fromkeys(allowed) if v is not None],
        "default": target.get("default"),
        "description": "; ".join(notes),
    }


def describe_model(model: str) -> list[dict[str, Any]]:
    """For each command that takes ``model``: its command line and every parameter it accepts."""
    found: list[dict[str, Any]] = []
    for operation_id, op in job_operations().items():
        if op.discriminator != "model" or model not in op.variants:
            continue
        variant = variant_schema(operation_id, model)
        required = set(variant.get("required", []))
        parameters: list[dict[str, Any]] = []
        for wire, sub in variant.get("properties", {}).items():
            name = str(sub.get("x-python-name", wire))
            target = resolve(sub)
            if wire == op.discriminator or name.startswith("webhook_"):
                continue
            if target.get("type") == "object" or "properties" in target:
                inner = set(target.get("required", []))
                for key, prop in target.get("properties", {}).items():
                    parameters.append(_parameter(f"--param {key}", prop, key in inner))
                continue
            parameters.append(_parameter("--" + name.replace("_", "-"), sub, wire in required))
        found.append(
            {"operation": operation_id, "command": f"{command_name(operation_id)} -m {model}", "parameters": parameters}
        )
    if not found:
        every = sorted({v for op in job_operations().values() if op.discriminator == "model" for v in op.variants})
        raise InvalidRequestError(
            f"unknown model {model!r}{suggest(model, every)} (`apiframe models` lists them)",
            field="model",
            allowed=every,
        )
    return found
