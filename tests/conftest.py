"""Fixtures every test folder may use."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest


@pytest.fixture
def black_hole() -> Iterator[str]:
    """An address whose connection attempts get no answer: a listener with a full accept queue."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    filler = socket.create_connection(("127.0.0.1", port))  # the one the queue holds; never accepted
    yield f"http://127.0.0.1:{port}"
    filler.close()
    listener.close()
