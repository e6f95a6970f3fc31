"""The API spec as data, for client-side checks that follow the spec without per-model code.

``make generate`` ships a docs-free copy of the normalized spec as ``apiframe_client/_spec.json``;
it is loaded on first use. :func:`validate` implements the part of JSON Schema the spec uses.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, TypeGuard

from ._plural import counted
from ._spec_index import SpecIndex

__all__ = [
    "ID_RULE",
    "MAX_ID",
    "Operation",
    "Problem",
    "closed_values",
    "index",
    "is_safe_id",
    "operation",
    "operations",
    "resolve",
    "spec",
    "spec_text",
    "validate",
]

REF = "#/components/schemas/"


@cache
def spec_text() -> str:
    """The shipped spec as JSON text (``apiframe_client/_spec.json``); the sandbox serves it too."""
    return resources.files("apiframe_client").joinpath("_spec.json").read_text("utf-8")


@cache
def spec() -> Mapping[str, Any]:
    """The normalized spec the generated client was built from."""
    data: Mapping[str, Any] = json.loads(spec_text())
    return data


def resolve(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """Follow ``$ref`` links to the schema they name."""
    seen = 0
    while "$ref" in schema and seen < 32:
        ref = str(schema["$ref"])
        if not ref.startswith(REF):
            raise KeyError(f"unsupported $ref {ref!r}")
        schema = spec()["components"]["schemas"][ref[len(REF) :]]
        seen += 1
    return schema


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation of the spec by operationId, as the facade needs it (read from the index's
    :class:`~apiframe._spec_index.SpecOperation`)."""

    operation_id: str
    method: str
    path: str
    body_schema: Mapping[str, Any] | None
    body_content_type: str | None
    discriminator: str | None
    variants: Mapping[str, str] = field(default_factory=dict)
    """Discriminator value -> component schema name."""
    query: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Query parameter name -> its parameter object."""
    path_params: tuple[str, ...] = ()


@cache
def index() -> SpecIndex:
    """The spec index over the shipped spec (the sandbox reads its spec through the same class)."""
    return SpecIndex(spec())


@cache
def operations() -> Mapping[str, Operation]:
    """Every operation of the spec by operationId."""
    spec_index = index()
    found: dict[str, Operation] = {}
    for op in spec_index.operations:
        node = spec_index.node(op.pointer)
        if not isinstance(node, Mapping) or "operationId" not in node:
            continue
        body_pointer, content_type = op.json_body_pointer, "application/json"
        if body_pointer is None:
            body_pointer, content_type = op.multipart_body_pointer, "multipart/form-data"
        body_schema: Mapping[str, Any] | None = None if body_pointer is None else spec_index.node(body_pointer)
        discriminator = None
        variants: dict[str, str] = {}
        if body_schema is not None:
            target = resolve(body_schema)
            if "discriminator" in target:
                discriminator = str(target["discriminator"]["propertyName"])
                for value, ref in target["discriminator"].get("mapping", {}).items():
                    variants[str(value)] = str(ref)[len(REF) :]
        query = {
            param.name: spec_index.node(param.pointer)
            for param in op.parameters
            if param.location == "query" and param.pointer is not None
        }
        found[str(node["operationId"])] = Operation(
            operation_id=str(node["operationId"]),
            method=op.method,
            path=op.path,
            body_schema=body_schema,
            body_content_type=content_type if body_pointer is not None else None,
            discriminator=discriminator,
            variants=variants,
            query=query,
            path_params=tuple(param.name for param in op.parameters if param.location == "path"),
        )
    return found


def operation(operation_id: str) -> Operation:
    """The operation named ``operation_id`` (KeyError when the spec has none)."""
    return operations()[operation_id]


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a value does not match its schema: where (``path``), what, and the accepted values if closed."""

    path: tuple[str | int, ...]
    message: str
    allowed: tuple[Any, ...] | None = None


_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "object": (dict,),
    "array": (list, tuple),
    "boolean": (bool,),
    "null": (type(None),),
}


def _is_type(value: Any, name: str) -> bool:
    if name == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()
        )
    if name == "number":
        return (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and not (isinstance(value, float) and (math.isnan(value) or math.isinf(value)))
        )
    return isinstance(value, _TYPES.get(name, (object,)))


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def validate(instance: Any, schema: Mapping[str, Any] | str) -> list[Problem]:
    """Every way ``instance`` breaks ``schema`` (a schema or a component name); empty when valid."""
    if isinstance(schema, str):
        schema = {"$ref": REF + schema}
    problems: list[Problem] = []
    _check(instance, schema, (), problems)
    return problems


def _check(value: Any, schema: Mapping[str, Any], path: tuple[str | int, ...], out: list[Problem]) -> None:
    schema = resolve(schema)
    if "anyOf" in schema or ("oneOf" in schema and "discriminator" not in schema):
        branches = schema.get("anyOf") or schema.get("oneOf") or []
        attempts: list[list[Problem]] = []
        for branch in branches:
            found: list[Problem] = []
            _check(value, branch, path, found)
            if not found:
                return
            attempts.append(found)
        non_null = [a for a, b in zip(attempts, branches, strict=True) if resolve(b).get("type") != "null"]
        candidates: list[list[Problem]] = non_null or attempts
        best: list[Problem] = min(candidates, key=len)
        out.extend(best)
        return
    if "discriminator" in schema:
        prop = str(schema["discriminator"]["propertyName"])
        mapping = schema["discriminator"].get("mapping", {})
        choice = value.get(prop) if isinstance(value, dict) else None
        if choice not in mapping:
            out.append(Problem((*path, prop), f"unknown {prop} {choice!r}", tuple(sorted(mapping))))
            return
        _check(value, {"$ref": mapping[choice]}, path, out)
        return
    if "const" in schema and value != schema["const"]:
        out.append(Problem(path, f"must be {schema['const']!r}, got {value!r}", (schema["const"],)))
        return
    if "enum" in schema and not _in_enum(value, schema["enum"]):
        out.append(Problem(path, f"{value!r} is not one of {list(schema['enum'])}", tuple(schema["enum"])))
        return
    types = schema.get("type")
    if types is not None:
        names = [types] if isinstance(types, str) else list(types)
        if not any(_is_type(value, name) for name in names):
            out.append(Problem(path, f"must be {' or '.join(names)}, got {_kind(value)} ({value!r:.80})"))
            return
    if isinstance(value, str):
        _check_string(value, schema, path, out)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        _check_number(value, schema, path, out)
    elif isinstance(value, list | tuple):
        _check_array(value, schema, path, out)
    elif isinstance(value, dict):
        _check_object(value, schema, path, out)


def closed_values(schema: Mapping[str, Any]) -> tuple[Any, ...] | None:
    """The values a schema allows when it is a closed set (an enum, a const, or a union of those)."""
    schema = resolve(schema)
    if "enum" in schema:
        return tuple(v for v in schema["enum"] if v is not None)
    if "const" in schema:
        return (schema["const"],)
    branches = schema.get("anyOf") or schema.get("oneOf")
    if branches:
        found: list[Any] = []
        for branch in branches:
            if resolve(branch).get("type") == "null":
                continue
            values = closed_values(branch)
            if values is None:
                return None
            found.extend(values)
        return tuple(dict.fromkeys(found)) or None
    return None


def _shown(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _in_enum(value: Any, allowed: Sequence[Any]) -> bool:
    return any(
        (value == item and type(value) is type(item)) or (_numeric(value) and _numeric(item) and value == item)
        for item in allowed
    )


def _numeric(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_UNSAFE_ID = re.compile(r"[/\\?#%\s]|\.\.")
_PLAIN_ID = re.compile(r"[A-Za-z0-9_-]{1,200}")
MAX_ID = 200
"""Characters: the longest id (the API's are 36-character UUIDs)."""
ID_RULE = (
    "pass the id the API returned (no '/', '..', '?', '#', '%' or whitespace, no control or invisible "
    f"characters, at most {MAX_ID} characters)"
)


def is_safe_id(value: object) -> TypeGuard[str]:
    """Whether ``value`` can be a job, LoRA or asset id: the one id rule, for ids the user passes and
    ids the server sends (a response's ``format: uuid`` fields, checked as they are parsed).

    A non-empty string of at most :data:`MAX_ID` printable characters (no control, format or
    invisible character, no lone surrogate: ``str.isprintable``) fit for one URL path segment.
    """
    if type(value) is str and _PLAIN_ID.fullmatch(value):
        return True  # the common case (a UUID), decided by one match
    return (
        isinstance(value, str)
        and 0 < len(value) <= MAX_ID
        and value != "."
        and value.isprintable()
        and not _UNSAFE_ID.search(value)
    )


def _check_string(value: str, schema: Mapping[str, Any], path: tuple[str | int, ...], out: list[Problem]) -> None:
    if "minLength" in schema and len(value) < schema["minLength"]:
        least = int(schema["minLength"])
        out.append(
            Problem(path, "must not be empty" if least == 1 else f"must be at least {counted(least, 'character')} long")
        )
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        out.append(Problem(path, f"must be at most {counted(schema['maxLength'], 'character')} long, got {len(value)}"))
    if "pattern" in schema and not re.search(schema["pattern"], value):
        out.append(Problem(path, f"{value!r:.80} does not match the pattern {schema['pattern']}"))
    if schema.get("format") == "uri" and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://\S+$", value):
        out.append(Problem(path, f"{value!r:.80} is not an absolute URL (for example https://example.com/x)"))
    if schema.get("format") == "uuid" and not is_safe_id(value):
        out.append(Problem(path, f"{value!r:.80} is not an id: {ID_RULE}"))


def _check_number(value: float, schema: Mapping[str, Any], path: tuple[str | int, ...], out: list[Problem]) -> None:
    if "minimum" in schema and value < schema["minimum"]:
        out.append(Problem(path, f"must be >= {schema['minimum']}, got {value}"))
    if "maximum" in schema and value > schema["maximum"]:
        out.append(Problem(path, f"must be <= {schema['maximum']}, got {value}"))
    if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
        out.append(Problem(path, f"must be > {schema['exclusiveMinimum']}, got {value}"))
    if "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]:
        out.append(Problem(path, f"must be < {schema['exclusiveMaximum']}, got {value}"))


def _check_array(
    value: Sequence[Any], schema: Mapping[str, Any], path: tuple[str | int, ...], out: list[Problem]
) -> None:
    if "minItems" in schema and len(value) < schema["minItems"]:
        out.append(Problem(path, f"needs at least {counted(schema['minItems'], 'item')}, got {len(value)}"))
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        out.append(Problem(path, f"takes at most {counted(schema['maxItems'], 'item')}, got {len(value)}"))
    if "items" in schema:
        for index, item in enumerate(value):
            _check(item, schema["items"], (*path, index), out)


def _check_object(
    value: Mapping[str, Any], schema: Mapping[str, Any], path: tuple[str | int, ...], out: list[Problem]
) -> None:
    properties: Mapping[str, Any] = schema.get("properties", {})
    for name in schema.get("required", []):
        if name not in value:
            choices = closed_values(properties.get(name, {}))
            shown = f" (one of {', '.join(map(_shown, choices))})" if choices else ""
            out.append(Problem((*path, name), f"is required{shown}", choices))
    extra = schema.get("additionalProperties", True)
    for key, item in value.items():
        if key in properties:
            _check(item, properties[key], (*path, key), out)
        elif extra is False:
            out.append(Problem((*path, key), "is not accepted here", tuple(sorted(properties))))
        elif isinstance(extra, dict):
            _check(item, extra, (*path, key), out)
