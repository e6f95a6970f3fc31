"""Validate request data against the spec and report errors keyed by field path.

Uses ``jsonschema``'s Draft 2020-12 validator with a ``referencing`` registry
over the whole document, so ``$ref`` resolves identically for the raw spec and
the normalized copy. Errors are reported the way the real API reports Zod
issues: ``{"error": "...", "details": {"prompt": ["..."]}}`` where each key is
the dotted path of the offending field.

A union discriminated by one property (the request bodies' ``model``, an action route's
``action``) is not tried branch by branch: the value the instance names selects its branch (a
table derived from the spec, see :meth:`SpecIndex.discriminator`), and only that branch is
validated. Every other branch fails on that property alone, so the decision and the messages are
those of the whole union, at a fraction of the work.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import threading
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from jsonschema import (  # type: ignore[import-untyped, unused-ignore]
    Draft202012Validator,
    FormatChecker,
)
from jsonschema.exceptions import (  # type: ignore[import-untyped, unused-ignore]
    ValidationError as SchemaError,
)
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from ._catalog import SpecIndex

__all__ = ["Details", "RequestValidator", "coerce_text", "format_checker", "join_path", "json_text"]

Details = dict[str, list[str]]

_SPEC_URI = "urn:apiframe:openapi"
_ANNOTATIONS = frozenset(
    {"$comment", "default", "deprecated", "description", "discriminator", "examples", "readOnly", "title", "writeOnly"}
)
"""Keywords that assert nothing: a union with only these beside it is the union alone."""
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*$")


def _is_uri(instance: object) -> bool:
    if not isinstance(instance, str):
        return True
    if any(ch.isspace() for ch in instance):
        return False
    parts = urlsplit(instance)
    return bool(parts.scheme) and bool(_SCHEME.match(parts.scheme)) and bool(parts.netloc or parts.path)


def _is_datetime(instance: object) -> bool:
    if not isinstance(instance, str):
        return True
    if "T" not in instance.upper():
        return False
    try:
        parsed = _dt.datetime.fromisoformat(instance.replace("z", "Z"))
    except ValueError:
        return False
    return parsed.tzinfo is not None


def format_checker() -> FormatChecker:
    """Every format jsonschema knows, plus ``uri`` and ``date-time`` without extra deps."""
    checker = FormatChecker()
    checker.checks("uri")(_is_uri)
    checker.checks("date-time")(_is_datetime)
    return checker


def _only_a_union(schema: Any) -> bool:
    """Whether ``schema`` asserts nothing but one ``oneOf`` or ``anyOf`` (its other keywords annotate)."""
    if not isinstance(schema, Mapping):
        return False
    asserting = [key for key in schema if key not in _ANNOTATIONS and not str(key).startswith("x-")]
    return asserting in (["oneOf"], ["anyOf"])


def join_path(parts: Iterable[str | int]) -> str:
    """Dotted field path: ``["webhookEvents", 0]`` -> ``webhookEvents.0``."""
    return ".".join(str(part) for part in parts)


class RequestValidator:
    """Validates instances against schemas addressed by JSON pointer into the spec."""

    def __init__(self, index: SpecIndex) -> None:
        self.index = index
        resource: Resource[Any] = Resource.from_contents(dict(index.document), default_specification=DRAFT202012)
        self._registry: Registry[Any] = Registry().with_resource(_SPEC_URI, resource)
        self._checker = format_checker()
        self._validators: dict[str, Draft202012Validator] = {}
        self._branches: dict[str, tuple[str, Mapping[str, str]] | None] = {}
        self._lock = threading.Lock()

    def validator(self, pointer: str) -> Draft202012Validator:
        """A cached validator for the schema at ``pointer``."""
        with self._lock:
            found = self._validators.get(pointer)
            if found is None:
                found = Draft202012Validator(
                    {"$ref": f"{_SPEC_URI}#{pointer}"},
                    registry=self._registry,
                    format_checker=self._checker,
                )
                self._validators[pointer] = found
            return found

    def _branching(self, pointer: str) -> tuple[str, Mapping[str, str]] | None:
        """For a schema that is only a discriminated union: the property and value -> branch pointer."""
        with self._lock:
            if pointer in self._branches:
                return self._branches[pointer]
        found = None
        if _only_a_union(self.index.schema(pointer)):
            union = self.index.discriminator(pointer)
            if union is not None:
                found = (union.property, {str(value): branch for value, branch in union.variants.items()})
        with self._lock:
            self._branches[pointer] = found
        return found

    def _chosen(self, pointer: str, instance: Any) -> str:
        """The pointer to validate ``instance`` against: the branch it names, else ``pointer`` itself."""
        branching = self._branching(pointer)
        if branching is None or not isinstance(instance, Mapping):
            return pointer
        name, branches = branching
        value = instance.get(name)
        return branches.get(value, pointer) if isinstance(value, str) else pointer

    def errors(self, pointer: str, instance: Any, *, root: str = "body") -> Details:
        """Field path -> messages for every problem with ``instance`` (empty when valid).

        Problems with the instance as a whole are keyed by ``root``.
        """
        details: Details = {}
        for error in self.validator(self._chosen(pointer, instance)).iter_errors(instance):
            for path, message in self._describe(error):
                key = join_path(path) or root
                bucket = details.setdefault(key, [])
                if message not in bucket:
                    bucket.append(message)
        return details

    def is_valid(self, pointer: str, instance: Any) -> bool:
        """Whether ``instance`` matches the schema at ``pointer``."""
        return bool(self.validator(self._chosen(pointer, instance)).is_valid(instance))

    # -- turning jsonschema errors into field messages ---------------------------
    # Every message is worded here (never jsonschema's own text, which spells values
    # the Python way); request values appear only through :func:`json_text`.

    def _describe(self, error: SchemaError) -> list[tuple[tuple[str | int, ...], str]]:
        path = tuple(error.absolute_path)
        keyword = str(error.validator)
        if keyword == "required":
            return self._missing(error, path)
        if keyword == "additionalProperties":
            return self._unexpected(error, path)
        if keyword in ("oneOf", "anyOf"):
            return self._union(error, path)
        return [(path, _keyword_message(keyword, error.validator_value, error.instance))]

    def _missing(self, error: SchemaError, path: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], str]]:
        instance = error.instance
        names = error.validator_value if isinstance(error.validator_value, list) else []
        missing = [n for n in names if isinstance(instance, Mapping) and n not in instance]
        missing = [n for n in missing if repr(n) in error.message] or missing
        return [((*path, str(name)), "Required") for name in missing[:1]] or [(path, "Required")]

    def _unexpected(self, error: SchemaError, path: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], str]]:
        schema = error.schema if isinstance(error.schema, Mapping) else {}
        known = schema.get("properties", {})
        patterns = schema.get("patternProperties", {})
        instance = error.instance if isinstance(error.instance, Mapping) else {}
        extra = [key for key in instance if key not in known and not any(re.search(p, key) for p in patterns)]
        allowed = ", ".join(sorted(str(k) for k in known)) or "none"
        if not extra:
            return [(path, f"Unrecognized keys; allowed keys: {allowed}")]
        return [((*path, str(key)), f"Unrecognized key {json_text(key)}; allowed keys: {allowed}") for key in extra]

    def _union(self, error: SchemaError, path: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], str]]:
        options = error.validator_value if isinstance(error.validator_value, list) else []
        instance = error.instance
        found = self.index.inline_discriminator(options)
        if found is not None and isinstance(instance, Mapping):
            name = found.property
            choices = _choices(list(found.variant_indexes))
            if name not in instance:
                return [((*path, name), f"Required; expected {choices}")]
            value = instance[name]
            # Only a string can select a variant: an object or array is not even hashable.
            chosen = found.variant_indexes.get(value) if isinstance(value, str) else None
            if chosen is None:
                return [((*path, name), f"Invalid value {json_text(value)}; expected {choices}")]
            result: list[tuple[tuple[str | int, ...], str]] = []
            for sub in error.context or ():
                if sub.relative_schema_path and sub.relative_schema_path[0] == chosen:
                    result.extend(self._describe(sub))
            return result or [(path, f"Invalid value {json_text(instance)}")]
        values: list[Any] = []
        for option in options:
            allowed = self.index.allowed_values(option)
            if allowed is None:
                values = []
                break
            values.extend(allowed)
        if values:
            return [(path, f"Invalid value {json_text(instance)}; expected {_choices(values)}")]
        return [(path, f"Invalid value {json_text(instance)}: it matches none of the allowed shapes")]


_TEXT_LIMIT = 200


def json_text(value: Any) -> str:
    """A request value as it appears in error messages: JSON (``null``, ``true``, ``"a"``), cut short."""
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        text = json.dumps(str(value), ensure_ascii=False)
    return text if len(text) <= _TEXT_LIMIT else text[: _TEXT_LIMIT - 1] + "\u2026"


_JSON_TYPE_NAMES = {
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    type(None): "null",
    list: "array",
    dict: "object",
}


def _type_name(value: Any) -> str:
    return _JSON_TYPE_NAMES.get(type(value), "object" if isinstance(value, Mapping) else "value")


def _expected_types(declared: Any) -> str:
    kinds = declared if isinstance(declared, list) else [declared]
    return " or ".join(str(kind) for kind in kinds)


_BOUNDS = {
    "minLength": "String must contain at least {} character(s)",
    "maxLength": "String must contain at most {} character(s)",
    "minimum": "Number must be greater than or equal to {}",
    "maximum": "Number must be less than or equal to {}",
    "exclusiveMinimum": "Number must be greater than {}",
    "exclusiveMaximum": "Number must be less than {}",
    "multipleOf": "Number must be a multiple of {}",
    "minItems": "Array must contain at least {} element(s)",
    "maxItems": "Array must contain at most {} element(s)",
    "minProperties": "Object must have at least {} key(s)",
    "maxProperties": "Object must have at most {} key(s)",
}


def _keyword_message(keyword: str, rule: Any, instance: Any) -> str:
    """The message for one failed schema keyword (values rendered as JSON)."""
    if keyword == "type":
        return f"Expected {_expected_types(rule)}, received {_type_name(instance)}"
    if keyword in ("enum", "const"):
        allowed: list[Any] = list(rule) if keyword == "enum" and isinstance(rule, list) else [rule]
        return f"Invalid value {json_text(instance)}; expected {_choices(allowed)}"
    if keyword in _BOUNDS:
        return _BOUNDS[keyword].format(json_text(rule))
    if keyword == "pattern":
        return f"Invalid value {json_text(instance)}: must match the pattern {json_text(rule)}"
    if keyword == "format":
        return f"Invalid value {json_text(instance)}: expected a valid {rule}"
    if keyword == "uniqueItems":
        return "Array items must be unique"
    return f"Invalid value {json_text(instance)}: fails the {json_text(keyword)} rule of the schema"


_INT = re.compile(r"^-?\d+$")


def coerce_text(index: SpecIndex, pointer: str, raw: str) -> Any:
    """Turn a query/form/header string into the JSON type the schema expects.

    A value that cannot be converted is returned unchanged so that validation
    reports it with the schema's own message.
    """
    kind = index.primitive_type(pointer)
    if kind == "integer" and _INT.match(raw.strip()):
        return int(raw)
    if kind == "number":
        try:
            number = float(raw)
        except ValueError:
            return raw
        return int(number) if number.is_integer() and "." not in raw else number
    if kind == "boolean" and raw.lower() in ("true", "false"):
        return raw.lower() == "true"
    return raw


def _choices(values: Iterable[Any]) -> str:
    rendered = [json_text(value) for value in values]
    if len(rendered) == 1:
        return rendered[0]
    return "one of " + " | ".join(rendered)
