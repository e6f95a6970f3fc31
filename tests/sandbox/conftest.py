"""Shared fixtures for the sandbox tests: servers, HTTP clients, conformance checks.

Every response a test client receives is validated against the response
schema the spec declares for its operation and status (see ``Conformance``);
a test fails at teardown if any response did not conform.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sandbox_helpers import ClientFactory, Conformance

from apiframe.testing import ManualClock, Sandbox, SandboxConfig, load_spec
from apiframe.testing._catalog import SpecIndex
from apiframe.testing._validation import RequestValidator

FAST = SandboxConfig(job_seconds=0.2, webhook_retry_delays=(0.02, 0.05))


@pytest.fixture(scope="session")
def spec_index() -> SpecIndex:
    return SpecIndex(load_spec())


@pytest.fixture(scope="session")
def conformance_base(spec_index: SpecIndex) -> Conformance:
    return Conformance(spec_index, RequestValidator(spec_index))


@pytest.fixture
def conformance(conformance_base: Conformance) -> Iterator[Conformance]:
    """A fresh checker per test; fails the test if a response broke the spec."""
    checker = Conformance(conformance_base.index, conformance_base.validator)
    yield checker
    assert not checker.violations, "\n".join(checker.violations)


@pytest.fixture
def make_client(conformance: Conformance) -> Iterator[ClientFactory]:
    """Build httpx clients whose responses are checked against the spec."""
    clients: list[httpx.Client] = []

    def factory(sandbox: Sandbox, key: str | None = "default", **kwargs: Any) -> httpx.Client:
        headers = dict(kwargs.pop("headers", {}))
        if key == "default":
            headers["X-API-Key"] = sandbox.api_key
        elif key is not None:
            headers["X-API-Key"] = key
        client = httpx.Client(
            base_url=sandbox.base_url,
            headers=headers,
            event_hooks={"response": [conformance.check]},
            timeout=10,
            **kwargs,
        )
        clients.append(client)
        return client

    yield factory
    for client in clients:
        client.close()


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    """A fast sandbox shared by the tests of one module."""
    with Sandbox(FAST) as running:
        yield running


@pytest.fixture
def client(sandbox: Sandbox, make_client: ClientFactory) -> httpx.Client:
    return make_client(sandbox)


@pytest.fixture
def manual() -> Iterator[tuple[Sandbox, ManualClock]]:
    """A sandbox driven by a manual clock (jobs take 10 s of manual time)."""
    clock = ManualClock(start=1_800_000_000.0)
    with Sandbox(SandboxConfig(job_seconds=10.0, tick_seconds=0.01), clock=clock) as running:
        yield running, clock
