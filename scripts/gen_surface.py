"""Write the typed surface of the facade's model-discriminated methods, from the normalized spec.

Two outputs (``make generate``):

* ``apiframe_client/surface.py``: a ``TypedDict`` of the wire keys for every object schema a request
  can hold (``MidjourneyParamsDict``), accepted wherever the generated attrs class is.
* ``apiframe/resources/_generated.py``: the resource classes (``Images``, ``AsyncImages``...) with one
  real method per job-creating operation (``client.images.generate``). Each method has typed
  overloads (one per group of models sharing a signature, narrowed on the ``model`` literal, one
  taking a whole request object, one for a model this SDK does not know with ``validate=False``),
  keyword-only arguments and a docstring naming the models and their params blocks, so ``help()``,
  ``inspect.signature`` and IDEs show the truth. The per-call options in those signatures are read
  from ``RequestOptions`` in ``apiframe/_options.py`` (their one definition).
  The same module assembles the hand-written resources (the ``<Name>Methods`` classes of
  ``apiframe/resources/<name>.py``: ``Jobs(JobsMethods)``...) and writes every resource's
  ``with_raw_response`` view, and the clients' (with the ``AccountMethods`` calls, ``me``).

Everything comes from the spec and those sources: no model names live in this script. Method names
are the operationId without the resource (``images_generate`` -> ``images.generate``) unless the name
lock's ``methods`` keeps an older public name.
"""

from __future__ import annotations

import ast
import json
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import python_names

REF = "#/components/schemas/"
ROOT = Path(__file__).resolve().parents[1]
OPTIONS_SOURCE = ROOT / "apiframe" / "_options.py"
RESOURCES = ROOT / "apiframe" / "resources"


def request_options(source: Path = OPTIONS_SOURCE) -> list[tuple[str, str]]:
    """``(name, annotation)`` of every per-call option, in order, as ``RequestOptions`` declares them."""
    for node in ast.parse(source.read_text()).body:
        if isinstance(node, ast.ClassDef) and node.name == "RequestOptions":
            return [
                (statement.target.id, ast.unparse(statement.annotation))
                for statement in node.body
                if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
            ]
    raise SystemExit(f"no RequestOptions class in {source}")


REQUEST_OPTIONS = [name for name, _ in request_options()]
OPTIONS = (
    ("validate", "bool", "True"),
    *((name, f"{annotation} | None", "None") for name, annotation in request_options()),
)


@dataclass(frozen=True)
class Handwritten:
    """A hand-written ``<Name>Methods`` class of ``apiframe/resources/<module>.py``."""

    module: str
    name: str
    doc: str
    methods: tuple[str, ...]
    """Its public calls that end in one result (a raw-response view covers them): not properties,
    not the ones that iterate (``wait_many``), not those inherited (``download``)."""

    @property
    def is_async(self) -> bool:
        return self.name.startswith("Async")

    @property
    def public(self) -> str:
        return self.name.removesuffix("Methods")

    @property
    def attribute(self) -> str:
        return self.public.removeprefix("Async").lower()


def _one_result(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    decorated = {ast.unparse(d) for d in function.decorator_list}
    returns = ast.unparse(function.returns) if function.returns is not None else ""
    if decorated & {"property", "functools.cached_property", "overload"}:
        return False
    return not function.name.startswith("_") and not returns.startswith(("Iterator", "AsyncIterator"))


def handwritten_resources(folder: Path = RESOURCES) -> list[Handwritten]:
    """Every ``<Name>Methods`` class of the resource modules, by module and name."""
    found = []
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ClassDef) and node.name.endswith("Methods"):
                calls = tuple(
                    f.name
                    for f in node.body
                    if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef) and _one_result(f)
                )
                doc = (ast.get_docstring(node) or node.name).strip()
                found.append(Handwritten(path.stem, node.name, doc, calls))
    return sorted(found, key=lambda h: (h.attribute, h.is_async))


def class_name(operation_id: str) -> str:
    return "".join(part.capitalize() for part in operation_id.split("_"))


def object_schemas(node: Any) -> list[dict[str, Any]]:
    """Every schema with ``properties`` in the document: components and inline bodies alike."""
    found, stack = [], [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            if isinstance(current.get("properties"), dict):
                found.append(current)
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    return found


def annotate_python_names(spec: dict[str, Any], identifiers: dict[str, str]) -> None:
    """Record on every property its argument name and, when different, its attribute name."""
    for schema in object_schemas(spec):
        for wire, sub in schema["properties"].items():
            if isinstance(sub, dict):
                sub["x-python-name"] = python_names.argument_name(wire)
                attribute = python_names.attribute_name(wire, identifiers)
                if attribute != sub["x-python-name"]:
                    sub["x-python-attr"] = attribute


def union_operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """(operationId, union component name, union schema, operation) for each discriminated-union body."""
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
                found.append((op["operationId"], name, schemas[name], op))
    return sorted(found, key=lambda found: found[0])


class Writer:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.schemas: dict[str, Any] = spec["components"]["schemas"]
        self.models: set[str] = set()
        self.typed_dicts: dict[str, str] = {}

    def type_of(self, schema: Any) -> str:
        if not isinstance(schema, dict) or not schema:
            return "Any"
        if "$ref" in schema:
            name = schema["$ref"][len(REF) :]
            target = self.schemas[name]
            if target.get("type") == "object" or "properties" in target:
                self.models.add(name)
                return f"{name} | {self.typed_dict(name, target)}"
            return self.type_of(target)
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
                return " | ".join(dict.fromkeys(self.type_of(s) for s in schema[key]))
        kinds = schema.get("type", "any")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        return " | ".join(dict.fromkeys(self.scalar(kind, schema) for kind in kinds))

    def scalar(self, kind: str, schema: dict[str, Any]) -> str:
        if kind == "array":
            return f"Sequence[{self.type_of(schema.get('items', {}))}]"
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
                kind = self.type_of(sub)
                annotation = f"Required[{kind}]" if key in required else kind
                fields.append(f"{key!r}: {annotation!r}")  # quoted: evaluated lazily
            body = ", ".join(fields)
            self.typed_dicts[dict_name] = (
                f'{dict_name} = TypedDict("{dict_name}", {{{body}}}, total=False)\n'
                f'"""Wire-shaped dict accepted wherever ``{name}`` is."""\n'
            )
        return dict_name


def union_parts(annotation: str) -> list[str]:
    """The top-level members of ``A | B[C | D]``: ``["A", "B[C | D]"]``."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(annotation):
        if char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        if char == "|" and depth == 0:
            parts.append(annotation[start:index].strip())
            start = index + 1
    parts.append(annotation[start:].strip())
    return parts


def join_union(*annotations: str) -> str:
    """``A | B``, each member once, ``None`` last."""
    parts = dict.fromkeys(part for annotation in annotations for part in union_parts(annotation))
    has_none = "None" in parts
    parts.pop("None", None)
    return " | ".join([*parts, *(["None"] if has_none else [])])


class Operation:
    """One job-creating operation, read from its union schema."""

    def __init__(self, writer: Writer, operation_id: str, union: dict[str, Any], op: dict[str, Any]) -> None:
        self.operation_id = operation_id
        self.summary = str(op.get("summary") or operation_id).rstrip(".")
        self.disc_wire = union["discriminator"]["propertyName"]
        self.disc = python_names.argument_name(self.disc_wire)
        self.variants: list[str] = []
        self.groups: dict[str, list[str]] = {}  # overload signature -> discriminator values
        self.docs: dict[str, list[str]] = {}  # argument description -> discriminator values
        self.arguments: dict[str, list[str]] = {}  # argument name -> its types over every variant
        self.required: set[str] = set()  # arguments some variant requires
        for value, ref in union["discriminator"]["mapping"].items():
            name = ref[len(REF) :]
            self.variants.append(name)
            writer.models.add(name)
            schema = writer.schemas[name]
            required = set(schema.get("required", [])) - {self.disc_wire}
            params, optional, described = [], [], []
            for wire, sub in schema["properties"].items():
                if wire == self.disc_wire:
                    continue
                arg = python_names.argument_name(wire)
                kind = writer.type_of(sub)
                self.arguments.setdefault(arg, []).append(kind)
                target = writer.schemas.get(sub.get("$ref", "")[len(REF) :], {}) if "$ref" in sub else {}
                block = f" ({sub['$ref'][len(REF) :]})" if "properties" in target else ""
                if wire in required:
                    self.required.add(arg)
                    params.append(f"{arg}: {kind}")
                    described.append(f"{arg}*{block}")
                else:
                    optional.append(f"{arg}: {join_union(kind, 'None')} = None")
                    described.append(f"{arg}{block}")
            self.groups.setdefault(", ".join([*params, *optional]), []).append(value)
            self.docs.setdefault(", ".join(described) or "(no arguments)", []).append(value)

    def implementation_arguments(self) -> list[str]:
        out = [f"{self.disc}: str | NotGiven = NOT_GIVEN"]
        for arg, kinds in self.ordered_arguments():
            out.append(f"{arg}: {join_union(*kinds, 'NotGiven', 'None')} = NOT_GIVEN")
        return out

    def ordered_arguments(self) -> list[tuple[str, list[str]]]:
        """Every argument with its types; those some variant requires come first."""
        return sorted(self.arguments.items(), key=lambda item: item[0] not in self.required)

    def docstring(self, returns: str) -> str:
        lines = [
            f"{self.summary}.",
            "",
            f"Returns {returns} (``.wait()`` for the result).",
            "",
            f"Pass ``{self.disc}=`` and that {self.disc}'s arguments as keywords, or one request object.",
            f"Arguments by {self.disc} (* required; params blocks take the named class or a dict):",
            "",
        ]
        for described, values in self.docs.items():
            names = ", ".join(f"``{v}``" for v in values)
            lines.extend(textwrap.wrap(f"{names}: {described}", 100, subsequent_indent="    ", break_on_hyphens=False))
        lines += [
            "",
            "Checked against the spec before anything is sent (InvalidRequestError). For what this SDK does",
            "not know yet: ``extra_body={...}`` (wire names, merged into the body) and, for a new",
            f"{self.disc}, ``validate=False``. Also: idempotency_key, timeout, max_retries, extra_headers,",
            "extra_query.",
        ]
        body = "\n".join(f"        {line}" if line else "" for line in lines)
        return f'        """{body.lstrip()}\n        """\n'

    def method(self, name: str, call_name: str, *, is_async: bool, returns: str) -> str:
        options = [f"{option}: {kind} = {default}" for option, kind, default in OPTIONS]
        prefix = "async def" if is_async else "def"
        variants = " | ".join(self.variants)
        out = [
            "    @overload\n"
            f"    {prefix} {name}(self, request: {variants}, /, *, {', '.join(options)}) -> {returns}: ...\n"
        ]
        for signature, values in self.groups.items():
            literal = f"Literal[{', '.join(repr(v) for v in values)}]"
            params = ", ".join(p for p in (f"{self.disc}: {literal}", signature, *options) if p)
            out.append(f"    @overload\n    {prefix} {name}(self, /, *, {params}) -> {returns}: ...\n")
        unchecked = [o for o in options if not o.startswith("validate")]
        out.append(
            "    @overload\n"
            f"    {prefix} {name}(self, /, *, {self.disc}: str, validate: Literal[False], {', '.join(unchecked)}) "
            f"-> {returns}: ...\n"
        )
        arguments = ", ".join(self.implementation_arguments())
        values = ", ".join(f"{arg!r}: {arg}" for arg in [self.disc, *dict(self.ordered_arguments())])
        request_options = ", ".join(f"{o!r}: {o}" for o in REQUEST_OPTIONS)
        awaiting = "await " if is_async else ""
        flag = ", is_async=True" if is_async else ""
        out.append(
            f"    @checked_call({self.operation_id!r}, {call_name!r}{flag})\n"
            f"    {prefix} {name}(self, request: {variants} | None = None, /, *, {arguments}, {', '.join(options)}) "
            f"-> {returns}:\n" + self.docstring(returns) + f"        return {awaiting}self._submit(\n"
            f"            {self.operation_id!r},\n"
            "            request,\n"
            f"            {{{values}}},\n"
            "            validate=validate,\n"
            f"            options={{{request_options}}},\n"
            "        )\n"
        )
        return "\n".join(out)


def method_names(operations: list[str], lock: dict[str, str]) -> dict[str, tuple[str, str]]:
    """operationId -> (resource attribute, method name)."""
    out = {}
    for operation_id in operations:
        resource, rest = operation_id.split("_", 1)
        out[operation_id] = (resource, lock.get(operation_id, rest))
    return out


def render_surface(spec: dict[str, Any]) -> str:
    writer = Writer(spec)
    for _, _, union, op in union_operations(spec):
        Operation(writer, "", union, op)
    imports = "\n".join(f"    from .models import {m}" for m in sorted(writer.models))
    return (
        '"""Wire-shaped ``TypedDict``s of the request objects, accepted wherever the attrs class is.\n\n'
        "Generated by `make generate` (scripts/gen_surface.py) from the spec; do not edit.\n"
        '"""\n\n'
        "from __future__ import annotations\n\n"
        "from collections.abc import Mapping, Sequence\n"
        "from typing import TYPE_CHECKING, Any, Literal, Required, TypedDict\n\n"
        "if TYPE_CHECKING:\n" + imports + "\n\n"
        f"__all__ = {sorted(writer.typed_dicts)!r}\n\n"
        + "\n".join(writer.typed_dicts[k] for k in sorted(writer.typed_dicts))
    )


def render_methods(spec: dict[str, Any], lock: dict[str, str]) -> str:
    writer = Writer(spec)
    found = union_operations(spec)
    names = method_names([operation_id for operation_id, *_ in found], lock)
    by_resource: dict[str, list[tuple[str, Operation]]] = {}
    for operation_id, _, union, op in found:
        resource, method = names[operation_id]
        by_resource.setdefault(resource, []).append((method, Operation(writer, operation_id, union, op)))
    classes = []
    for resource, methods in sorted(by_resource.items()):
        for is_async in (False, True):
            cls = ("Async" if is_async else "") + resource.capitalize()
            base = "AsyncResource" if is_async else "SyncResource"
            returns = "AsyncAcceptedJob" if is_async else "AcceptedJob"
            doc = f"``client.{resource}``{' (async)' if is_async else ''}: its job-creating methods."
            body = "\n".join(
                op.method(method, f"{resource}.{method}", is_async=is_async, returns=returns) for method, op in methods
            )
            view = f"{cls}WithRawResponse"
            prop = (
                "    @functools.cached_property\n"
                f"    def with_raw_response(self) -> {view}:\n"
                '        """These methods returning a :class:`~apiframe.RawResponse` (status, headers, request id, '
                '``.parse()``)."""\n'
                f"        return {view}(self)\n\n"
            )
            classes.append(f'class {cls}({base}):\n    """{doc}"""\n\n{prop}{body}')
            wrap = "async_raw" if is_async else "raw"
            assigns = "".join(f"        self.{m} = {wrap}({resource}.{m})\n" for m, _ in methods)
            classes.append(
                f"class {view}:\n"
                f'    """``client.{resource}.with_raw_response``: each method returning a RawResponse."""\n\n'
                f"    def __init__(self, {resource}: {cls}) -> None:\n{assigns}"
            )
    handwritten = handwritten_resources()
    assembled = [h for h in handwritten if h.attribute != "account"]
    for h in assembled:
        classes.extend(render_assembled(h))
    attributes = sorted({*by_resource, *(h.attribute for h in assembled)})
    for h in handwritten:
        if h.attribute == "account":
            classes.append(render_client_view(h, attributes))
    models = "\n".join(f"    from apiframe_client.models import {m}" for m in sorted(writer.models))
    dicts = "\n".join(f"    from apiframe_client.surface import {d}" for d in sorted(writer.typed_dicts))
    exported = sorted(
        [
            *(
                ("Async" if a else "") + r.capitalize() + suffix
                for r in by_resource
                for a in (False, True)
                for suffix in ("", "WithRawResponse")
            ),
            *(h.public + suffix for h in assembled for suffix in ("", "WithRawResponse")),
            *(
                f"{'Async' if h.is_async else ''}ApiframeWithRawResponse"
                for h in handwritten
                if h.attribute == "account"
            ),
        ]
    )
    handwritten_imports = "".join(
        f"from .{module} import {', '.join(sorted(h.name for h in handwritten if h.module == module))}\n"
        for module in sorted({h.module for h in handwritten})
    )
    return (
        '"""The job-creating methods of the resources, sync and async, with their real signatures.\n\n'
        "Generated by `make generate` (scripts/gen_surface.py) from the spec; do not edit.\n"
        '"""\n\n'
        "from __future__ import annotations\n\n"
        "import functools\n"
        "from collections.abc import Mapping, Sequence\n"
        "from typing import TYPE_CHECKING, Any, Literal, overload\n\n"
        "from .._response import async_raw, raw\n"
        "from .._types import NOT_GIVEN, NotGiven\n"
        "from ._base import AsyncResource, SyncResource, checked_call\n" + handwritten_imports + "\n"
        "if TYPE_CHECKING:\n    import httpx\n" + models + "\n" + dicts + "\n\n"
        "    from .._handles import AcceptedJob, AsyncAcceptedJob\n\n"
        f"__all__ = {exported!r}\n\n\n" + "\n\n".join(classes)
    )


REFINED = ("Job", "Output")
"""Names ``apiframe.types`` gives to the SDK's own classes (``apiframe._jobs``), not the generated ones."""


def _raw_view(name: str, attribute: str, owner: str, methods: tuple[str, ...], is_async: bool) -> str:
    wrap = "async_raw" if is_async else "raw"
    listed = ", ".join(methods)
    assigns = "".join(f"        self.{m} = {wrap}({attribute}.{m})\n" for m in methods)
    return (
        f"class {name}:\n"
        f'    """``client.{attribute}.with_raw_response``: {listed} returning a RawResponse."""\n\n'
        f"    def __init__(self, {attribute}: {owner}) -> None:\n{assigns}"
    )


def render_assembled(h: Handwritten) -> list[str]:
    """The public class of a hand-written resource (its methods and its raw-response view), and the view."""
    view = f"{h.public}WithRawResponse"
    doc = h.doc.splitlines()[0]
    cls = (
        f"class {h.public}({h.name}):\n"
        f'    """{doc}"""\n\n'
        "    @functools.cached_property\n"
        f"    def with_raw_response(self) -> {view}:\n"
        '        """These methods returning a :class:`~apiframe.RawResponse` (status, headers, body, '
        '``.parse()``)."""\n'
        f"        return {view}(self)\n"
    )
    return [cls, _raw_view(view, h.attribute, h.name, h.methods, h.is_async)]


def render_client_view(account: Handwritten, attributes: list[str]) -> str:
    """``client.with_raw_response``: every resource's view, and the client's own calls (``account``'s)."""
    prefix = "Async" if account.is_async else ""
    wrap = "async_raw" if account.is_async else "raw"
    declared = "".join(f"    {a}: {prefix}{a.capitalize()}WithRawResponse\n" for a in attributes)
    assigns = "        resources: Any = client  # a client: it has every resource\n" + "".join(
        f"        self.{a} = resources.{a}.with_raw_response\n" for a in attributes
    )
    calls = "".join(f"        self.{m} = {wrap}(client.{m})\n" for m in account.methods)
    return (
        f"class {prefix}ApiframeWithRawResponse:\n"
        f'    """``client.with_raw_response``: every method of {prefix}Apiframe returning a RawResponse."""\n\n'
        f"{declared}\n"
        f"    def __init__(self, client: {account.name}) -> None:\n{assigns}{calls}"
    )


def render_types_stub(models: list[str], dicts: list[str]) -> str:
    """``apiframe/types.pyi``: every generated model and TypedDict by name, for the type checkers."""
    lines = [
        '"""Type information of ``apiframe.types``.',
        "",
        "Generated by `make generate` (scripts/gen_surface.py) from the spec; do not edit.",
        '"""',
        "",
    ]
    lines += [f"from apiframe_client.models import {name} as {name}" for name in models if name not in REFINED]
    lines += [f"from apiframe_client.surface import {name} as {name}" for name in dicts]
    lines += [f"from ._jobs import {name} as {name}" for name in REFINED]
    return "\n".join(lines) + "\n"


def render_method_names(spec: dict[str, Any], lock: dict[str, str]) -> str:
    """``method_names.py``: which ``client.<resource>.<method>`` sends each job operation (a table the
    core reads without importing the resources)."""
    names = method_names([operation_id for operation_id, *_ in union_operations(spec)], lock)
    rows = "".join(f"    {op!r}: {pair!r},\n" for op, pair in sorted(names.items()))
    return (
        '"""Which facade method sends each job operation: ``client.<resource>.<method>``.\n\n'
        "Generated by `make generate` (scripts/gen_surface.py) from the spec; do not edit.\n"
        '"""\n\n'
        f"METHODS: dict[str, tuple[str, str]] = {{\n{rows}}}\n"
    )


def write(normalized: dict[str, Any], target: Path, facade: Path, lock: dict[str, str]) -> None:
    """Write surface.py and method_names.py into the generated package ``target``, the resource methods
    to ``facade``."""
    (target / "surface.py").write_text(render_surface(normalized))
    (target / "method_names.py").write_text(render_method_names(normalized, lock))
    facade.parent.mkdir(parents=True, exist_ok=True)
    facade.write_text(render_methods(normalized, lock))


if __name__ == "__main__":
    import sys

    print(render_methods(json.loads(Path(sys.argv[1]).read_text()), {}))
