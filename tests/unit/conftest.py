"""Fixtures of the unit tests: clients over httpx.MockTransport with a fake clock."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from unit_support import API_KEY, FakeClock, Recorder

from apiframe import Apiframe, AsyncApiframe


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def client(recorder: Recorder, clock: FakeClock) -> Iterator[Apiframe]:
    http = httpx.Client(transport=httpx.MockTransport(recorder))
    with Apiframe(api_key=API_KEY, base_url="https://api.test", http_client=http)._use_clock(clock) as c:
        yield c
    http.close()


@pytest.fixture
def async_client(recorder: Recorder, clock: FakeClock) -> AsyncApiframe:
    http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
    return AsyncApiframe(api_key=API_KEY, base_url="https://api.test", http_client=http)._use_clock(clock)
