"""Fixtures of the hostile-server tests: two misbehaving servers (the API and another origin)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hostile_server import KEY, HostileServer, serving

from apiframe import Apiframe


@pytest.fixture
def server() -> Iterator[HostileServer]:
    """The API's origin."""
    yield from serving(HostileServer())


@pytest.fixture
def other() -> Iterator[HostileServer]:
    """Another origin: a redirect target, a file host; records whether the key reached it."""
    yield from serving(HostileServer())


@pytest.fixture
def client(server: HostileServer) -> Iterator[Apiframe]:
    with Apiframe(api_key=KEY, base_url=server.url, max_retries=0) as c:
        yield c
