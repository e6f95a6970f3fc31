"""One implementation of the logic for the sync and the async client.

Everything the SDK does over the network (a request with retries, polling a job, walking
pages) is written once as a *flow*: a plain generator that yields effects and receives their
results. Two small drivers run flows, one with ``httpx.Client`` and ``time.sleep``, the other
with ``httpx.AsyncClient`` and ``asyncio.sleep``. No logic lives in the drivers. On the pools the
SDK makes, the async driver sends through an :class:`Opener` (``_direct.py``), which does what the
``httpx.AsyncClient`` would do without its per-request machinery; deadlines and byte caps are the
driver's either way. Blocking work
(a download's disk I/O) is an effect too (:class:`Call`, a :class:`Drain`'s sink): the async
driver runs it on a worker thread, never on the event loop. Two effects exist only for the async
driver (:class:`Await`, :class:`Stream`: a sink that is itself asynchronous, such as an object
store); the sync driver refuses them with a :class:`~apiframe.ConfigurationError`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeAlias, TypeVar

import httpx

from ._deadline import Deadline, bounded
from ._errors import ApiframeError, ConfigurationError, WaitCancelledError
from ._upstream import keep_body

if TYPE_CHECKING:
    from ._files import MultipartBody

__all__ = [
    "Await",
    "BodyTooLarge",
    "Call",
    "Clock",
    "Close",
    "DeadlineExceeded",
    "Drain",
    "Effect",
    "Emit",
    "Flow",
    "Opener",
    "RequestSpec",
    "Seen",
    "Send",
    "Sleep",
    "Stream",
    "SystemClock",
    "Wake",
    "clip_timeout",
    "iter_async",
    "iter_sync",
    "run_async",
    "run_sync",
]

T = TypeVar("T")
MAX_SLEEP = 86_400.0
"""Seconds: the drivers never sleep longer in one go (a flow's own caps are far below this)."""


TIGHTEN_MARGIN = 0.25
"""Seconds: a body's read timeout is lowered to the time left only when that gains more than this."""


class DeadlineExceeded(httpx.TimeoutException):
    """A request (or a download) ran past its whole-request deadline; the drivers raise it."""


class BodyTooLarge(Exception):
    """A 2xx body is over its byte cap; ``declared`` says whether ``Content-Length`` already said so."""

    def __init__(self, limit: int, seen: int, declared: bool) -> None:
        super().__init__(f"body over {limit} bytes")
        self.limit = limit
        self.seen = seen
        self.declared = declared


@dataclass(frozen=True, slots=True)
class RequestSpec:
    """One HTTP request, as the pipeline wants it sent."""

    method: str
    url: str
    """Absolute (the API's base URL and the path, or a file host's URL), its query included, written as
    ``str(httpx.URL(...))`` writes it: what goes on the wire."""
    headers: Mapping[str, str] = field(repr=False)  # holds the API key
    multipart: MultipartBody | None = None
    timeout: httpx.Timeout | None = None
    content: bytes | None = None
    total: float | None = None
    """Seconds from sending to the last byte of the body (streamed bodies: to the headers)."""
    max_body: int | None = None
    """Byte cap of a 2xx body read whole; over it the flow receives :class:`BodyTooLarge`."""
    max_error_body: int = 1 << 20
    """A non-2xx body is read up to this many bytes, the rest dropped."""


@dataclass(frozen=True, slots=True)
class Send:
    """Send a request, never following redirects; the flow receives the ``httpx.Response``.

    Its body is read (within the request's caps and deadline) unless ``stream`` and 2xx.
    """

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
    """Read a streamed response to its end, handing each chunk to ``sink``, then close it.

    ``sink`` may block (it writes to disk): the async driver runs it on a worker thread. ``seen``
    (progress) is called with the chunk's size after each one, on the driver's own thread.
    """

    response: httpx.Response
    sink: Callable[[bytes], object]
    deadline: Deadline | None = None
    """Past it, the transfer stops with :class:`DeadlineExceeded`."""
    seen: Callable[[int], object] | None = None


@dataclass(frozen=True, slots=True)
class Stream:
    """Async driver only: hand a streamed response's body, as an async iterator of chunks, to ``into``
    and send back what it returns (then close the response).

    For a sink that consumes a stream itself (an object store's ``write``). Under ``deadline`` the
    whole of it, reads and ``into``'s own work, stops with :class:`DeadlineExceeded`; ``seen`` is
    called with each chunk's size.
    """

    response: httpx.Response
    into: Callable[[AsyncIterator[bytes]], Awaitable[Any]]
    deadline: Deadline | None = None
    seen: Callable[[int], object] | None = None


@dataclass(frozen=True, slots=True)
class Close:
    """Close a streamed response without reading its body (the async driver closes it asynchronously)."""

    response: httpx.Response


@dataclass(frozen=True, slots=True)
class Call:
    """Run blocking ``function(*args)`` (disk I/O); the flow receives its result or its exception.

    The sync driver calls it in place; the async driver on a worker thread.
    """

    function: Callable[..., Any]
    args: tuple[Any, ...] = ()


@dataclass(frozen=True, slots=True)
class Await:
    """Async driver only: ``await function(*args)`` on the loop; the flow receives its result or its exception."""

    function: Callable[..., Awaitable[Any]]
    args: tuple[Any, ...] = ()


@dataclass(frozen=True, slots=True)
class Emit(Generic[T]):
    """Hand a value to whoever iterates the flow (``wait_many``); the flow resumes with None."""

    value: T


class Opener(Protocol):
    """Sends a request as an ``httpx.AsyncClient`` of the SDK's would, past its client layer (``_direct.py``)."""

    async def open(self, spec: RequestSpec) -> tuple[httpx.Response, AsyncIterator[bytes]] | None:
        """The response once its head is in, and its body (decoded) to read; None: send it through httpx."""
        ...


Effect: TypeAlias = "Send | Sleep | Drain | Stream | Close | Call | Await | Emit[Any]"
Flow: TypeAlias = Generator[Effect, Any, T]
Seen: TypeAlias = Callable[[httpx.Response], None]
"""Told of every response a driver receives for a flow (a raw-response call keeps the last)."""


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
    http: httpx.Client | httpx.AsyncClient,
    spec: RequestSpec,
    *,
    is_async: bool,
    sent: Callable[[], None] | None = None,
) -> httpx.Request:
    headers = dict(spec.headers)
    content: Any = spec.content
    if spec.multipart is not None:
        headers.update(spec.multipart.headers)
        if is_async:
            content = _then_async(spec.multipart.aiter_bytes(), sent)
        else:
            content = _then(spec.multipart.iter_bytes(), sent)
    return http.build_request(
        spec.method,
        spec.url,
        content=content,
        headers=headers,
        timeout=clip_timeout(spec.timeout, spec.total) if spec.timeout is not None else httpx.USE_CLIENT_DEFAULT,
    )


def _then(chunks: Iterator[bytes], sent: Callable[[], None] | None) -> Iterator[bytes]:
    """An upload's body, calling ``sent`` once it has all been handed to the transport."""
    yield from chunks
    if sent is not None:
        sent()


async def _then_async(chunks: AsyncIterator[bytes], sent: Callable[[], None] | None) -> AsyncIterator[bytes]:
    async for chunk in chunks:
        yield chunk
    if sent is not None:
        sent()


def _deadline_of(spec: RequestSpec) -> Deadline:
    """A request's whole deadline. For an upload it starts when the body is sent: a big file may
    take longer than ``timeout`` to send, and each write is bounded by the write timeout anyway."""
    return Deadline(spec.total, start=spec.multipart is None)


def clip_timeout(timeout: httpx.Timeout, total: float | None) -> httpx.Timeout:
    """No phase of a request waits longer than its whole deadline."""
    if total is None or all(
        value is not None and value <= total for value in (timeout.connect, timeout.read, timeout.write, timeout.pool)
    ):
        return timeout  # nothing to clip (the usual case: ``total`` is the longest phase)
    phases = {name: total if value is None else min(value, total) for name, value in timeout.as_dict().items()}
    return httpx.Timeout(**phases)


def _check_deadline(deadline: Deadline | None) -> None:
    if deadline is not None and deadline.passed():
        raise DeadlineExceeded("the request ran past its whole-request deadline")


def _tighten(response: httpx.Response, deadline: Deadline | None) -> None:
    """Bound the body's reads by the time left: the transport reads its timeouts when the body starts."""
    timeouts = response.request.extensions.get("timeout")
    left = None if deadline is None else deadline.remaining()
    if left is None or not isinstance(timeouts, dict):
        return
    left = max(0.001, left)
    read = timeouts.get("read")
    if read is None or left < read - TIGHTEN_MARGIN:
        timeouts["read"] = left


def _declared_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length", "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) < 20 else None


def _cap_of(spec: RequestSpec, response: httpx.Response) -> tuple[int | None, bool]:
    """(byte cap, whether going over it is an error rather than a truncation)."""
    if 200 <= response.status_code < 300:
        return spec.max_body, True
    return spec.max_error_body, False


def _take(buffer: bytearray, chunk: bytes, cap: int | None, strict: bool) -> bool:
    """Add ``chunk``; False once the cap is reached (strict caps raise instead)."""
    if cap is not None and len(buffer) + len(chunk) > cap:
        if strict:
            raise BodyTooLarge(cap, len(buffer) + len(chunk), declared=False)
        buffer.extend(chunk[: cap - len(buffer)])
        return False
    buffer.extend(chunk)
    return True


def _precheck(spec: RequestSpec, response: httpx.Response) -> None:
    cap, strict = _cap_of(spec, response)
    declared = _declared_length(response)
    if strict and cap is not None and declared is not None and declared > cap:
        raise BodyTooLarge(cap, declared, declared=True)


def _sleep_sync(effect: Sleep, clock: Clock) -> None:
    seconds = min(effect.seconds, MAX_SLEEP) if effect.seconds > 0 else 0.0  # NaN and negatives: no pause
    if effect.wake is not None and isinstance(clock, SystemClock):  # a test's clock sleeps on its own terms
        if effect.wake.wait(seconds, effect.cancel):
            raise WaitCancelledError("the wait was cancelled through its cancel event")
        return
    if effect.cancel is None:
        clock.sleep(seconds)
        return
    if effect.cancel.is_set() or effect.cancel.wait(seconds):
        raise WaitCancelledError("the wait was cancelled through its cancel event")


def _send_sync(http: httpx.Client, effect: Send) -> httpx.Response:
    spec = effect.request
    deadline = _deadline_of(spec)
    request = _build(http, spec, is_async=False, sent=deadline.start)
    with bounded(deadline):  # every socket read and write up to the headers fits the deadline
        response = http.send(request, stream=True, follow_redirects=False)
    try:
        _check_deadline(deadline)
        if effect.stream and 200 <= response.status_code < 300:
            return response
        _precheck(spec, response)
        cap, strict = _cap_of(spec, response)
        buffer = bytearray()
        _tighten(response, deadline)
        for chunk in response.iter_bytes():
            _check_deadline(deadline)
            if not _take(buffer, chunk, cap, strict):
                break
        _check_deadline(deadline)
        keep_body(response, bytes(buffer))
    except BaseException:
        response.close()
        raise
    response.close()
    return response


async def _send_async(http: httpx.AsyncClient, opener: Opener | None, effect: Send) -> httpx.Response:
    import asyncio

    spec = effect.request
    upload = spec.multipart is not None
    try:
        async with asyncio.timeout(None if upload else spec.total) as scope:
            opened = None if opener is None else await opener.open(spec)
            if opened is None:
                loop = asyncio.get_running_loop()
                total = spec.total

                def sent() -> None:  # an upload's deadline starts once its body is sent
                    if total is not None:
                        scope.reschedule(loop.time() + total)

                request = _build(http, spec, is_async=True, sent=sent)
                response = await http.send(request, stream=True, follow_redirects=False)
                body = None
            else:
                response, body = opened
            try:
                if effect.stream and 200 <= response.status_code < 300:
                    return response
                _precheck(spec, response)
                cap, strict = _cap_of(spec, response)
                buffer = bytearray()
                async for chunk in response.aiter_bytes() if body is None else body:
                    if not _take(buffer, chunk, cap, strict):
                        break
                keep_body(response, bytes(buffer))
            except BaseException:
                await response.aclose()
                raise
            await response.aclose()
            return response
    except TimeoutError:
        raise DeadlineExceeded("the request ran past its whole-request deadline") from None


def _drain_sync(effect: Drain) -> None:
    _tighten(effect.response, effect.deadline)
    try:
        for chunk in effect.response.iter_bytes():
            effect.sink(chunk)
            if effect.seen is not None:
                effect.seen(len(chunk))
            _check_deadline(effect.deadline)
    finally:
        effect.response.close()


async def _drain_async(effect: Drain) -> None:
    """Only the network reads run under the deadline; each chunk's ``sink`` runs on a worker thread,
    shielded, so no deadline cuts a write short (a cancelled task's cleanup orders after it)."""
    import asyncio

    chunks = effect.response.aiter_bytes()
    try:
        while True:
            remaining = None if effect.deadline is None else effect.deadline.remaining()
            left = None if remaining is None else max(0.0, remaining)
            try:
                async with asyncio.timeout(left):
                    chunk = await anext(chunks)
            except StopAsyncIteration:
                return
            except TimeoutError:
                raise DeadlineExceeded("the download ran past its deadline") from None
            await asyncio.shield(asyncio.to_thread(effect.sink, chunk))
            if effect.seen is not None:
                effect.seen(len(chunk))
    finally:
        await effect.response.aclose()


async def _stream_async(effect: Stream) -> Any:
    """Only the async driver: ``into`` consumes the body; the deadline bounds the whole of it."""
    import asyncio

    async def body() -> AsyncIterator[bytes]:
        async for chunk in effect.response.aiter_bytes():
            if effect.seen is not None:
                effect.seen(len(chunk))
            yield chunk

    remaining = None if effect.deadline is None else effect.deadline.remaining()
    try:
        async with asyncio.timeout(None if remaining is None else max(0.0, remaining)):
            return await effect.into(body())
    except TimeoutError:
        raise DeadlineExceeded("the download ran past its deadline") from None
    finally:
        await effect.response.aclose()


def _async_only(effect: Stream | Await) -> ConfigurationError:
    if isinstance(effect, Stream):
        effect.response.close()
    return ConfigurationError(
        "this destination writes asynchronously (an object store): use it with AsyncApiframe, not Apiframe"
    )


def _perform_sync(
    effect: Effect, http: httpx.Client, clock: Clock, seen: Seen | None
) -> tuple[Any, BaseException | None]:
    """Carry out one effect: (what to send back into the flow, or the error to throw into it)."""
    try:
        if isinstance(effect, Send):
            response = _send_sync(http, effect)
            if seen is not None:
                seen(response)
            return response, None
        if isinstance(effect, Sleep):
            _sleep_sync(effect, clock)
        if isinstance(effect, Drain):
            _drain_sync(effect)
        if isinstance(effect, Close):
            effect.response.close()
        if isinstance(effect, Call):
            return effect.function(*effect.args), None
        if isinstance(effect, Stream | Await):
            return None, _async_only(effect)
    except (httpx.HTTPError, httpx.InvalidURL, BodyTooLarge, WaitCancelledError, ApiframeError, OSError) as error:
        return None, error
    return None, None


async def _perform_async(
    effect: Effect, http: httpx.AsyncClient, opener: Opener | None, clock: Clock, seen: Seen | None
) -> tuple[Any, BaseException | None]:
    try:
        if isinstance(effect, Send):
            response = await _send_async(http, opener, effect)
            if seen is not None:
                seen(response)
            return response, None
        if isinstance(effect, Sleep):
            seconds = min(effect.seconds, MAX_SLEEP) if effect.seconds > 0 else 0.0
            if effect.wake is not None and isinstance(clock, SystemClock):
                await effect.wake.wait_async(seconds)
            else:
                await clock.async_sleep(seconds)
        if isinstance(effect, Drain):
            await _drain_async(effect)
        if isinstance(effect, Close):
            await effect.response.aclose()
        if isinstance(effect, Call):
            import asyncio

            return await asyncio.to_thread(effect.function, *effect.args), None
        if isinstance(effect, Stream):
            return await _stream_async(effect), None
        if isinstance(effect, Await):
            return await effect.function(*effect.args), None
    except (httpx.HTTPError, httpx.InvalidURL, BodyTooLarge, ApiframeError, OSError) as error:
        return None, error
    return None, None


def _detach(error: ApiframeError) -> None:
    """Cut the chain of an SDK error where it reaches a foreign exception.

    A foreign exception can hold what must not leave the SDK (an httpx error holds the request and
    so the API key; a ``JSONDecodeError`` holds the whole body); the SDK's message says what failed.
    """
    link: BaseException = error
    seen: set[int] = set()
    while id(link) not in seen:
        seen.add(id(link))
        following = link.__cause__ or link.__context__
        if following is None:
            return
        if not isinstance(following, ApiframeError):
            link.__cause__ = None
            link.__context__ = None
            return
        link = following


def _resume(flow: Flow[Any], reply: Any, error: BaseException | None) -> Effect:
    return flow.throw(error) if error is not None else flow.send(reply)


def run_sync(flow: Flow[T], *, http: httpx.Client, clock: Clock, seen: Seen | None = None) -> T:
    """Run a flow to its return value with blocking I/O."""
    try:
        effect = next(flow)
        while True:
            if isinstance(effect, Emit):
                effect = flow.send(None)
            else:
                effect = _resume(flow, *_perform_sync(effect, http, clock, seen))
    except StopIteration as stop:
        result: T = stop.value
        return result
    except ApiframeError as error:
        _detach(error)
        raise
    finally:
        flow.close()


async def run_async(
    flow: Flow[T], *, http: httpx.AsyncClient, clock: Clock, seen: Seen | None = None, opener: Opener | None = None
) -> T:
    """Run a flow to its return value on the running event loop (sending through ``opener`` when given)."""
    try:
        effect = next(flow)
        while True:
            if isinstance(effect, Emit):
                effect = flow.send(None)
            else:
                reply, error = await _perform_async(effect, http, opener, clock, seen)
                effect = _resume(flow, reply, error)
    except StopIteration as stop:
        result: T = stop.value
        return result
    except ApiframeError as error:
        _detach(error)
        raise
    finally:
        flow.close()


def iter_sync(flow: Flow[Any], *, http: httpx.Client, clock: Clock, seen: Seen | None = None) -> Iterator[Any]:
    """Run a flow, yielding the value of each ``Emit`` as it happens."""
    try:
        effect = next(flow)
        while True:
            if isinstance(effect, Emit):
                yield effect.value
                effect = flow.send(None)
            else:
                effect = _resume(flow, *_perform_sync(effect, http, clock, seen))
    except StopIteration:
        return
    except ApiframeError as error:
        _detach(error)
        raise
    finally:
        flow.close()


async def iter_async(
    flow: Flow[Any], *, http: httpx.AsyncClient, clock: Clock, seen: Seen | None = None, opener: Opener | None = None
) -> AsyncIterator[Any]:
    """Async twin of :func:`iter_sync`."""
    try:
        effect = next(flow)
        while True:
            if isinstance(effect, Emit):
                yield effect.value
                effect = flow.send(None)
            else:
                reply, error = await _perform_async(effect, http, opener, clock, seen)
                effect = _resume(flow, reply, error)
    except StopIteration:
        return
    except ApiframeError as error:
        _detach(error)
        raise
    finally:
        flow.close()
