"""What an API answer must be before it is parsed: the JSON types its schema in the spec gives.

The generated models' ``from_dict`` trusts the types it is given: a field of the wrong JSON type
is kept as it came (a ``team`` that is a number, a ``model`` that is a list, a ``progress`` that
is a string), and a nullable object or date that does not parse is kept raw, so typed code fails
later, far from the cause (``me.team.credits``: AttributeError). :func:`problem` checks what
``from_dict`` would mis-parse, and nothing else: each field's JSON type (``type``, nullable,
``anyOf``/``oneOf``), the required fields at every level, ``date-time`` strings, and the ids the
server sends (``format: uuid``) by the one id rule (:func:`apiframe._schema.is_safe_id`), so an
id that could not name a URL or a file is refused when it is received, before anything records
it. Enum values are not checked: a status this SDK does not know yet stays a string, by design.

Each schema is compiled once (on first use) into small checkers over sets of Python types; a
body costs one type test per field it holds. The spec says the types, so a new model or field
needs nothing here.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from ._schema import REF, index, is_safe_id, operation, resolve

__all__ = ["Wrong", "answer_problem", "problem"]


@dataclass(frozen=True, slots=True)
class Wrong:
    """Where a body departs from its schema (``path``: ``jobs[3].progress``, empty for the body
    itself) and how (``what``: ``is a string, not a number or null``)."""

    path: str
    what: str

    def __str__(self) -> str:
        return f"{self.path or 'the body'} {self.what}"


Check = Callable[[Any], Wrong | None]
"""A compiled check: None when the value fits, else where and how it does not."""

_PYTHON: Mapping[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
    "object": (dict,),
    "array": (list,),
}
_NAMES = {str: "a string", int: "a number", float: "a number", bool: "a boolean", dict: "an object", list: "a list"}
_MAX_SCHEMA_DEPTH = 32


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    shown = repr(value) if isinstance(value, int | float | bool) else ""
    name = _NAMES.get(type(value), type(value).__name__)
    return f"{name} ({shown[:40]})" if shown else name


def _wanted(types: frozenset[type]) -> str:
    names = sorted({_NAMES.get(kind, "null") for kind in types})
    return " or ".join(names)


class _Node:
    """One schema, compiled: the Python types it allows and what else a value of them must be."""

    __slots__ = ("integral", "then", "types")

    def __init__(self, types: frozenset[type], integral: bool, then: Check | None) -> None:
        self.types = types
        self.integral = integral
        """An integral float counts as an integer (JSON Schema's rule)."""
        self.then = then

    def __call__(self, value: Any) -> Wrong | None:
        kind = type(value)
        if kind not in self.types and not (self.integral and kind is float and value.is_integer()):
            return Wrong("", f"is {_kind(value)}, not {_wanted(self.types)}")
        return None if self.then is None else self.then(value)


def _at(name: str | int, found: Wrong) -> Wrong:
    if isinstance(name, int):
        return Wrong(f"[{name}]{found.path}", found.what)
    rest = found.path if not found.path or found.path.startswith("[") else "." + found.path
    return Wrong(f"{name}{rest}", found.what)


def _object(properties: list[tuple[str, _Node]], required: tuple[str, ...], extra: _Node | None) -> Check:
    known = frozenset(name for name, _ in properties)
    fields = tuple((name, node.types, node.integral, node.then, node) for name, node in properties)
    absent = object()

    def check(value: Any) -> Wrong | None:
        if type(value) is not dict:
            return None  # null, where the schema allows it (the node checked the type)
        for name in required:
            if name not in value:
                return Wrong(name, "is missing")
        for name, types, integral, then, node in fields:  # the node's own test, inlined: this is per field
            item = value.get(name, absent)
            if item is absent:
                continue
            if type(item) not in types and not (integral and type(item) is float and item.is_integer()):
                return _at(name, node(item) or Wrong("", "is of the wrong type"))
            if then is not None:
                found = then(item)
                if found is not None:
                    return _at(name, found)
        if extra is not None:
            for name, item in value.items():
                if name not in known:
                    found = extra(item)
                    if found is not None:
                        return _at(str(name)[:60], found)
        return None

    return check


def _array(items: _Node) -> Check:
    def check(value: Any) -> Wrong | None:
        if type(value) is not list:
            return None
        for number, item in enumerate(value):
            found = items(item)
            if found is not None:
                return _at(number, found)
        return None

    return check


def _date_time(value: Any) -> Wrong | None:
    if type(value) is str:
        try:
            _dt.datetime.fromisoformat(value)
        except ValueError:
            return Wrong("", f"is {value[:40]!r}, not a date and time (ISO 8601)")
    return None


def _an_id(value: Any) -> Wrong | None:
    if type(value) is str and not is_safe_id(value):
        return Wrong("", f"is {value[:60]!r}{'...' if len(value) > 60 else ''}, which is not an id (the id rule)")
    return None


def _union(nodes: list[_Node]) -> Check:
    def check(value: Any) -> Wrong | None:
        first = None
        for node in nodes:
            found = node(value)
            if found is None:
                return None
            if first is None and type(value) in node.types:
                first = found  # the problem of the form the value's type matches says most
        return first or Wrong("", "matches none of its forms")

    return check


def _compile(schema: Mapping[str, Any], depth: int = 0) -> _Node | None:
    """The checker of ``schema``; None when any value fits (or the schema is too deep to follow)."""
    schema = resolve(schema)
    if depth > _MAX_SCHEMA_DEPTH:
        return None
    branches = schema.get("anyOf") or schema.get("oneOf")
    if branches:
        nodes = [_compile(branch, depth + 1) for branch in branches]
        if any(node is None for node in nodes):
            return None
        compiled = [node for node in nodes if node is not None]
        types = frozenset(kind for node in compiled for kind in node.types)
        integral = any(node.integral for node in compiled)
        if all(node.then is None for node in compiled):
            return _Node(types, integral, None)
        return _Node(types, integral, _union(compiled))
    declared = schema.get("type")
    if declared is None:
        declared = "object" if "properties" in schema else None
    if declared is None:
        return None
    names = [declared] if isinstance(declared, str) else [str(name) for name in declared]
    if any(name not in _PYTHON for name in names):
        return None
    types = frozenset(kind for name in names for kind in _PYTHON[name])
    integral = "integer" in names and "number" not in names
    then: Check | None = None
    if "object" in names:
        properties = [
            (str(name), node)
            for name, sub in (schema.get("properties") or {}).items()
            if (node := _compile(sub, depth + 1)) is not None
        ]
        required = tuple(str(name) for name in schema.get("required", ()))
        extra_schema = schema.get("additionalProperties")
        extra = _compile(extra_schema, depth + 1) if isinstance(extra_schema, Mapping) else None
        if properties or required or extra is not None:
            then = _object(properties, required, extra)
    elif "array" in names:
        items = _compile(schema.get("items") or {}, depth + 1)
        if items is not None:
            then = _array(items)
    elif "string" in names:
        fmt = schema.get("format")
        then = _date_time if fmt == "date-time" else _an_id if fmt == "uuid" else None
    return _Node(types, integral, then)


@cache
def _component(name: str) -> _Node | None:
    return _compile({"$ref": REF + name})


@cache
def _answers() -> Mapping[tuple[str, str], Mapping[str, str | None]]:
    """(METHOD, path) -> status -> the pointer of its JSON body's schema."""
    return {(op.method.upper(), op.path): op.responses for op in index().operations}


@cache
def _answer(operation_id: str, status: int) -> _Node | None:
    op = operation(operation_id)
    responses = _answers().get((op.method.upper(), op.path), {})
    pointer = responses.get(str(status))
    if pointer is None:  # an undocumented 2xx: the operation's first documented one
        pointer = next((p for code, p in sorted(responses.items()) if code.startswith("2") and p), None)
    return None if pointer is None else _compile(index().node(pointer))


def problem(component: str, data: Any) -> Wrong | None:
    """Why ``data`` cannot be parsed as the spec's ``component`` schema, or None when it can."""
    node = _component(component)
    return None if node is None else node(data)


def answer_problem(operation_id: str, status: int, data: Any) -> Wrong | None:
    """Why ``data``, a ``status`` answer of ``operation_id``, cannot be parsed as the body the spec
    documents for it (an undocumented 2xx: its first documented one), or None when it can."""
    node = _answer(operation_id, status)
    return None if node is None else node(data)
