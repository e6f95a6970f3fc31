"""Job requests from wire data (a batch line, ``--param KEY=VALUE`` strings), checked against the spec.

A job operation is any operation whose body is discriminated (by ``model`` or ``action``):
generate, upscale, edit, background removal, Midjourney and Suno actions. A request is the
operation, the discriminator value, a prompt, the variant's other top-level fields and flat
``params`` for the model's params block. Which operations exist, what their commands are called,
which property is the params block and what type each ``key=value`` string becomes are all read
from the spec, so a model or operation added to the spec works here after ``make generate``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from ._bodies import build_body, suggest, unknown_variant
from ._errors import InvalidRequestError
from ._options import deep_merge
from ._plural import noun
from ._schema import REF, Operation, operation, operations, resolve

if TYPE_CHECKING:
    from ._client import Apiframe, AsyncApiframe

__all__ = [
    "LINE_KEYS",
    "GenerationRequest",
    "build_request",
    "coerce",
    "command_name",
    "describe",
    "field_options",
    "generate_operation",
    "has_params_block",
    "job_operations",
    "modalities",
    "params_blocks",
    "parse_assignments",
    "request_from_line",
    "variant_schema",
]

_DELIVERY = ("webhook_url", "webhook_events")
"""Top-level fields every job operation takes, set by their own options."""


@cache
def job_operations() -> Mapping[str, Operation]:
    """Every job-creating operation of the spec (a discriminated body), by operation id."""
    return {oid: op for oid, op in sorted(operations().items()) if op.discriminator and op.variants}


@cache
def modalities() -> tuple[str, ...]:
    """What models generate (``image``, ``video``, ``music``), from the spec's model catalogue."""
    entry = resolve({"$ref": REF + "ModelCatalogEntry"})
    return tuple(str(v) for v in entry["properties"]["modality"]["enum"])


def generate_operation(modality: str) -> str:
    """The operation id that generates ``modality`` (``images_generate``, ``music_generate``)."""
    for candidate in (f"{modality}s_generate", f"{modality}_generate"):
        if candidate in job_operations():
            return candidate
    raise InvalidRequestError(
        f"unknown modality {modality!r}; choose one of: {', '.join(modalities())}", field="modality"
    )


def command_name(operation_id: str) -> str:
    """The command that runs an operation: ``apiframe generate image``, ``apiframe images upscale``."""
    for modality in modalities():
        if generate_operation_or_none(modality) == operation_id:
            return f"apiframe generate {modality}"
    group, _, rest = operation_id.partition("_")
    return f"apiframe {group} {rest.replace('_', '-')}"


def generate_operation_or_none(modality: str) -> str | None:
    try:
        return generate_operation(modality)
    except InvalidRequestError:
        return None


def _owners(value: str) -> list[str]:
    return [oid for oid, op in job_operations().items() if value in op.variants]


def _unknown(operation_id: str, value: str) -> InvalidRequestError:
    """A value this operation does not take, in the SDK's words with the commands' names."""
    return unknown_variant(operation_id, value, lambda oid: f"`{command_name(oid)}`")


def variant_schema(operation_id: str, value: str) -> Mapping[str, Any]:
    """The body schema of one variant (a model or an action) of a job operation."""
    op = job_operations()[operation_id]
    if value not in op.variants:
        raise _unknown(operation_id, value)
    return resolve({"$ref": REF + op.variants[value]})


def _params_block(variant: Mapping[str, Any]) -> tuple[str, Mapping[str, Any]] | None:
    for wire, sub in variant.get("properties", {}).items():
        target = resolve(sub)
        if target.get("type") == "object" or "properties" in target:
            return str(sub.get("x-python-name", wire)), target
    return None


def _top_fields(variant: Mapping[str, Any], discriminator: str) -> dict[str, Mapping[str, Any]]:
    out: dict[str, Mapping[str, Any]] = {}
    for wire, sub in variant.get("properties", {}).items():
        name = str(sub.get("x-python-name", wire))
        target = resolve(sub)
        if wire == discriminator or name in _DELIVERY or target.get("type") == "object" or "properties" in target:
            continue
        out[name] = sub
    return out


@cache
def field_options(operation_id: str) -> Mapping[str, tuple[Mapping[str, Any], tuple[str, ...]]]:
    """The top-level fields any variant takes (not the params block): name -> (schema, variants)."""
    op = job_operations()[operation_id]
    found: dict[str, tuple[Mapping[str, Any], list[str]]] = {}
    for value in op.variants:
        for name, schema in _top_fields(variant_schema(operation_id, value), str(op.discriminator)).items():
            found.setdefault(name, (schema, []))[1].append(value)
    return {name: (schema, tuple(users)) for name, (schema, users) in found.items()}


@cache
def params_blocks() -> frozenset[str]:
    """The names (Python and wire) of every model's params block, read from the spec."""
    names: set[str] = set()
    for op in operations().values():
        for component in op.variants.values():
            for wire, sub in resolve({"$ref": REF + component}).get("properties", {}).items():
                target = resolve(sub)
                if target.get("type") == "object" or "properties" in target:
                    names.update((wire, str(sub.get("x-python-name", wire))))
    return frozenset(names)


def has_params_block(operation_id: str) -> bool:
    op = job_operations()[operation_id]
    return any(_params_block(variant_schema(operation_id, value)) for value in op.variants)


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


def describe(schema: Mapping[str, Any]) -> tuple[str, list[Any]]:
    """(type name, allowed values) of a parameter schema, for help and ``models show``."""
    kinds, values = _kinds(schema)
    target = resolve(schema)
    if "array" in kinds and "items" in target:
        inner, _ = describe(target["items"])
        return f"list of {inner}", values
    kind = "|".join(sorted(kinds - {"null"})) or ("enum" if values else "any")
    return kind, values


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
    """One checked job request: the operation, the keyword arguments for the client and the body."""

    operation_id: str
    model: str
    """The discriminator value: the model, or the action for Midjourney and Suno actions."""
    kwargs: Mapping[str, Any]
    body: Mapping[str, Any] = field(repr=False)

    def submitter(self, client: Apiframe | AsyncApiframe) -> Callable[..., Any]:
        """The client method that submits it (``client.images.generate``), sync or async."""
        from apiframe_client.method_names import METHODS  # operationId -> (resource, method), from the spec

        resource, method = METHODS[self.operation_id]
        submit: Callable[..., Any] = getattr(getattr(client, resource), method)
        return submit

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
    fields: Mapping[str, Any] | None = None,
    text_fields: Mapping[str, str] | None = None,
    webhook_url: str | None = None,
    extra_body: Mapping[str, Any] | None = None,
    validate: bool = True,
) -> GenerationRequest:
    """Check a request completely (variant, every field, param and value) without sending anything.

    ``text_params`` and ``text_fields`` are strings from the command line, typed by the schema.
    ``extra_body`` (wire names) is merged into the body unchecked; ``validate=False`` skips the
    checks and takes a model (or action) the shipped spec does not know.
    """
    op = job_operations().get(operation_id) or operation(operation_id)
    discriminator = str(op.discriminator)
    known = model in op.variants
    variant = variant_schema(operation_id, model) if known or validate else {}
    kwargs: dict[str, Any] = {discriminator: model}
    top = _top_fields(variant, discriminator)
    for name, value in (fields or {}).items():
        kwargs[name] = value
    for name, text in (text_fields or {}).items():
        kwargs[name] = coerce(text, top.get(name))
    if prompt is not None:
        kwargs["prompt"] = prompt
    block = dict(params or {})
    if text_params or block:
        found = _params_block(variant)
        if found is None and not known:
            raise InvalidRequestError(
                f"{model} is not in this SDK's spec, so its parameters block is unknown: pass the parameters "
                'in extra_body={...} under their wire name (for example {"acmeParams": {...}})',
                field="params",
            )
        if found is None:
            raise InvalidRequestError(
                f"{model} takes no model parameters (--param); its fields: {', '.join(sorted(top)) or 'none'}",
                field="params",
            )
        name, schema = found
        props: Mapping[str, Any] = schema.get("properties", {})
        for key, text in (text_params or {}).items():
            block[key] = coerce(text, props.get(key))
        kwargs[name] = block
    if webhook_url:
        kwargs["webhook_url"] = webhook_url
    body = build_body(operation_id, None, kwargs, validate=validate)
    if extra_body:
        body = deep_merge(body, extra_body)
        kwargs["extra_body"] = dict(extra_body)
    if not validate:
        kwargs["validate"] = False
    return GenerationRequest(operation_id, model, kwargs, body)


def _operation_for_value(value: str, key: str) -> str:
    owners = [oid for oid in _owners(value) if job_operations()[oid].discriminator == key]
    if len(owners) == 1:
        return owners[0]
    if owners:
        raise InvalidRequestError(
            f'{key} {value!r} belongs to several operations; add "operation": one of {", ".join(owners)}',
            field="operation",
            allowed=owners,
        )
    every = sorted({v for op in job_operations().values() if op.discriminator == key for v in op.variants})
    raise InvalidRequestError(
        f"unknown {key} {value!r}{suggest(value, every)} (`apiframe models` lists them)", field=key, allowed=every
    )


LINE_KEYS = ("operation", "modality", "model", "action", "prompt", "params", "webhook_url")
"""What a batch line may hold, besides the chosen operation's own top-level fields."""


def request_from_line(data: Any) -> GenerationRequest:
    """A batch line, checked: ``{"model", "prompt", "params"}`` for a generation, or any job operation
    with ``"operation"`` (``images_upscale``, ``images_midjourney_action``...) and its fields."""
    if not isinstance(data, dict):
        raise InvalidRequestError(f"a line must be a JSON object, got {type(data).__name__}", field="line")
    operation_id = data.get("operation")
    modality = data.get("modality")
    if operation_id is not None and operation_id not in job_operations():
        allowed = sorted(job_operations())
        raise InvalidRequestError(
            f"unknown operation {operation_id!r}{suggest(str(operation_id), allowed)}; one of: {', '.join(allowed)}",
            field="operation",
            allowed=allowed,
        )
    key = "action" if "action" in data and "model" not in data else "model"
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise InvalidRequestError(
            '"model" is required (a model id; `apiframe models` lists them), or "action" for an action',
            field="model",
        )
    if operation_id is None:
        operation_id = generate_operation(str(modality)) if modality else _operation_for_value(value, key)
    op = job_operations()[operation_id]
    if op.discriminator != key:
        raise InvalidRequestError(f'{operation_id} takes "{op.discriminator}", not "{key}"', field=key)
    own = set(field_options(operation_id))
    known = set(LINE_KEYS) | own
    unknown = sorted(set(data) - known)
    if unknown:
        raise InvalidRequestError(
            f"unknown {noun(len(unknown), 'key')} {', '.join(map(repr, unknown))}; "
            f"a line takes {', '.join(sorted(known))}",
            field=unknown[0],
        )
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise InvalidRequestError('"params" must be a JSON object of the model\'s parameters', field="params")
    prompt = data.get("prompt")
    try:
        return build_request(
            operation_id,
            value,
            prompt=None if prompt is None else str(prompt),
            params=params,
            fields={name: data[name] for name in own if name in data and name != "prompt"},
            webhook_url=data.get("webhook_url"),
        )
    except InvalidRequestError as error:  # in the line's own words: its "params", not the SDK's block name
        text = error.message
        for block in params_blocks():
            text = text.replace(f"{block}.", "params.")
        raise InvalidRequestError(text, field=error.field, allowed=error.allowed) from None
