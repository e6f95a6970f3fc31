"""Every integration test runs with the SDK logging at DEBUG (as under ``APIFRAME_LOG=debug``), and
no log record it produces, formatted with its arguments and traceback, may contain an API key.

Every test that builds its own ``AsyncApiframe`` (without an ``http_client``) runs twice: on the
default httpx transport and on the aiohttp one (``APIFRAME_HTTP_BACKEND``, set for that test only)."""

from __future__ import annotations

import inspect
import logging
import re
from collections.abc import Iterator

import pytest

BACKENDS = ["httpx", "aiohttp"]


def _builds_default_async_client(function: object) -> bool:
    try:
        source = inspect.getsource(function)  # type: ignore[arg-type]
    except (OSError, TypeError):
        return False
    return "AsyncApiframe(" in source and "http_client=" not in source and "http_backend=" not in source


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if _builds_default_async_client(metafunc.function):
        metafunc.fixturenames.append("http_backend")
        metafunc.parametrize("http_backend", BACKENDS, indirect=True)


@pytest.fixture
def http_backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The transport every ``AsyncApiframe`` of this test uses by default."""
    backend: str = request.param
    monkeypatch.setenv("APIFRAME_HTTP_BACKEND", backend)
    return backend


KEY_PATTERN = re.compile(r"afk_[A-Za-z0-9_]{3,}")
"""The sandbox's keys (``afk_...``): none may reach a log record."""


@pytest.fixture(autouse=True)
def no_key_in_debug_logs(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    with caplog.at_level(logging.DEBUG):
        yield
    handler = logging.Formatter()
    leaks = []
    for record in [*caplog.get_records("setup"), *caplog.get_records("call")]:
        text = handler.format(record)
        if KEY_PATTERN.search(text):
            leaks.append(f"{record.name}: {text[:300]}")
    assert leaks == [], "an API key reached the logs"
