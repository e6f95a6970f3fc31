"""Structural queries over the OpenAPI document, independent of its exact shape: the one spec index.

The SDK's operation table (``apiframe._schema.operations``) and the sandbox (``apiframe.testing``)
both read the spec through :class:`SpecIndex`.

Schemas are addressed by JSON pointer into the whole document so that every
``$ref`` (raw inline variants or hoisted components alike) resolves the same
way. Single-value ``enum`` and ``const`` are treated as one thing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Discriminator",
    "Parameter",
    "SpecIndex",
    "SpecOperation",
    "escape_pointer_token",
]

_HTTP_METHODS = ("get", "post", "put", "patch", "delete")
_MISSING = object()


def escape_pointer_token(token: str) -> str:
    """Escape one JSON pointer reference token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


@dataclass(frozen=True)
class Parameter:
    """A path, query or header parameter of an operation."""

    name: str
    location: str
    required: bool
    schema_pointer: str | None
    pointer: str | None = None
    """Where the parameter object itself is (after ``$ref``)."""


@dataclass(frozen=True)
class SpecOperation:
    """One (method, path) pair of the spec with pointers to its schemas (the sandbox routes by it; the
    facade's view of an operation, by operationId, is ``apiframe._schema.Operation``)."""

    method: str
    path: str
    pointer: str
    parameters: tuple[Parameter, ...]
    json_body_pointer: str | None
    multipart_body_pointer: str | None
    responses: Mapping[str, str | None]
    tags: tuple[str, ...] = ()

    def declares(self, status: int) -> bool:
        """Whether the spec lists this status code for the operation."""
        return str(status) in self.responses

    @property
    def segments(self) -> tuple[str, ...]:
        """The path split on ``/`` without empty parts."""
        return tuple(part for part in self.path.split("/") if part)


@dataclass(frozen=True)
class Discriminator:
    """The property whose single value selects one variant of a union."""

    property: str
    variants: Mapping[Any, str] = field(default_factory=dict)
    """Discriminator value -> JSON pointer of the (dereferenced) variant schema."""

    variant_indexes: Mapping[Any, int] = field(default_factory=dict)
    """Discriminator value -> index of the variant in the union list."""


class SpecIndex:
    """Read-only index over an OpenAPI 3.1 document."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document: Mapping[str, Any] = document
        self._operations = tuple(self._collect_operations())

    # -- pointers -----------------------------------------------------------------

    def node(self, pointer: str) -> Any:
        """The raw node at ``pointer`` (``""`` is the whole document)."""
        current: Any = self.document
        if pointer in ("", "#"):
            return current
        for raw in pointer.lstrip("#").lstrip("/").split("/"):
            token = _unescape(raw)
            if isinstance(current, Mapping):
                current = current[token]
            elif isinstance(current, list):
                current = current[int(token)]
            else:
                raise KeyError(pointer)
        return current

    def deref(self, pointer: str) -> str:
        """Follow ``$ref`` chains from ``pointer``; return the final pointer."""
        seen: set[str] = set()
        while True:
            current = self.node(pointer)
            if not (isinstance(current, Mapping) and isinstance(current.get("$ref"), str)):
                return pointer
            ref: str = current["$ref"]
            if not ref.startswith("#"):
                raise ValueError(f"only local $ref values are supported, got {ref!r}")
            if pointer in seen:
                raise ValueError(f"$ref cycle at {pointer!r}")
            seen.add(pointer)
            pointer = ref[1:]

    def schema(self, pointer: str) -> Any:
        """The node at ``pointer`` after following ``$ref``."""
        return self.node(self.deref(pointer))

    def resolve(self, node: Any) -> Any:
        """Follow ``$ref`` for an already loaded node (no pointer known)."""
        if isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            return self.schema(str(node["$ref"])[1:])
        return node

    def single_value(self, schema: Any) -> Any:
        """The only value a schema allows (``const`` or one-item ``enum``), else a sentinel."""
        resolved = self.resolve(schema)
        if not isinstance(resolved, Mapping):
            return _MISSING
        if "const" in resolved:
            return resolved["const"]
        enum = resolved.get("enum")
        if isinstance(enum, list) and len(enum) == 1:
            return enum[0]
        return _MISSING

    def has_single_value(self, schema: Any) -> bool:
        """Whether :meth:`single_value` finds a value."""
        return self.single_value(schema) is not _MISSING

    def allowed_values(self, schema: Any) -> list[Any] | None:
        """Finite list of allowed values (enum/const/union of those), or None."""
        resolved = self.resolve(schema)
        if not isinstance(resolved, Mapping):
            return None
        if self.has_single_value(resolved):
            return [self.single_value(resolved)]
        enum = resolved.get("enum")
        if isinstance(enum, list):
            return list(enum)
        for key in ("anyOf", "oneOf"):
            options = resolved.get(key)
            if isinstance(options, list) and options:
                values: list[Any] = []
                for option in options:
                    sub = self.allowed_values(option)
                    if sub is None:
                        return None
                    values.extend(sub)
                return values
        return None

    # -- unions -------------------------------------------------------------------

    def union_variant_pointers(self, pointer: str) -> list[str] | None:
        """Pointers of the ``oneOf``/``anyOf`` variants of the schema at ``pointer``."""
        base = self.deref(pointer)
        schema = self.node(base)
        if not isinstance(schema, Mapping):
            return None
        for key in ("oneOf", "anyOf"):
            options = schema.get(key)
            if isinstance(options, list) and options:
                return [self.deref(f"{base}/{key}/{i}") for i in range(len(options))]
        return None

    def discriminator(self, pointer: str) -> Discriminator | None:
        """Find the property that tells the variants of a union apart."""
        base = self.deref(pointer)
        schema = self.node(base)
        variants = self.union_variant_pointers(base)
        if not variants or not isinstance(schema, Mapping):
            return None
        declared = schema.get("discriminator")
        candidates: list[str] = []
        if isinstance(declared, Mapping) and isinstance(declared.get("propertyName"), str):
            candidates.append(str(declared["propertyName"]))
        first = self.node(variants[0])
        if isinstance(first, Mapping) and isinstance(first.get("properties"), Mapping):
            candidates.extend(str(name) for name in first["properties"] if name not in candidates)
        for name in candidates:
            found = self._discriminate_on(name, variants)
            if found is not None:
                return found
        return None

    def inline_discriminator(self, options: list[Any]) -> Discriminator | None:
        """Discriminator of a union given as loaded nodes (inline or ``$ref``)."""
        resolved = [self.resolve(option) for option in options]
        if not resolved or not all(isinstance(item, Mapping) for item in resolved):
            return None
        first_props = resolved[0].get("properties")
        if not isinstance(first_props, Mapping):
            return None
        for name in first_props:
            values: dict[Any, int] = {}
            for index, variant in enumerate(resolved):
                props = variant.get("properties")
                if not isinstance(props, Mapping) or name not in props:
                    break
                value = self.single_value(props[name])
                if value is _MISSING or not isinstance(value, str) or value in values:
                    break
                values[value] = index
            else:
                return Discriminator(property=str(name), variant_indexes=values)
        return None

    def _discriminate_on(self, name: str, variants: list[str]) -> Discriminator | None:
        mapping: dict[Any, str] = {}
        indexes: dict[Any, int] = {}
        for index, variant_pointer in enumerate(variants):
            variant = self.node(variant_pointer)
            if not isinstance(variant, Mapping):
                return None
            props = variant.get("properties")
            if not isinstance(props, Mapping) or name not in props:
                return None
            value = self.single_value(props[name])
            if value is _MISSING or not isinstance(value, str) or value in mapping:
                return None
            mapping[value] = variant_pointer
            indexes[value] = index
        return Discriminator(property=name, variants=mapping, variant_indexes=indexes)

    def properties(self, pointer: str) -> Mapping[str, Any]:
        """The ``properties`` of the object schema at ``pointer`` (empty if none)."""
        schema = self.schema(pointer)
        if isinstance(schema, Mapping) and isinstance(schema.get("properties"), Mapping):
            props: Mapping[str, Any] = schema["properties"]
            return props
        return {}

    def required(self, pointer: str) -> tuple[str, ...]:
        """The ``required`` names of the object schema at ``pointer``."""
        schema = self.schema(pointer)
        if isinstance(schema, Mapping) and isinstance(schema.get("required"), list):
            return tuple(str(name) for name in schema["required"])
        return ()

    def property_pointer(self, pointer: str, name: str) -> str:
        """Pointer to property ``name`` of the object schema at ``pointer``."""
        return self.deref(f"{self.deref(pointer)}/properties/{escape_pointer_token(name)}")

    def default(self, pointer: str) -> Any:
        """The ``default`` of a schema, or None."""
        schema = self.schema(pointer)
        return schema.get("default") if isinstance(schema, Mapping) else None

    def primitive_type(self, pointer: str) -> str | None:
        """The non-null JSON type a schema expects, if a single one is declared."""
        schema = self.schema(pointer)
        if not isinstance(schema, Mapping):
            return None
        declared = schema.get("type")
        if isinstance(declared, str):
            return declared
        if isinstance(declared, list):
            kinds = [str(kind) for kind in declared if kind != "null"]
            if len(kinds) == 1:
                return kinds[0]
        value = self.single_value(schema)
        if value is not _MISSING:
            return _json_type(value)
        values = self.allowed_values(schema)
        if values:
            found = {_json_type(v) for v in values if v is not None}
            if len(found) == 1:
                return found.pop()
        return None

    # -- operations ---------------------------------------------------------------

    @property
    def operations(self) -> tuple[SpecOperation, ...]:
        """Every operation in the document, in document order."""
        return self._operations

    def operation(self, method: str, path: str) -> SpecOperation:
        """The operation for ``method`` and the spec path template ``path``."""
        for op in self._operations:
            if op.method == method.upper() and op.path == path:
                return op
        raise KeyError(f"{method.upper()} {path}")

    def _collect_operations(self) -> Iterator[SpecOperation]:
        paths = self.document.get("paths", {})
        for path, item in paths.items():
            item_pointer = f"/paths/{escape_pointer_token(path)}"
            if not isinstance(item, Mapping):
                continue
            shared = self._parameters(f"{item_pointer}/parameters")
            for method in _HTTP_METHODS:
                if method not in item:
                    continue
                op_pointer = f"{item_pointer}/{method}"
                op = self.node(op_pointer)
                own = self._parameters(f"{op_pointer}/parameters")
                names = {(p.name, p.location) for p in own}
                params = tuple(own) + tuple(p for p in shared if (p.name, p.location) not in names)
                json_body, multipart_body = self._bodies(f"{op_pointer}/requestBody")
                yield SpecOperation(
                    method=method.upper(),
                    path=str(path),
                    pointer=op_pointer,
                    parameters=params,
                    json_body_pointer=json_body,
                    multipart_body_pointer=multipart_body,
                    responses=self._responses(f"{op_pointer}/responses"),
                    tags=tuple(str(tag) for tag in op.get("tags", ())),
                )

    def _parameters(self, pointer: str) -> list[Parameter]:
        try:
            raw = self.node(pointer)
        except (KeyError, IndexError):
            return []
        result: list[Parameter] = []
        for index in range(len(raw)):
            param_pointer = self.deref(f"{pointer}/{index}")
            param = self.node(param_pointer)
            schema_pointer = f"{param_pointer}/schema" if "schema" in param else None
            result.append(
                Parameter(
                    name=str(param["name"]),
                    location=str(param["in"]),
                    required=bool(param.get("required", False)),
                    schema_pointer=schema_pointer,
                    pointer=param_pointer,
                )
            )
        return result

    def _bodies(self, pointer: str) -> tuple[str | None, str | None]:
        try:
            body_pointer = self.deref(pointer)
            content = self.node(f"{body_pointer}/content")
        except (KeyError, IndexError):
            return None, None
        json_pointer = multipart_pointer = None
        for media_type in content:
            media_pointer = f"{body_pointer}/content/{escape_pointer_token(media_type)}/schema"
            if media_type == "application/json":
                json_pointer = media_pointer
            elif media_type == "multipart/form-data":
                multipart_pointer = media_pointer
        return json_pointer, multipart_pointer

    def _responses(self, pointer: str) -> dict[str, str | None]:
        try:
            responses = self.node(pointer)
        except (KeyError, IndexError):
            return {}
        result: dict[str, str | None] = {}
        for status in responses:
            response_pointer = self.deref(f"{pointer}/{escape_pointer_token(str(status))}")
            response = self.node(response_pointer)
            content = response.get("content") if isinstance(response, Mapping) else None
            schema_pointer: str | None = None
            if isinstance(content, Mapping) and "application/json" in content:
                schema_pointer = f"{response_pointer}/content/application~1json/schema"
            result[str(status)] = schema_pointer
        return result


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "array"
    return "object"
