"""Every integration test runs with the SDK logging at DEBUG (as under ``APIFRAME_LOG=debug``), and
no log record it produces, formatted with its arguments and traceback, may contain an API key."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

import pytest

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
