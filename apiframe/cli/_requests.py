"""Generation requests as the command line and batch files give them, checked against the spec.

A request is a model, a prompt and flat ``params``. Which endpoint serves a model, which
property is its params block and what type each ``key=value`` string becomes are all read
from the spec, so a model added to the spec works here after ``make generate``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .._bodies import build_body, suggest
from .._errors import InvalidRequestError
from .._schema import REF, operation, operations, resolve

__all__ = [
    "MODALITIES",
    "GenerationRequest",
    "coerce",
    "generate_operation",
    "parse_assignments",
    "request_from_line",
]

MODALITIES = ("image", "video", "music")


def generate_operation(modality: str) -> str:
    """The operation id that generates ``modality`` (``images_generate``, ``music_generate``)."""
    for candidate in (f"{modality}s_generate", f"{modality}_generate"):
        if candidate in operations():
            return candidate
    raise InvalidRequestError(
        f"unknown modality {modality!r}; choose one of: {', '.join(MODALITIES)}", field="modality"
    )


def _operation_for_model(model: str) -> str:
    owners = [generate_operation(m) for m in MODALITIES if model in operation(generate_operation(m)).variants]
    if len(owners) == 1:
        return owners[0]
    if owners:
        raise InvalidRequestError(
            f'model {model!r} generates several modalities; add "modality": one of {", ".join(owners)}',
            field="modality",
        )
    every = sorted({m for modality in MODALITIES for m in operation(generate_operation(modality)).variants})
    raise InvalidRequestError(
        f"unknown model {model!r}{suggest(model, every)} (`apiframe models` lists them)", field="model", allowed=every
    )


def _variant(operation_id: str, model: str) -> Mapping[str, Any]:
    op = operation(operation_id)
    if model not in op.variants:
        allowed = sorted(op.variants)
        raise InvalidRequestError(
            f"unknown model {model!r} for {operation_id}{suggest(model, allowed)} (accepted: {', '.join(allowed)})",
            field="model",
            allowed=allowed,
        )
    return resolve({"$ref": REF + op.variants[model]})


def params_property(operation_id: str, model: str) -> tuple[str, Mapping[str, Any]]:
    """The Python name and schema of the model's params block (the variant's object property)."""
    variant = _variant(operation_id, model)
    for wire, sub in variant.get("properties", {}).items():
        target = resolve(sub)
        if target.get("type") == "object" or "properties" in target:
            return str(sub.get("x-python-name", wire)), target
    raise InvalidRequestError(f"model {model!r} takes no params block", field="params")


def _kinds(schema: Mapping[str, Any]) -> tuple[set[str], list[Any]]:
    schema = resolve(schema)
    kinds: set[str] = set()
    values: list[Any] = []
    declared = schema.get("type")
    if isinstance(declared, str):
        kinds.add(declared)
    elif isinstance(declared, list):
        kinds.update(str(k) for k in declared)
    if "const" in schema:
        values.append(schema["const"])
    values.extend(schema.get("enum", []))
    for branch in schema.get("anyOf", []) + schema.get("oneOf", []):
        more_kinds, more_values = _kinds(branch)
        kinds |= more_kinds
        values.extend(more_values)
    return kinds, values


def coerce(text: str, schema: Mapping[str, Any] | None) -> Any:
    """A ``key=value`` string as the type its schema wants (``5`` -> 5, ``true`` -> True)."""
    if schema is None:
        return text
    kinds, values = _kinds(schema)
    for value in values:
        if value is not None and (str(value) == text or (isinstance(value, bool) and str(value).lower() == text)):
            return value
    if "string" in kinds and not values:
        return text
    if "boolean" in kinds and text.lower() in ("yes", "no", "on", "off"):
        return text.lower() in ("yes", "on")
    try:
        return json.loads(text)
    except ValueError:
        return text  # left as text: the schema check says what is expected


def parse_assignments(pairs: Iterable[str]) -> dict[str, str]:
    """``["a=1", "b=x=y"]`` -> ``{"a": "1", "b": "x=y"}``; a pair without ``=`` is a usage error."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InvalidRequestError(f"--param takes key=value, got {pair!r}", field="params")
        out[key.strip()] = value
    return out


@dataclass(frozen=True, slots=True)
class GenerationRequest:
    """One checked generation: the operation, the keyword arguments for the client and the body."""

    operation_id: str
    model: str
    kwargs: Mapping[str, Any]
    body: Mapping[str, Any] = field(repr=False)

    def submitter(self, client: Any) -> Any:
        """The client method that submits it (``client.images.generate``), sync or async."""
        from ..resources._generated import METHODS  # operationId -> (resource, method), from the spec

        resource, method = METHODS[self.operation_id]
        return getattr(getattr(client, resource), method)

    @property
    def prompt(self) -> str:
        return str(self.kwargs.get("prompt") or "")


def build_request(
    operation_id: str,
    model: str,
    *,
    prompt: str | None = None,
    params: Mapping[str, Any] | None = None,
    text_params: Mapping[str, str] | None = None,
    webhook_url: str | None = None,
) -> GenerationRequest:
    """Check a request completely (model, every param and value) without sending anything."""
    name, schema = params_property(operation_id, model)
    block = dict(params or {})
    props: Mapping[str, Any] = schema.get("properties", {})
    for key, text in (text_params or {}).items():
        block[key] = coerce(text, props.get(key))
    kwargs: dict[str, Any] = {"model": model}
    if prompt is not None:
        kwargs["prompt"] = prompt
    if block:
        kwargs[name] = block
    if webhook_url:
        kwargs["webhook_url"] = webhook_url
    body = build_body(operation_id, None, kwargs)
    return GenerationRequest(operation_id, model, kwargs, body)


def request_from_line(data: Any) -> GenerationRequest:
    """A batch line (``{"model", "prompt", "params", "modality"?, "webhook_url"?}``), checked."""
    if not isinstance(data, dict):
        raise InvalidRequestError(f"a line must be a JSON object, got {type(data).__name__}", field="line")
    known = {"model", "prompt", "params", "modality", "webhook_url"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InvalidRequestError(
            f"unknown key(s) {', '.join(map(repr, unknown))}; a line takes {', '.join(sorted(known))}",
            field=unknown[0],
        )
    model = data.get("model")
    if not isinstance(model, str) or not model:
        raise InvalidRequestError('"model" is required (a model id; `apiframe models` lists them)', field="model")
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise InvalidRequestError('"params" must be a JSON object of the model\'s parameters', field="params")
    modality = data.get("modality")
    operation_id = generate_operation(str(modality)) if modality else _operation_for_model(model)
    prompt = data.get("prompt")
    return build_request(
        operation_id,
        model,
        prompt=None if prompt is None else str(prompt),
        params=params,
        webhook_url=data.get("webhook_url"),
    )
