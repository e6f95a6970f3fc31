"""The fuzzer's servers: the API's origin and a file host on another port, one pair per worker."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hostile_world import FuzzServer


@pytest.fixture(scope="session")
def servers() -> Iterator[tuple[FuzzServer, FuzzServer]]:
    api, files = FuzzServer(), FuzzServer()
    try:
        yield api, files
    finally:
        api.close()
        files.close()
