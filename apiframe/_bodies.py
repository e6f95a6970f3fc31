"""Turning keyword arguments into checked wire bodies, queries and paths, driven by the spec.

Python names (``midjourney_params``) map to wire names (``midjourneyParams``) through the
``x-python-name`` each property carries in the shipped spec, so no model is named here. Every
problem is raised as :class:`~apiframe.InvalidRequestError` before anything is sent.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import quote

from ._errors import InvalidRequestError
from ._schema import ID_RULE, MAX_ID, REF, Problem, is_safe_id, operation, resolve, validate

__all__ = [
    "build_body",
    "build_form",
    "build_plain_body",
    "build_query",
    "check_id",
    "modality_of",
    "path_for",
    "python_call",
    "suggest",
    "unknown_arguments",
    "unknown_variant",
]


def _python_names(schema: Mapping[str, Any]) -> dict[str, str]:
    """Python name -> wire name for an object schema's properties."""
    props: Mapping[str, Any] = resolve(schema).get("properties", {})
    return {str(sub.get("x-python-name", wire)): wire for wire, sub in props.items()}


def _py_name(schema: Mapping[str, Any], wire: str) -> str:
    sub = resolve(schema).get("properties", {}).get(wire)
    return str(sub.get("x-python-name", wire)) if isinstance(sub, dict) else wire


def suggest(word: str, choices: list[str]) -> str:
    """``"; did you mean 'x'?"`` when one of ``choices`` is close to ``word``, else ``""``."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _allows_null(schema: Mapping[str, Any]) -> bool:
    schema = resolve(schema)
    kinds = schema.get("type")
    if kinds == "null" or (isinstance(kinds, list) and "null" in kinds):
        return True
    return any(_allows_null(branch) for branch in schema.get("anyOf", []) + schema.get("oneOf", []))


def _to_wire(value: Any, schema: Mapping[str, Any] | None) -> Any:
    """A user value in wire form: attrs models via ``to_dict``, dict keys renamed, tuples as lists."""
    if hasattr(value, "to_dict") and hasattr(type(value), "__attrs_attrs__"):
        return value.to_dict()
    target = resolve(schema) if schema is not None else {}
    if isinstance(value, Mapping):
        names = _python_names(target) if "properties" in target else {}
        props: Mapping[str, Any] = target.get("properties", {})
        out: dict[str, Any] = {}
        for key, item in value.items():
            wire = names.get(str(key), str(key))
            if item is None and not (wire in props and _allows_null(props[wire])):
                continue
            out[wire] = _to_wire(item, props.get(wire))
        return out
    if isinstance(value, list | tuple):
        items = target.get("items")
        return [_to_wire(item, items) for item in value]
    return value


def _field(path: tuple[str | int, ...], schema: Mapping[str, Any]) -> str:
    """A problem's path in Python names: ``midjourney_params.aspect_ratio``, ``webhook_events[0]``."""
    parts: list[str] = []
    current: Mapping[str, Any] | None = schema
    for step in path:
        if isinstance(step, int):
            parts.append(f"[{step}]")
            current = resolve(current).get("items") if current is not None else None
            continue
        name = _py_name(current, step) if current is not None else step
        parts.append(("." if parts else "") + name)
        props = resolve(current).get("properties", {}) if current is not None else {}
        current = props.get(step)
    return "".join(parts)


def _raise(problems: list[Problem], schema: Mapping[str, Any], context: str) -> None:
    first = problems[0]
    lines = []
    for problem in problems[:5]:
        where = _field(problem.path, schema) or "body"
        text = f"{where} {problem.message}" if problem.message.startswith("is ") else f"{where}: {problem.message}"
        if problem.allowed is not None and problem.message == "is not accepted here":
            names = [_py_name(_parent(problem.path, schema), str(a)) for a in problem.allowed]
            text += f"{suggest(str(problem.path[-1]), names)} (accepted: {', '.join(names)}; {BYPASS_KEY})"
        lines.append(text)
    more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
    allowed = first.allowed
    if allowed is not None and first.message == "is not accepted here":
        allowed = tuple(_py_name(_parent(first.path, schema), str(a)) for a in allowed)
    raise InvalidRequestError(
        f"{context}: {'; '.join(lines)}{more}",
        field=_field(first.path, schema) or None,
        allowed=allowed,
        fields=[name for name in (_field(problem.path, schema) for problem in problems[:5]) if name],
    )


def _parent(path: tuple[str | int, ...], schema: Mapping[str, Any]) -> Mapping[str, Any]:
    current: Any = schema
    for step in path[:-1]:
        current = resolve(current)
        current = current.get("items") if isinstance(step, int) else current.get("properties", {}).get(step, {})
    return resolve(current)


def _owners(op_variants: Mapping[str, str], wire_or_py: str) -> list[str]:
    """The discriminator values whose variant accepts a property with this name."""
    found = []
    for value, name in op_variants.items():
        variant = resolve({"$ref": REF + name})
        if wire_or_py in variant.get("properties", {}) or wire_or_py in _python_names(variant):
            found.append(value)
    return sorted(found)


BYPASS_KEY = "to send a key this SDK does not know yet, pass it in extra_body={...} (its wire name)"


def bypass_model(disc: str) -> str:
    """How to send a discriminator value the shipped spec does not know."""
    return (
        f"if the API added this {disc} after this SDK was released, pass validate=False "
        "(and its arguments in extra_body={...})"
    )


def python_call(operation_id: str) -> str:
    """How Python sends an operation: ``client.images.generate(model=...)``."""
    from apiframe_client.method_names import METHODS  # operationId -> (resource, method), from the spec

    resource, method = METHODS.get(operation_id, (operation_id.partition("_")[0], operation_id.partition("_")[2]))
    disc = operation(operation_id).discriminator or "model"
    return f"client.{resource}.{method}({disc}=...)"


def _owners_of(value: str) -> list[str]:
    """The job operations (discriminated bodies) that take ``value`` as their discriminator."""
    from ._schema import operations

    return [oid for oid, op in sorted(operations().items()) if op.discriminator and value in op.variants]


def modality_of(operation_id: str) -> str | None:
    """The modality an operation's group is for (``images_upscale`` -> ``image``), from the catalogue's enum."""
    entry = resolve({"$ref": REF + "ModelCatalogEntry"})
    group = operation_id.partition("_")[0]
    return next((str(m) for m in entry["properties"]["modality"]["enum"] if group.startswith(str(m))), None)


def _doing(operation_id: str) -> str:
    """What an operation does, in words: ``generate images``, ``do images upscale``."""
    group, _, action = operation_id.partition("_")
    return f"generate {group}" if action == "generate" else f"do {group} {action.replace('_', ' ')}"


def unknown_variant(operation_id: str, value: object, name: Callable[[str], str]) -> InvalidRequestError:
    """The error for a model (or action) this operation does not take, in the caller's words.

    ``name`` spells an operation as the caller sends it (``client.videos.generate(model=...)`` in
    Python, ```apiframe generate video``` in the shell). A value that another medium's same
    operation takes names that one; a value of another operation says this one does not do it
    (never sending the caller to another operation); an unknown value gets the closest match, the
    accepted values and how to send a value newer than this SDK.
    """
    op = operation(operation_id)
    what = op.discriminator or "model"
    allowed = sorted(op.variants)
    action = operation_id.partition("_")[2]
    text = value if isinstance(value, str) else repr(value)
    owners = _owners_of(value) if isinstance(value, str) else []
    same = [oid for oid in owners if oid != operation_id and oid.partition("_")[2] == action]
    if same:
        where = " or ".join(name(oid) for oid in same)
        modality = modality_of(same[0])
        kind = f"{'an' if modality[0] in 'aeiou' else 'a'} {modality} {what}" if modality else f"a {what}"
        return InvalidRequestError(f"{text} is {kind}: use {where}", field=what, allowed=allowed)
    if owners:
        return InvalidRequestError(
            f"{text} does not {_doing(operation_id)}; {name(operation_id)} takes these {what}s: {', '.join(allowed)}",
            field=what,
            allowed=allowed,
        )
    return InvalidRequestError(
        f"unknown {what} {value!r} for {name(operation_id)}{suggest(str(value), allowed)} "
        f"(accepted: {', '.join(allowed)}); {bypass_model(what)}",
        field=what,
        allowed=allowed,
    )


def unknown_arguments(
    operation_id: str, call: str, unknown: Sequence[str], known: Iterable[str]
) -> InvalidRequestError:
    """The error for keyword arguments a method does not take: each with its closest argument,
    and a wire name (``midjourneyParams``) with the Python name it stands for."""
    op = operation(operation_id)
    wire_to_python: dict[str, str] = {}
    for component in op.variants.values():
        for python, wire in _python_names({"$ref": REF + component}).items():
            wire_to_python.setdefault(wire, python)
    choices = sorted(name for name in known if not name.startswith("_"))
    parts = []
    for key in unknown:
        found = wire_to_python.get(key)
        if found is not None and found != key:
            parts.append(f"unknown argument {key!r}; did you mean {found!r}? (the Python name of the API's {key})")
        else:
            parts.append(f"unknown argument {key!r}{suggest(key, choices)}")
    return InvalidRequestError(f"{call}() got {'; '.join(parts)}", field=unknown[0], fields=list(unknown))


def build_body(
    operation_id: str, request: object, kwargs: Mapping[str, Any], *, validate: bool = True
) -> dict[str, Any]:
    """The checked JSON body of a model-discriminated call, from a request object or keywords.

    ``validate=False`` sends a discriminator value the shipped spec does not know and skips the
    schema checks; argument names are still mapped to wire names wherever the spec knows them.
    """
    op = operation(operation_id)
    if op.discriminator is None or op.body_schema is None:
        raise TypeError(f"{operation_id} has no discriminated body")
    disc = op.discriminator
    if request is not None:
        if kwargs:
            raise InvalidRequestError(
                f"pass either a request object or keyword arguments, not both (got {sorted(kwargs)})",
                field=sorted(kwargs)[0],
            )
        if hasattr(request, "to_dict") and hasattr(type(request), "__attrs_attrs__"):
            cls = type(request).__name__
            if cls not in op.variants.values():
                raise InvalidRequestError(
                    f"{cls} is not a request for this call; use one of {', '.join(sorted(op.variants.values()))}",
                    field=disc,
                )
            model: Any = request
            body: dict[str, Any] = model.to_dict()
            if validate:
                _check_body(op.variants, body, disc)
            return body
        if not isinstance(request, Mapping):
            raise InvalidRequestError(
                f"the request must be a generated request object or a dict, got {type(request).__name__}",
                field=disc,
            )
        kwargs = dict(request)
    values = dict(kwargs)
    choice = values.pop(disc, None)
    allowed = sorted(op.variants)
    if choice is None:
        if len(allowed) != 1:
            raise InvalidRequestError(
                f"{disc}= is required; choose one of: {', '.join(allowed)}", field=disc, allowed=allowed
            )
        choice = allowed[0]
    if choice not in op.variants:
        if not validate and isinstance(choice, str) and choice:
            return _unchecked_body(op.variants, disc, choice, values)
        raise unknown_variant(operation_id, choice, python_call)
    variant: Mapping[str, Any] = {"$ref": REF + op.variants[choice]}
    props: Mapping[str, Any] = resolve(variant).get("properties", {})
    names = _python_names(variant)
    body = {}
    for key, value in values.items():
        wire = names.get(key) or (key if key in props else None)
        if wire is None:
            owners = _owners(op.variants, key)
            accepted = sorted(n for n in names if n != disc)
            where = f"; it belongs to {disc} {', '.join(repr(o) for o in owners[:6])}" if owners else ""
            raise InvalidRequestError(
                f"{disc} {choice!r} does not accept {key!r}{where}{suggest(key, accepted) if not owners else ''} "
                f"(accepted: {', '.join(accepted)}); {BYPASS_KEY}",
                field=key,
                allowed=accepted,
            )
        if value is None and not _allows_null(props[wire]):
            continue
        body[wire] = _to_wire(value, props[wire])
    body[disc] = choice
    if validate:
        _check_body(op.variants, body, disc)
    return body


def _unchecked_body(variants: Mapping[str, str], disc: str, choice: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """The body for a discriminator value the spec does not know: names mapped where known, nothing checked."""
    known: dict[str, tuple[str, Mapping[str, Any]]] = {}
    for name in variants.values():
        variant = resolve({"$ref": REF + name})
        for python, wire in _python_names(variant).items():
            known.setdefault(python, (wire, variant["properties"][wire]))
    body: dict[str, Any] = {}
    for key, value in values.items():
        if value is None:
            continue
        wire, schema = known.get(key, (key, None))
        body[wire] = _to_wire(value, schema)
    body[disc] = choice
    return body


def _check_body(variants: Mapping[str, str], body: Mapping[str, Any], disc: str) -> None:
    choice = body.get(disc)
    if choice not in variants:
        allowed = sorted(variants)
        raise InvalidRequestError(
            f"unknown {disc} {choice!r}{suggest(str(choice), allowed)} (accepted: {', '.join(allowed)}); "
            + bypass_model(disc),
            field=disc,
            allowed=allowed,
        )
    schema: Mapping[str, Any] = {"$ref": REF + variants[str(choice)]}
    problems = validate(body, schema)
    if problems:
        _raise(problems, schema, f"invalid request for {disc} {choice!r}")


def build_plain_body(operation_id: str, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """The checked JSON body of a call whose body is one plain object schema."""
    op = operation(operation_id)
    if op.body_schema is None:
        raise TypeError(f"{operation_id} has no body")
    body = _to_wire({k: v for k, v in kwargs.items() if v is not None}, op.body_schema)
    problems = validate(body, op.body_schema)
    if problems:
        _raise(problems, op.body_schema, "invalid request")
    result: dict[str, Any] = body
    return result


@functools.cache
def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def build_query(operation_id: str, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """The checked query parameters of a call, from Python names (``include_archived``)."""
    op = operation(operation_id)
    by_python = {_snake(name): name for name in op.query}
    out: dict[str, Any] = {}
    for key, value in kwargs.items():
        if value is None:
            continue
        wire = by_python.get(key) or (key if key in op.query else None)
        if wire is None:
            accepted = sorted(by_python)
            raise InvalidRequestError(
                f"unknown argument {key!r}{suggest(key, accepted)} (accepted: {', '.join(accepted)})",
                field=key,
                allowed=accepted,
            )
        schema = op.query[wire].get("schema", {})
        if isinstance(value, bool) and validate(value, schema):
            value = "true" if value else "false"  # a query enum spelled ["true", "false"]
        problems = validate(value, schema)
        if problems:
            first = problems[0]
            raise InvalidRequestError(f"{key}: {first.message}", field=key, allowed=first.allowed)
        out[wire] = value
    return out


def check_id(value: object, field: str) -> str:
    """``value`` if it can be one segment of a URL path (a job, LoRA or asset id), else InvalidRequestError.

    Call it on every id before the first request, so a bad one among many fails before anything is sent.
    """
    if not is_safe_id(value):
        if isinstance(value, str) and len(value) > MAX_ID:
            raise InvalidRequestError(f"{field}: {value!r:.60}... is too long for an id; {ID_RULE}", field=field)
        raise InvalidRequestError(f"{field}: {value!r:.100} is not an id; {ID_RULE}", field=field)
    return value


def path_for(operation_id: str, **params: Any) -> str:
    """The operation's path with its ``{placeholders}`` filled by checked, quoted ids."""
    op = operation(operation_id)
    path = op.path
    for name in op.path_params:
        value = check_id(params.get(name), _snake(name))
        path = path.replace("{" + name + "}", quote(value, safe=""))
    return path


def build_form(
    operation_id: str, fields: Mapping[str, Any], files: Mapping[str, object]
) -> tuple[list[tuple[str, str]], dict[str, list[Any]]]:
    """The checked text fields and file lists of a multipart call, from Python names.

    ``files`` maps a Python name to the list given for an array-of-binary property; its length is
    checked against the spec's item limits (the files themselves are opened by the caller). A list
    given for a string field is sent comma-separated. Returns (wire text fields, wire name -> files).
    """
    op = operation(operation_id)
    if op.body_schema is None:
        raise TypeError(f"{operation_id} has no body")
    schema = resolve(op.body_schema)
    props: Mapping[str, Any] = schema.get("properties", {})
    names = _python_names(schema)
    wire_files: dict[str, list[Any]] = {}
    for name, given in files.items():
        wire = names.get(name, name)
        limits = resolve(props.get(wire, {}))
        if isinstance(given, str | bytes) or not isinstance(given, list | tuple):
            raise InvalidRequestError(f"{name} must be a list of files (paths, bytes or file objects)", field=name)
        low, high = limits.get("minItems", 0), limits.get("maxItems", len(given))
        if not low <= len(given) <= high:
            raise InvalidRequestError(f"{name}: takes {low}-{high} {name}, got {len(given)}", field=name)
        wire_files[wire] = list(given)
    present: dict[str, Any] = {}
    for name, value in fields.items():
        if value is None:
            continue
        key = names.get(name) or (name if name in props else None)
        if key is None:
            accepted = sorted(n for n in names if names[n] not in wire_files)
            raise InvalidRequestError(
                f"unknown argument {name!r}{suggest(name, accepted)} (accepted: {', '.join(accepted)})",
                field=name,
                allowed=accepted,
            )
        kind = resolve(props[key]).get("type")
        if kind == "string" and isinstance(value, list | tuple):
            value = ",".join(str(item) for item in value)
        present[key] = value
    rest = {**schema, "required": [r for r in schema.get("required", []) if r not in wire_files]}
    problems = validate(present, rest)
    if problems:
        _raise(problems, rest, "invalid request")
    text = [(key, str(value).lower() if isinstance(value, bool) else str(value)) for key, value in present.items()]
    return text, wire_files
