"""pytest fixtures for testing Apiframe integrations against the local sandbox.

Registered automatically through the ``pytest11`` entry point when
``apiframe-sdk`` is installed; the sandbox extra is only needed once a fixture
is used.

* ``apiframe_sandbox``: a running :class:`~apiframe.testing.Sandbox` on a free
  port (``.base_url``, ``.api_key``, ``.set_faults()``, ``.job_count()``...).
  Configure it per test with
  ``@pytest.mark.apiframe_sandbox(job_seconds=1.0, api_key="afk_mine", ...)``
  (any :class:`~apiframe.testing.SandboxConfig` field, plus ``api_key`` and
  ``clock``). Jobs take 0.2 s by default.
* ``apiframe_sandbox_factory``: start more sandboxes with their own settings.
* ``apiframe_client`` / ``apiframe_async_client``: ``apiframe.Apiframe`` /
  ``apiframe.AsyncApiframe`` pointed at ``apiframe_sandbox``.

Every sandbox is stopped at teardown: its thread is joined and its port freed.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from ._server import Sandbox

__all__ = [
    "apiframe_async_client",
    "apiframe_client",
    "apiframe_sandbox",
    "apiframe_sandbox_factory",
]

DEFAULT_FIXTURE_JOB_SECONDS = 0.2
_MARKER = "apiframe_sandbox"

SandboxFactory = Callable[..., "Sandbox"]


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``apiframe_sandbox`` marker."""
    config.addinivalue_line(
        "markers",
        f"{_MARKER}(**settings): configure the apiframe_sandbox fixture (SandboxConfig fields, plus api_key and clock)",
    )


def _start(settings: dict[str, Any]) -> Sandbox:
    try:
        from ._config import SandboxConfig
        from ._server import DEFAULT_API_KEY, Sandbox
    except ModuleNotFoundError as exc:  # pragma: no cover - depends on the install
        from .._extras import missing_extra

        raise RuntimeError(missing_extra("sandbox", exc, "the apiframe sandbox fixtures")) from exc
    options = dict(settings)
    api_key = str(options.pop("api_key", DEFAULT_API_KEY))
    clock = options.pop("clock", None)
    options.setdefault("job_seconds", DEFAULT_FIXTURE_JOB_SECONDS)
    return Sandbox(SandboxConfig(**options), api_key=api_key, clock=clock).start()


@pytest.fixture
def apiframe_sandbox_factory() -> Iterator[SandboxFactory]:
    """Start sandboxes on demand: ``factory(job_seconds=1, faults=FaultConfig(...))``."""
    started: list[Sandbox] = []

    def factory(**settings: Any) -> Sandbox:
        sandbox = _start(settings)
        started.append(sandbox)
        return sandbox

    yield factory
    for sandbox in reversed(started):
        sandbox.stop()


@pytest.fixture
def apiframe_sandbox(request: pytest.FixtureRequest) -> Iterator[Sandbox]:
    """A running sandbox on a free local port, stopped after the test."""
    marker = request.node.get_closest_marker(_MARKER)
    settings: dict[str, Any] = dict(marker.kwargs) if marker is not None else {}
    sandbox = _start(settings)
    try:
        yield sandbox
    finally:
        sandbox.stop()


@pytest.fixture
def apiframe_client(apiframe_sandbox: Sandbox) -> Iterator[Any]:
    """``apiframe.Apiframe`` configured for ``apiframe_sandbox``."""
    from apiframe import Apiframe  # type: ignore[attr-defined, unused-ignore]

    client = Apiframe(api_key=apiframe_sandbox.api_key, base_url=apiframe_sandbox.base_url)
    try:
        yield client
    finally:
        close = getattr(client, "close", None)
        if callable(close):
            close()


@pytest.fixture
def apiframe_async_client(apiframe_sandbox: Sandbox) -> Iterator[Any]:
    """``apiframe.AsyncApiframe`` configured for ``apiframe_sandbox``.

    Closed best-effort at teardown; use ``async with`` in the test for strict cleanup.
    """
    from apiframe import AsyncApiframe  # type: ignore[attr-defined, unused-ignore]

    client = AsyncApiframe(api_key=apiframe_sandbox.api_key, base_url=apiframe_sandbox.base_url)
    try:
        yield client
    finally:
        close = getattr(client, "aclose", None) or getattr(client, "close", None)
        if callable(close):
            with contextlib.suppress(Exception):
                outcome = close()
                if inspect.isawaitable(outcome):
                    asyncio.run(_await(outcome))


async def _await(awaitable: Any) -> None:
    await awaitable
