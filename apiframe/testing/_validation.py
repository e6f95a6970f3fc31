"""Validate request data against the spec and report errors keyed by field path.

Uses ``jsonschema``'s Draft 2020-12 validator with a ``referencing`` registry
over the whole document, so ``$ref`` resolves identically for the raw spec and
the normalized copy. Errors are reported the way the real API reports Zod
issues: ``{"error": "...", "details": {"prompt": ["..."]}}`` where each key is
the dotted path of the offending field.
"""

from __future__ import annotations

import datetime as _dt
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

from ._schema import SpecIndex

__all__ = ["Details", "RequestValidator", "coerce_text", "format_checker", "join_path"]

Details = dict[str, list[str]]

_SPEC_URI = "urn:apiframe:openapi"
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

    def errors(self, pointer: str, instance: Any, *, root: str = "body") -> Details:
        """Field path -> messages for every problem with ``instance`` (empty when valid).

        Problems with the instance as a whole are keyed by ``root``.
        """
        details: Details = {}
        for error in self.validator(pointer).iter_errors(instance):
            for path, message in self._describe(error):
                key = join_path(path) or root
                bucket = details.setdefault(key, [])
                if message not in bucket:
                    bucket.append(message)
        return details

    def is_valid(self, pointer: str, instance: Any) -> bool:
        """Whether ``instance`` matches the schema at ``pointer``."""
        return bool(self.validator(pointer).is_valid(instance))

    # -- turning jsonschema errors into field messages ---------------------------

    def _describe(self, error: SchemaError) -> list[tuple[tuple[str | int, ...], str]]:
        path = tuple(error.absolute_path)
        keyword = error.validator
        if keyword == "required":
            return self._missing(error, path)
        if keyword == "additionalProperties":
            return self._unexpected(error, path)
        if keyword in ("oneOf", "anyOf"):
            return self._union(error, path)
        if keyword in ("enum", "const"):
            raw: Any = error.validator_value
            allowed: list[Any] = list(raw) if keyword == "enum" and isinstance(raw, list) else [raw]
            return [(path, f"Invalid value {error.instance!r}; expected {_choices(allowed)}")]
        return [(path, error.message)]

    def _missing(self, error: SchemaError, path: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], str]]:
        instance = error.instance
        names = error.validator_value if isinstance(error.validator_value, list) else []
        missing = [n for n in names if isinstance(instance, Mapping) and n not in instance]
        missing = [n for n in missing if repr(n) in error.message] or missing
        return [((*path, str(name)), "Required") for name in missing[:1]] or [(path, error.message)]

    def _unexpected(self, error: SchemaError, path: tuple[str | int, ...]) -> list[tuple[tuple[str | int, ...], str]]:
        schema = error.schema if isinstance(error.schema, Mapping) else {}
        known = schema.get("properties", {})
        patterns = schema.get("patternProperties", {})
        instance = error.instance if isinstance(error.instance, Mapping) else {}
        extra = [key for key in instance if key not in known and not any(re.search(p, key) for p in patterns)]
        if not extra:
            return [(path, error.message)]
        allowed = ", ".join(sorted(str(k) for k in known)) or "none"
        return [((*path, str(key)), f"Unrecognized key {key!r}; allowed keys: {allowed}") for key in extra]

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
            if value not in found.variant_indexes:
                return [((*path, name), f"Invalid value {value!r}; expected {choices}")]
            chosen = found.variant_indexes[value]
            result: list[tuple[tuple[str | int, ...], str]] = []
            for sub in error.context or ():
                if sub.relative_schema_path and sub.relative_schema_path[0] == chosen:
                    result.extend(self._describe(sub))
            return result or [(path, error.message)]
        values: list[Any] = []
        for option in options:
            allowed = self.index.allowed_values(option)
            if allowed is None:
                values = []
                break
            values.extend(allowed)
        if values:
            return [(path, f"Invalid value {instance!r}; expected {_choices(values)}")]
        return [(path, error.message)]


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
    rendered = [repr(value) for value in values]
    if len(rendered) == 1:
        return rendered[0]
    return "one of " + " | ".join(rendered)
