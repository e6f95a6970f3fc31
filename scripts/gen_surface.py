"""Write ``apiframe_client/surface.py``: the typed call signatures of the facade's
model-discriminated methods (``client.images.generate(model="midjourney", ...)``).

For every operation whose request body is a discriminated union, one ``Protocol`` with an
overloaded ``__call__``: one overload taking a whole generated request object, then one per group
of variants that share a signature, narrowed on the discriminator literal. Params blocks accept
the generated attrs class or a ``TypedDict`` of its wire keys, so a type checker rejects a
misspelt model, a params block of another model, an unknown key and a value outside an enum.
Everything comes from the normalized spec: no model names live in this script.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from openapi_python_client.strings import PythonIdentifier

REF = "#/components/schemas/"
FIELD_PREFIX = "field_"
OPTIONS = (
    "idempotency_key: str | None = None",
    "timeout: float | httpx.Timeout | None = None",
    "max_retries: int | None = None",
    "extra_headers: Mapping[str, str] | None = None",
)


def python_name(wire: str) -> str:
    """The attribute name openapi-python-client gives a wire property."""
    return str(PythonIdentifier(wire, prefix=FIELD_PREFIX))


def class_name(operation_id: str) -> str:
    return "".join(part.capitalize() for part in operation_id.split("_"))


def annotate_python_names(spec: dict[str, Any]) -> None:
    """Record on every component property the Python name the generated class uses for it."""
    for schema in spec["components"]["schemas"].values():
        for wire, sub in schema.get("properties", {}).items():
            if isinstance(sub, dict):
                sub["x-python-name"] = python_name(wire)


def union_operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(operationId, union component name, union schema) for each discriminated-union body."""
    schemas = spec["components"]["schemas"]
    found = []
    for item in spec["paths"].values():
        for op in item.values():
            if not isinstance(op, dict) or "requestBody" not in op:
                continue
            content = op["requestBody"].get("content", {}).get("application/json", {})
            ref = content.get("schema", {}).get("$ref", "")
            name = ref[len(REF) :]
            if ref.startswith(REF) and "discriminator" in schemas.get(name, {}):
                found.append((op["operationId"], name, schemas[name]))
    return sorted(found)


class Writer:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.schemas: dict[str, Any] = spec["components"]["schemas"]
        self.models: set[str] = set()
        self.typed_dicts: dict[str, str] = {}

    def type_of(self, schema: Any, *, in_dict: bool = False) -> str:
        if not isinstance(schema, dict) or not schema:
            return "Any"
        if "$ref" in schema:
            name = schema["$ref"][len(REF) :]
            target = self.schemas[name]
            if target.get("type") == "object" or "properties" in target:
                self.models.add(name)
                return f"{name} | {self.typed_dict(name, target)}"
            return self.type_of(target, in_dict=in_dict)
        if "const" in schema:
            return f"Literal[{schema['const']!r}]"
        if "enum" in schema:
            values = [v for v in schema["enum"] if v is not None]
            if any(isinstance(v, float) for v in values):  # Literal cannot hold floats
                return "float"
            out = f"Literal[{', '.join(repr(v) for v in values)}]"
            return out + " | None" if None in schema["enum"] else out
        for key in ("anyOf", "oneOf"):
            if key in schema:
                return " | ".join(dict.fromkeys(self.type_of(s, in_dict=in_dict) for s in schema[key]))
        kinds = schema.get("type", "any")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        parts = [self.scalar(kind, schema, in_dict=in_dict) for kind in kinds]
        return " | ".join(dict.fromkeys(parts))

    def scalar(self, kind: str, schema: dict[str, Any], *, in_dict: bool) -> str:
        if kind == "array":
            return f"Sequence[{self.type_of(schema.get('items', {}), in_dict=in_dict)}]"
        if kind == "object":
            return "Mapping[str, Any]"
        return {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}.get(
            kind, "Any"
        )

    def typed_dict(self, name: str, schema: dict[str, Any]) -> str:
        dict_name = f"{name}Dict"
        if dict_name not in self.typed_dicts:
            self.typed_dicts[dict_name] = ""  # guard against recursion
            required = set(schema.get("required", []))
            fields = []
            for key, sub in schema.get("properties", {}).items():
                kind = self.type_of(sub, in_dict=True)
                annotation = f"Required[{kind}]" if key in required else kind
                fields.append(f"{key!r}: {annotation!r}")  # quoted: evaluated lazily
            body = ", ".join(fields)
            self.typed_dicts[dict_name] = (
                f'{dict_name} = TypedDict("{dict_name}", {{{body}}}, total=False)\n'
                f'"""Wire-shaped dict accepted wherever ``{name}`` is."""\n'
            )
        return dict_name

    def overloads(self, union: dict[str, Any]) -> list[str]:
        disc = union["discriminator"]["propertyName"]
        groups: dict[str, list[str]] = {}
        variants = []
        for value, ref in union["discriminator"]["mapping"].items():
            name = ref[len(REF) :]
            variants.append(name)
            self.models.add(name)
            schema = self.schemas[name]
            required = set(schema.get("required", [])) - {disc}
            params = []
            optional = []
            for wire, sub in schema["properties"].items():
                if wire == disc:
                    continue
                kind = self.type_of(sub)
                if wire in required:
                    params.append(f"{python_name(wire)}: {kind}")
                else:
                    optional.append(f"{python_name(wire)}: {kind} | None = None")
            signature = ", ".join([*params, *optional, *OPTIONS])
            groups.setdefault(signature, []).append(value)
        out = [
            "    @overload\n"
            f"    def __call__(self, request: {' | '.join(variants)}, /, *, {', '.join(OPTIONS)}) -> _R_co: ...\n"
        ]
        for signature, values in groups.items():
            literal = f"Literal[{', '.join(repr(v) for v in values)}]"
            out.append(
                f"    @overload\n    def __call__(self, *, {python_name(disc)}: {literal}, {signature}) -> _R_co: ...\n"
            )
        return out


def render(spec: dict[str, Any]) -> str:
    writer = Writer(spec)
    protocols = []
    names = []
    for operation_id, union_name, union in union_operations(spec):
        name = class_name(operation_id)
        names.append(name)
        doc = f'    """Signatures of the ``{operation_id}`` operation (request body ``{union_name}``)."""\n\n'
        protocols.append(f"class {name}(Protocol[_R_co]):\n{doc}" + "\n".join(writer.overloads(union)))
    imports = "\n".join(f"    from .models import {m}" for m in sorted(writer.models))
    exported = sorted([*names, *writer.typed_dicts])
    return (
        '"""Typed signatures of the facade\'s model-discriminated methods.\n\n'
        "Generated by `make generate` (scripts/gen_surface.py) from the spec; do not edit.\n"
        '"""\n\n'
        "from __future__ import annotations\n\n"
        "from collections.abc import Mapping, Sequence\n"
        "from typing import TYPE_CHECKING, Any, Literal, Protocol, Required, TypedDict, TypeVar, overload\n\n"
        "if TYPE_CHECKING:\n    import httpx\n\n" + imports + "\n\n"
        f"__all__ = {exported!r}\n\n"
        '_R_co = TypeVar("_R_co", covariant=True)\n\n'
        + "\n".join(writer.typed_dicts[k] for k in sorted(writer.typed_dicts))
        + "\n\n"
        + "\n\n".join(protocols)
    )


def write(normalized: dict[str, Any], target: Path) -> None:
    (target / "surface.py").write_text(render(normalized))


if __name__ == "__main__":
    import sys

    print(render(json.loads(Path(sys.argv[1]).read_text())))
