"""Rewrite the Apiframe OpenAPI document into a shape openapi-python-client handles cleanly.

Every rule is driven by the document's shape, never by a list of model names. Two outputs:

* ``normalize(spec, lock)`` keeps the meaning of every schema (a validator accepts exactly the
  same documents): operation ids, hoisted union variants and params blocks, merged single-value
  enum unions, ``const`` discriminators, one shared webhook-event enum.
* ``for_generator(normalized)`` adds the lossy rewrites the generator needs: float enums become
  documented numbers, nullable enums get titles, ``"true"/"false"`` query enums become booleans,
  and response schemas are opened up so a value or field the spec does not know yet never
  breaks parsing.

``lock`` is the committed name lock (``openapi/names.lock.json``): names it records are reused, so
a newer spec can add classes but never renames one. Stdlib only.
"""

from __future__ import annotations

import copy
import json
import re
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

JSON = Any
REF_PREFIX = "#/components/schemas/"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
DOC_KEYS = ("description", "summary", "externalDocs", "examples", "example", "contact", "license", "termsOfService")


# --------------------------------------------------------------------------- naming helpers


def pascal(text: str) -> str:
    """``"flux-1.1-pro"`` -> ``"Flux11Pro"``, ``"add_vocals"`` -> ``"AddVocals"``, ``"lab851"`` kept."""
    parts = re.split(r"[^0-9A-Za-z]+", text)
    out = []
    for part in parts:
        if not part:
            continue
        # split camelCase boundaries so "midjourneyParams" -> "Midjourney", "Params"
        for piece in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+", part):
            out.append(piece[:1].upper() + piece[1:])
    return "".join(out)


def snake(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text).lower()).strip("_")


def union_prefix(component: str) -> str:
    """``GenerateImageRequest`` -> ``GenerateImage``; the prefix of its variants' class names."""
    return component[: -len("Request")] if component.endswith("Request") else component


def singular(text: str) -> str:
    return text[:-1] if text.endswith("s") and not text.endswith("ss") else text


# --------------------------------------------------------------------------- generic walking


def walk(node: JSON) -> Iterator[dict[str, Any]]:
    """Every dict in the document, parents before children."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            yield current
            stack.extend(reversed(list(current.values())))
        elif isinstance(current, list):
            stack.extend(reversed(current))


def single_value(schema: JSON) -> tuple[bool, Any]:
    """Whether ``schema`` admits exactly one value (``enum: [x]`` or ``const: x``), and the value."""
    if not isinstance(schema, dict):
        return False, None
    if "const" in schema:
        return True, schema["const"]
    enum = schema.get("enum")
    if isinstance(enum, list) and len(enum) == 1:
        return True, enum[0]
    return False, None


def is_object_schema(schema: JSON) -> bool:
    return (
        isinstance(schema, dict) and "$ref" not in schema and (schema.get("type") == "object" or "properties" in schema)
    )


def canonical(schema: JSON) -> str:
    return json.dumps(schema, sort_keys=True, separators=(",", ":"))


def operations(spec: JSON) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                yield path, method, item[method]


# --------------------------------------------------------------------------- rule: operation ids


def operation_id(path: str, method: str, has_path_param: bool) -> str:
    """``<resource>_<verb>``: ``images_generate``, ``jobs_get``, ``loras_delete``, ``me_get``."""
    segments = [s for s in path.split("/") if s and not re.fullmatch(r"v\d+", s)]
    literal = [s for s in segments if not s.startswith("{")]
    resource = snake(literal[0]) if literal else "root"
    rest = [snake(s) for s in literal[1:]]
    if rest:
        verb = "_".join(rest)
    elif method == "get":
        verb = "get" if has_path_param or (len(segments) == 1 and resource == "me") else "list"
    elif method == "post":
        verb = "create"
    elif method == "delete":
        verb = "delete"
    elif method in ("put", "patch"):
        verb = "update"
    else:
        verb = method
    return f"{resource}_{verb}"


def add_operation_ids(spec: JSON) -> None:
    seen: dict[str, str] = {}
    for path, method, op in operations(spec):
        params = op.get("parameters", []) + spec["paths"][path].get("parameters", [])
        has_path_param = any(p.get("in") == "path" for p in params if isinstance(p, dict))
        op_id = op.get("operationId") or operation_id(path, method, has_path_param)
        if op_id in seen:
            raise ValueError(f"operationId {op_id!r} used by {seen[op_id]} and {method.upper()} {path}")
        seen[op_id] = f"{method.upper()} {path}"
        op["operationId"] = op_id


def lowercase_tags(spec: JSON) -> None:
    for _, _, op in operations(spec):
        if "tags" in op:
            op["tags"] = [t.lower() for t in op["tags"]]
    for tag in spec.get("tags", []):
        tag["name"] = tag["name"].lower()


# --------------------------------------------------------------------------- rule: hoisting


def discriminator_of(variants: list[JSON]) -> str | None:
    """The property every variant pins to one distinct value, if there is exactly one such."""
    if not variants or not all(is_object_schema(v) for v in variants):
        return None
    candidates = None
    for variant in variants:
        pinned = {k for k, p in variant.get("properties", {}).items() if single_value(p)[0]}
        pinned &= set(variant.get("required", []))
        candidates = pinned if candidates is None else candidates & pinned
    for name in sorted(candidates or ()):
        values = [single_value(v["properties"][name])[1] for v in variants]
        if all(isinstance(x, str) for x in values) and len(set(values)) == len(values):
            return name
    return None


class Namer:
    """Hands out component names, preferring those the lock recorded."""

    def __init__(self, spec: JSON, lock: JSON) -> None:
        self.schemas: dict[str, Any] = spec.setdefault("components", {}).setdefault("schemas", {})
        self.lock = lock
        self.taken = set(self.schemas)

    def claim(self, wanted: list[str], fallback: str) -> str:
        for name in [*wanted, fallback]:
            if name and name not in self.taken:
                self.taken.add(name)
                return name
        n = 2
        while f"{fallback}{n}" in self.taken:
            n += 1
        self.taken.add(f"{fallback}{n}")
        return f"{fallback}{n}"


def hoist_unions(spec: JSON, lock: JSON) -> None:
    """Name every inline ``oneOf`` variant and every inline params block."""
    namer = Namer(spec, lock)
    variant_lock: dict[str, str] = lock.setdefault("variants", {})
    params_lock: dict[str, str] = lock.setdefault("params", {})
    for union_name in sorted(list(namer.schemas)):
        union = namer.schemas[union_name]
        variants = union.get("oneOf")
        if not isinstance(variants, list):
            continue
        disc = discriminator_of(variants)
        if disc is None:
            continue
        prefix = union_prefix(union_name)
        mapping: dict[str, str] = {}
        refs = []
        # params blocks: same property name + identical content share a class
        groups: OrderedDict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = OrderedDict()
        for variant in variants:
            value = single_value(variant["properties"][disc])[1]
            for prop, sub in variant["properties"].items():
                if prop != disc and is_object_schema(sub):
                    groups.setdefault((prop, canonical(sub)), []).append((value, variant))
        first_group: dict[str, tuple[str, str]] = {}
        for key in groups:
            first_group.setdefault(key[0], key)
        block_name: dict[tuple[str, str], str] = {}
        for key, users in groups.items():
            prop = key[0]
            lock_keys = [f"{union_name}.{prop}@{value}" for value, _ in users]
            wanted = [params_lock[k] for k in lock_keys if k in params_lock]
            default = pascal(prop) if first_group[prop] == key else pascal(users[0][0]) + "Params"
            name = namer.claim(wanted, default)
            block_name[key] = name
            namer.schemas[name] = json.loads(key[1])
            for k in lock_keys:
                params_lock[k] = name
        for variant in variants:
            value = single_value(variant["properties"][disc])[1]
            for prop, sub in list(variant["properties"].items()):
                if prop != disc and is_object_schema(sub):
                    variant["properties"][prop] = {"$ref": REF_PREFIX + block_name[(prop, canonical(sub))]}
            lock_key = f"{union_name}#{value}"
            name = namer.claim([variant_lock.get(lock_key, "")], prefix + pascal(value))
            variant_lock[lock_key] = name
            namer.schemas[name] = variant
            mapping[value] = REF_PREFIX + name
            refs.append({"$ref": REF_PREFIX + name})
        union["oneOf"] = refs
        union["discriminator"] = {"propertyName": disc, "mapping": mapping}


# --------------------------------------------------------------------------- rule: enums


def merge_single_value_unions(spec: JSON) -> None:
    """``anyOf``/``oneOf`` of single-value enums -> one ``enum`` (integral numbers -> integer)."""
    for node in walk(spec):
        for key in ("anyOf", "oneOf"):
            options = node.get(key)
            if not isinstance(options, list) or not options:
                continue
            if not all(
                isinstance(o, dict) and set(o) <= {"enum", "const", "type"} and single_value(o)[0] for o in options
            ):
                continue
            values = [single_value(o)[1] for o in options]
            types = {o.get("type") for o in options}
            del node[key]
            node["enum"] = values
            if len(types) == 1 and None not in types:
                node["type"] = types.pop()
    for node in walk(spec):
        integral_enum(node)


def integral_enum(node: dict[str, Any]) -> None:
    enum = node.get("enum")
    if (
        node.get("type") == "number"
        and isinstance(enum, list)
        and enum
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) and float(v).is_integer() for v in enum)
    ):
        node["type"] = "integer"
        node["enum"] = [int(v) for v in enum]


def consts(spec: JSON) -> None:
    """Single-value enums become ``const``; a required discriminator also gets it as default."""
    for node in walk(spec):
        enum = node.get("enum")
        if isinstance(enum, list) and len(enum) == 1 and enum[0] is not None:
            node["const"] = enum[0]
            del node["enum"]
    schemas = spec.get("components", {}).get("schemas", {})
    for union in schemas.values():
        disc = union.get("discriminator", {}).get("propertyName")
        if not disc:
            continue
        for ref in union["oneOf"]:
            target = schemas[ref["$ref"][len(REF_PREFIX) :]]
            prop = target["properties"][disc]
            prop["default"] = prop["const"]


def hoist_shared_enums(spec: JSON) -> None:
    """An enum used identically as the items of the same array property in several union
    variants (``webhookEvents``) is defined once, as ``<Singular property>``."""
    schemas = spec["components"]["schemas"]
    variants = [
        name
        for union in schemas.values()
        if "discriminator" in union
        for name in (r["$ref"][len(REF_PREFIX) :] for r in union["oneOf"])
    ]
    usage: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for name in variants:
        for prop, sub in schemas[name].get("properties", {}).items():
            items = sub.get("items") if isinstance(sub, dict) else None
            if isinstance(items, dict) and isinstance(items.get("enum"), list) and len(items["enum"]) > 1:
                usage.setdefault(prop, {}).setdefault(canonical(items), []).append(sub)
    for prop, by_content in sorted(usage.items()):
        if len(by_content) != 1:
            continue
        ((content, users),) = by_content.items()
        if len(users) < 2:
            continue
        name = pascal(singular(prop))
        if name in schemas:
            continue
        schemas[name] = json.loads(content)
        for sub in users:
            sub["items"] = {"$ref": REF_PREFIX + name}


def normalize(spec: JSON, lock: JSON | None = None) -> JSON:
    """The meaning-preserving rewrites. Returns a new document; ``lock`` is updated in place."""
    out = copy.deepcopy(spec)
    lock = {} if lock is None else lock
    add_operation_ids(out)
    lowercase_tags(out)
    merge_single_value_unions(out)
    hoist_unions(out, lock)
    consts(out)
    hoist_shared_enums(out)
    return out


# --------------------------------------------------------------------------- generator-only rules


def float_enums(spec: JSON) -> None:
    """The generator cannot hold non-integral number enums: keep the number, document the values."""
    for node in walk(spec):
        values = node.get("enum")
        if (
            node.get("type") == "number"
            and isinstance(values, list)
            and any(isinstance(v, float) and not v.is_integer() for v in values)
        ):
            del node["enum"]
            allowed = ", ".join(format(v, "g") for v in values)
            node["description"] = (node.get("description", "") + f" Allowed values: {allowed}.").strip()


def nullable_enums(spec: JSON) -> None:
    """``type: [string, null]`` with an enum -> ``anyOf [enum, null]`` with a readable title."""
    schemas = spec["components"]["schemas"]
    for owner, schema in schemas.items():
        for node in walk(schema):
            for prop, sub in list(node.get("properties", {}).items()):
                if not isinstance(sub, dict) or not isinstance(sub.get("type"), list):
                    continue
                types = [t for t in sub["type"] if t != "null"]
                if "null" not in sub["type"] or len(types) != 1:
                    continue
                if "enum" not in sub and types[0] != "object":
                    continue
                inner = {k: v for k, v in sub.items() if k not in ("type", "description", "default")}
                inner["type"] = types[0]
                if "enum" in inner:
                    inner["enum"] = [v for v in inner["enum"] if v is not None]
                # the generator prefixes enum titles with the owner's name, but not object titles
                inner["title"] = pascal(prop) if "enum" in inner else owner + pascal(prop)
                new = {"anyOf": [inner, {"type": "null"}]}
                if "description" in sub:
                    new["description"] = sub["description"]
                node["properties"][prop] = new


def boolean_queries(spec: JSON) -> None:
    for _, _, op in operations(spec):
        for param in op.get("parameters", []):
            schema = param.get("schema", {})
            if param.get("in") == "query" and sorted(schema.get("enum", [])) == ["false", "true"]:
                default = schema.get("default")
                param["schema"] = {"type": "boolean"}
                if default in ("true", "false"):
                    param["schema"]["default"] = default == "true"


def response_only_schemas(spec: JSON) -> set[str]:
    """Components reachable from responses but not from any request body or parameter."""
    schemas = spec["components"]["schemas"]

    def closure(roots: list[JSON]) -> set[str]:
        seen: set[str] = set()
        stack = list(roots)
        while stack:
            for node in walk(stack.pop()):
                ref = node.get("$ref")
                if isinstance(ref, str) and ref.startswith(REF_PREFIX):
                    name = ref[len(REF_PREFIX) :]
                    if name not in seen:
                        seen.add(name)
                        stack.append(schemas[name])
        return seen

    requests, responses = [], []
    for _, _, op in operations(spec):
        requests.append(op.get("requestBody", {}))
        requests.append(op.get("parameters", []))
        responses.append(op.get("responses", {}))
    return closure(responses) - closure(requests)


def open_responses(spec: JSON) -> None:
    """A status, enum value or field the spec does not know yet must not break parsing: in
    response-only schemas every string enum also accepts any string, and objects keep unknown keys."""
    schemas = spec["components"]["schemas"]
    for name in sorted(response_only_schemas(spec)):
        for node in walk(schemas[name]):
            if node.get("additionalProperties") is False:
                del node["additionalProperties"]
            for prop, sub in list(node.get("properties", {}).items()):
                if isinstance(sub, dict):
                    node["properties"][prop] = open_enum(sub, pascal(prop))


def open_enum(sub: dict[str, Any], title: str) -> dict[str, Any]:
    """A closed string enum also accepts any string: ``anyOf [enum, string(, null)]``.

    The generator prefixes an enum's ``title`` with its owner's name (``JobStatus``)."""
    if sub.get("type") == "string" and isinstance(sub.get("enum"), list) and len(sub["enum"]) > 1:
        known = {k: v for k, v in sub.items() if k != "description"}
        sub = {"anyOf": [known], **({"description": sub["description"]} if "description" in sub else {})}
    options = sub.get("anyOf")
    if not isinstance(options, list):
        return sub
    enums = [o for o in options if isinstance(o, dict) and o.get("type") == "string" and "enum" in o]
    for option in enums:
        option.setdefault("title", title)
    if enums and {"type": "string"} not in options:
        position = max(options.index(o) for o in enums) + 1
        options.insert(position, {"type": "string"})
    return sub


def plain_ids(spec: JSON) -> None:
    """``format: uuid`` stays a ``str``: ids pass from one call to the next unchanged, and a
    server that one day sends another id shape does not break parsing."""
    for node in walk(spec):
        if node.get("format") == "uuid":
            del node["format"]


def for_generator(normalized: JSON) -> JSON:
    out = copy.deepcopy(normalized)
    plain_ids(out)
    float_enums(out)
    nullable_enums(out)
    open_responses(out)
    boolean_queries(out)
    return out


def strip_docs(spec: JSON) -> JSON:
    """A compact copy for runtime validation: no prose, no servers, no webhooks section."""
    out = copy.deepcopy(spec)
    for key in ("servers", "tags", "externalDocs", "webhooks"):
        out.pop(key, None)
    out["info"] = {"title": out["info"]["title"], "version": out["info"]["version"]}
    drop_docs(out)
    return out


def drop_docs(node: JSON, *, names: bool = False) -> None:
    """Remove prose keys; the keys of a ``properties`` map are names, never prose."""
    if isinstance(node, list):
        for item in node:
            drop_docs(item)
        return
    if not isinstance(node, dict):
        return
    if not names:
        for key in DOC_KEYS:
            node.pop(key, None)
    for key, value in node.items():
        drop_docs(value, names=(key == "properties" and not names))
