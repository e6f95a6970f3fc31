"""One implementation of the logic for the sync and the async client.

Everything the SDK does over the network (a request with retries, polling a job, walking
pages) is written once as a *flow*: a plain generator that yields effects and receives their
results. Two small drivers run flows, one with ``httpx.Client`` and ``time.sleep``, the other
with ``httpx.AsyncClient`` and ``asyncio.sleep``. No logic lives in the drivers.
"""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator, Callable, Generator, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeAlias, TypeVar

import httpx

from ._errors import WaitCancelledError

if TYPE_CHECKING:
    from ._files import MultipartBody

__all__ = [
    "Clock",
    "Drain",
    "Effect",
    "Emit",
    "Flow",
    "RequestSpec",
    "Send",
    "Sleep",
    "SystemClock",
    "Wake",
    "iter_async",
    "iter_sync",
    "run_async",
    "run_sync",
]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RequestSpec:
    """One HTTP request, as the pipeline wants it sent."""

    method: str
    path: str
    headers: Mapping[str, str]
    params: Mapping[str, Any] | None = None
    json: Any = None
    multipart: MultipartBody | None = None
    timeout: httpx.Timeout | None = None


@dataclass(frozen=True, slots=True)
class Send:
    """Send a request; the flow receives the ``httpx.Response`` (body read unless ``stream``)."""

    request: RequestSpec
    stream: bool = False


class Wake(Protocol):
    """Something a pause can end early on (a webhook hub's watch): news ends the pause."""

    def wait(self, seconds: float, cancel: threading.Event | None = None) -> bool:
        """Block up to ``seconds`` or until news; True when ``cancel`` was set instead."""
        ...

    async def wait_async(self, seconds: float) -> None:
        """Sleep up to ``seconds`` on the running loop, or until news."""
        ...


@dataclass(frozen=True, slots=True)
class Sleep:
    """Pause. A sync driver wakes early and raises ``WaitCancelledError`` when ``cancel`` is set.

    With ``wake``, the pause also ends as soon as ``wake`` has news (with the system clock; a test's
    clock sleeps as usual, and the flow takes the news after each pause).
    """

    seconds: float
    cancel: threading.Event | None = None
    wake: Wake | None = None


@dataclass(frozen=True, slots=True)
class Drain:
    """Read a streamed response to its end, handing each chunk to ``sink``, then close it."""

    response: httpx.Response
    sink: Callable[[bytes], object]


@dataclass(frozen=True, slots=True)
class Emit(Generic[T]):
    """Hand a value to whoever iterates the flow (``wait_many``); the flow resumes with None."""

    value: T


Effect: TypeAlias = "Send | Sleep | Drain | Emit[Any]"
Flow: TypeAlias = Generator[Effect, Any, T]


class Clock(Protocol):
    """Time as the SDK sees it; tests pass a fake one."""

    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...

    async def async_sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    async def async_sleep(self, seconds: float) -> None:
        import asyncio  # loaded with the first async wait, not with the SDK

        await asyncio.sleep(seconds)

    def __repr__(self) -> str:
        return "SystemClock()"


def _build(
    http: httpx.Client | httpx.AsyncClient, base_url: str, spec: RequestSpec, *, is_async: bool
) -> httpx.Request:
    headers = dict(spec.headers)
    content: Any = None
    if spec.multipart is not None:
        headers.update(spec.multipart.headers)
        content = spec.multipart.aiter_bytes() if is_async else spec.multipart.iter_bytes()
    absolute = spec.path.startswith(("https://", "http://"))
    return http.build_request(
        spec.method,
        spec.path if absolute else base_url + spec.path,
        params=dict(spec.params) if spec.params else None,
        json=spec.json if spec.multipart is None else None,
        content=content,
        headers=headers,
        timeout=spec.timeout if spec.timeout is not None else httpx.USE_CLIENT_DEFAULT,
    )


def _sleep_sync(effect: Sleep, clock: Clock) -> None:
    if effect.wake is not None and isinstance(clock, SystemClock):  # a test's clock sleeps on its own terms
        if effect.wake.wait(effect.seconds, effect.cancel):
            raise WaitCancelledError("the wait was cancelled through its cancel event")
        return
    if effect.cancel is None:
        clock.sleep(effect.seconds)
        return
    if effect.cancel.is_set() or effect.cancel.wait(effect.seconds):
        raise WaitCancelledError("the wait was cancelled through its cancel event")


def _send_sync(http: httpx.Client, base_url: str, effect: Send) -> httpx.Response:
    request = _build(http, base_url, effect.request, is_async=False)
    response = http.send(request, stream=effect.stream)
    if effect.stream and response.status_code >= 400:
        response.read()  # error bodies are always read, to build the error
    if not effect.stream:
        response.close()
    return response


async def _send_async(http: httpx.AsyncClient, base_url: str, effect: Send) -> httpx.Response:
    request = _build(http, base_url, effect.request, is_async=True)
    response = await http.send(request, stream=effect.stream)
    if effect.stream and response.status_code >= 400:
        await response.aread()  # error bodies are always read, to build the error
    if not effect.stream:
        await response.aclose()
    return response


def _drain_sync(effect: Drain) -> None:
    try:
        for chunk in effect.response.iter_bytes():
            effect.sink(chunk)
    finally:
        effect.response.close()


async def _drain_async(effect: Drain) -> None:
    try:
        async for chunk in effect.response.aiter_bytes():
            effect.sink(chunk)
    finally:
        await effect.response.aclose()


def _perform_sync(effect: Effect, http: httpx.Client, base_url: str, clock: Clock) -> tuple[Any, BaseException | None]:
    """Carry out one effect: (what to send back into the flow, or the error to throw into it)."""
    try:
        if isinstance(effect, Send):
            return _send_sync(http, base_url, effect), None
        if isinstance(effect, Sleep):
            _sleep_sync(effect, clock)
        if isinstance(effect, Drain):
            _drain_sync(effect)
    except (httpx.TransportError, WaitCancelledError) as error:
        return None, error
    return None, None


async def _perform_async(
    effect: Effect, http: httpx.AsyncClient, base_url: str, clock: Clock
) -> tuple[Any, BaseException | None]:
    try:
        if isinstance(effect, Send):
            return await _send_async(http, base_url, effect), None
        if isinstance(effect, Sleep):
            if effect.wake is not None and isinstance(clock, SystemClock):
                await effect.wake.wait_async(effect.seconds)
            else:
                await clock.async_sleep(effect.seconds)
        if isinstance(effect, Drain):
            await _drain_async(effect)
    except httpx.TransportError as error:
        return None, error
    return None, None


def _resume(flow: Flow[Any], reply: Any, error: BaseException | None) -> Effect:
    return flow.throw(error) if error is not None else flow.send(reply)


def run_sync(flow: Flow[T], *, http: httpx.Client, base_url: str, clock: Clock) -> T:
    """Run a flow to its return value with blocking I/O."""
    try:
        effect = next(flow)
        while True:
            if isinstance(effect, Emit):
                effect = flow.send(None)
            else:
                effect = _resume(flow, *_perform_sync(effect, http, base_url, clock))
    except StopIteration as stop:
        result: T = stop.value
        return result
    finally:
        flow.close()


async def run_async(flow: Flow[T], *, http: httpx.AsyncClient, base_url: str, clock: Clock) -> T:
    """Run a flow to its return value on the running event loop."""
    try:
        effect = next(flow)
        while True:
            if isinstance(effect, Emit):
                effect = flow.send(None)
            else:
                reply, error = await _perform_async(effect, http, base_url, clock)
                effect = _resume(flow, reply, error)
    except StopIteration as stop:
        result: T = stop.value
        return result
    finally:
        flow.close()


def iter_sync(flow: Flow[Any], *, http: httpx.Client, base_url: str, clock: Clock) -> Iterator[Any]:
    """Run a flow, yielding the value of each ``Emit`` as it happens."""
    try:
        effect = next(flow)
        while True:
            if isinstance(effect, Emit):
                yield effect.value
                effect = flow.send(None)
            else:
                effect = _resume(flow, *_perform_sync(effect, http, base_url, clock))
    except StopIteration:
        return
    finally:
        flow.close()


async def iter_async(flow: Flow[Any], *, http: httpx.AsyncClient, base_url: str, clock: Clock) -> AsyncIterator[Any]:
    """Async twin of :func:`iter_sync`."""
    try:
        effect = next(flow)
        while True:
            if isinstance(effect, Emit):
                yield effect.value
                effect = flow.send(None)
            else:
                reply, error = await _perform_async(effect, http, base_url, clock)
                effect = _resume(flow, reply, error)
    except StopIteration:
        return
    finally:
        flow.close()
