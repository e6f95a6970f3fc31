"""Schemathesis fuzzes the sandbox over HTTP against the synced spec (``openapi/openapi.json``).

For every operation, a few schema-valid (positive) and schema-violating (negative)
requests, generated deterministically, go to a sandbox on 127.0.0.1 that serves
that same document. Each response must: not be a server error; be a 4xx for a
request that breaks the schema; use a documented status code, content type,
headers and body schema; and a secured operation that succeeds must refuse the same
request without the API key or with a wrong one. Where the spec cannot describe what the API does (so the
sandbox cannot obey both), exactly that check is excused for exactly those
operations and responses, each with its reason, in ``spec_gaps()``.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from apiframe.testing import Sandbox, SandboxConfig

if TYPE_CHECKING:
    from schemathesis import Case
    from schemathesis.checks import CheckFunction
    from schemathesis.core.transport import Response

# Schemathesis (and the schema it loads) is imported when a test of this module first runs, not at
# collection: it costs ~0.4 s of CPU, and every xdist worker collects every module. The tests are
# parametrized by the document's own operation labels ("POST /v2/images/generate").

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
DOCUMENT: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
LABELS = sorted(
    f"{method.upper()} {path}"
    for path, item in DOCUMENT["paths"].items()
    for method in item
    if method in ("get", "post", "put", "patch", "delete")
)
"""Every operation the document declares, as Schemathesis labels them."""

MAX_EXAMPLES = 8
"""Per operation and mode: about 300 requests in all, a few seconds of wall time."""
REQUEST_TIMEOUT = 5.0
"""Each request's deadline: a sandbox that hangs fails the test instead of stalling the suite."""


@functools.cache
def operations() -> dict[str, Any]:
    """Schemathesis' operations of the document, by label."""
    import schemathesis

    schema = schemathesis.openapi.from_dict(copy.deepcopy(DOCUMENT))
    return {op.label: op for op in (result.ok() for result in schema.get_all_operations())}


@functools.cache
def checks() -> list[CheckFunction]:
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi import checks as openapi

    return [
        not_a_server_error,
        openapi.negative_data_rejection,
        openapi.positive_data_acceptance,
        openapi.status_code_conformance,
        openapi.content_type_conformance,
        openapi.ignored_auth,
        openapi.response_headers_conformance,
        openapi.response_schema_conformance,
    ]


def _sent_header(response: Response, name: str) -> str | None:
    value = response.request.headers.get(name)
    return value.decode() if isinstance(value, bytes) else value


def _error_details(response: Response) -> dict[str, Any]:
    try:
        body = json.loads(response.content)
    except ValueError:
        return {}
    details = body.get("details") if isinstance(body, dict) else None
    return details if isinstance(details, dict) else {}


@dataclass(frozen=True)
class SpecGap:
    """One check excused where the spec cannot say what the API does."""

    check: CheckFunction
    operations: frozenset[str]
    applies: Callable[[Response], bool]
    why: str


def submissions() -> frozenset[str]:
    """The operations that take an ``Idempotency-Key`` (the job-creating ones)."""
    return frozenset(
        label for label, op in operations().items() if any(p.name == "Idempotency-Key" for p in op.iter_parameters())
    )


_ACTIONS = frozenset(label for label in LABELS if label.endswith("/action"))


@functools.cache
def spec_gaps() -> tuple[SpecGap, ...]:
    from schemathesis.specs.openapi.checks import positive_data_acceptance, status_code_conformance

    job_creating = submissions()
    return (
        SpecGap(
            positive_data_acceptance,
            job_creating,
            lambda r: _sent_header(r, "Idempotency-Key") == "" and set(_error_details(r)) == {"Idempotency-Key"},
            "The Idempotency-Key schema has no minLength, but an empty key is no key: the API answers 400.",
        ),
        SpecGap(
            status_code_conformance,
            job_creating,
            lambda r: r.status_code == 409,
            "A key replayed with a different body is a 409 (as the official Node SDK documents); "
            "the spec lists no 409 for job-creating routes.",
        ),
        SpecGap(
            status_code_conformance,
            _ACTIONS,
            lambda r: r.status_code in (404, 409),
            "An unknown parent job is a 404 and an action the parent cannot take a 409 (the spec's "
            "own text says so), but the action routes list neither status.",
        ),
        SpecGap(
            positive_data_acceptance,
            frozenset({"GET /v2/jobs", "GET /v2/loras"}),
            lambda r: set(_error_details(r)) == {"cursor"},
            "The cursor is an opaque token from a previous page; the spec can only call it a string, "
            "so a made-up cursor is schema-valid yet refused.",
        ),
        SpecGap(
            positive_data_acceptance,
            frozenset({"POST /v2/loras"}),
            lambda r: r.status_code == 400,
            "Rules the multipart schema cannot state: gender and ethnicity are required when "
            "subjectKind is person, and training images must really be JPEG, PNG or WebP.",
        ),
        SpecGap(
            positive_data_acceptance,
            frozenset({"POST /v2/uploads"}),
            lambda r: set(_error_details(r)) == {"file"},
            "The spec's file is any binary; the API sniffs the bytes and refuses unknown media types.",
        ),
    )


def excused_checks(case: Case, response: Response) -> list[CheckFunction]:
    """The checks a spec gap excuses for this operation and response."""
    return [gap.check for gap in spec_gaps() if case.operation.label in gap.operations and gap.applies(response)]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    """A sandbox serving the same document Schemathesis reads, with credits to spare."""
    config = SandboxConfig(job_seconds=0.2, initial_credits=10**9, seed=1)
    with Sandbox(config, spec=copy.deepcopy(DOCUMENT)) as running:
        yield running


def test_every_spec_operation_is_fuzzed() -> None:
    assert set(operations()) == set(LABELS)
    assert len(LABELS) >= 19
    assert submissions() >= {"POST /v2/images/generate"}


@pytest.mark.parametrize("mode", ["positive", "negative"])
@pytest.mark.parametrize("label", LABELS)
def test_the_sandbox_keeps_the_contract(sandbox: Sandbox, label: str, mode: str) -> None:
    from hypothesis import HealthCheck, Phase, given, settings
    from schemathesis import GenerationMode

    operation = operations()[label]
    headers = {"X-API-Key": sandbox.api_key}
    calls: list[int] = []

    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=GenerationMode(mode)))
    def run(case: Case) -> None:
        response = case.call(base_url=sandbox.base_url, headers=headers, timeout=REQUEST_TIMEOUT)
        calls.append(response.status_code)
        case.validate_response(response, checks=checks(), excluded_checks=excused_checks(case, response))

    run()
    assert calls, f"Schemathesis generated no request for {label} ({mode})"
