"""A request body is validated against the one branch its discriminator (``model``, ``action``)
names, and that gives the very answer trying every branch of the union gives: the same accept or
reject decision, the same messages under the same field paths."""

from __future__ import annotations

import copy
import json
from typing import Any

from sandbox_helpers import minimal_instance

from apiframe.testing import load_spec
from apiframe.testing._catalog import SpecIndex
from apiframe.testing._validation import RequestValidator


def _cases(index: SpecIndex) -> list[tuple[str, Any]]:
    """(body pointer, instance): each branch's smallest body, and that body broken one of three ways."""
    cases: list[tuple[str, Any]] = []
    for op in index.operations:
        union = index.discriminator(op.json_body_pointer) if op.json_body_pointer else None
        if op.json_body_pointer is None or union is None:
            continue
        pointer, name = op.json_body_pointer, union.property
        for number, branch in enumerate(union.variants.values()):
            body = minimal_instance(index, {"$ref": f"#{branch}"})
            others = [key for key in body if key != name] or [name]
            broken = (
                {**body, "notAField": True},  # an unknown key
                {key: body[key] for key in body if key != others[0]},  # a required field dropped
                {**body, others[-1]: [{"deep": None}]},  # a field of the wrong type
            )
            cases += [(pointer, body), (pointer, broken[number % 3])]  # each kind on a third of the branches
        cases.append((pointer, {"prompt": "no discriminator"}))
        cases.append((pointer, {name: 7, "prompt": "a number for a name"}))
        cases.append((pointer, {name: ["a", "list"]}))
    return cases


def test_the_named_branch_decides_as_the_whole_union_does() -> None:
    document = load_spec()
    index = SpecIndex(document)
    by_branch = RequestValidator(index)
    # The same spec, except that each body union also says "type": "object" (true of every case
    # below): a union that asserts more than its branches is validated whole, branch after branch.
    whole_document = copy.deepcopy(document)
    whole_index = SpecIndex(whole_document)
    for op in whole_index.operations:
        if op.json_body_pointer is not None and whole_index.discriminator(op.json_body_pointer) is not None:
            whole_index.schema(op.json_body_pointer)["type"] = "object"
    whole = RequestValidator(whole_index)
    cases = _cases(index)
    assert len(cases) > 100
    accepted = 0
    for pointer, body in cases:
        expected = whole.errors(pointer, body)
        assert by_branch.errors(pointer, body) == expected, json.dumps(body)[:300]
        assert by_branch.is_valid(pointer, body) == whole.is_valid(pointer, body) == (not expected)
        accepted += not expected
    assert 30 < accepted < len(cases) - 30  # both decisions are well represented
    pointer, body = cases[0]
    assert _visits(by_branch, pointer, body) < _visits(whole, pointer, body)  # two different paths agreed


def test_a_named_branch_is_much_less_work_than_the_whole_union() -> None:
    index = SpecIndex(load_spec())
    validator = RequestValidator(index)
    pointer = index.operation("POST", "/v2/images/generate").json_body_pointer
    assert pointer is not None
    body = {"model": "flux-1.1-pro", "prompt": "a fox"}
    assert validator.errors(pointer, body) == {}
    union = index.discriminator(pointer)
    assert union is not None and len(union.variants) > 10
    # the work is counted in schema nodes visited, which the clock cannot blur
    visits = _visits(validator, pointer, body)
    assert 0 < visits * 5 < _visits(validator, pointer, {**body, "model": None})


def _visits(validator: RequestValidator, pointer: str, body: Any) -> int:
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped, unused-ignore]

    counted = 0
    real = Draft202012Validator.descend

    def descend(self: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal counted
        counted += 1
        return real(self, *args, **kwargs)

    Draft202012Validator.descend = descend
    try:
        validator.errors(pointer, body)
    finally:
        Draft202012Validator.descend = real
    return counted
