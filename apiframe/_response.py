"""Responses as they came: ``with_raw_response`` and ``with_streaming_response``.

``resource.with_raw_response.method(...)`` runs the method on a copy of its resource whose session
tells a :class:`Recorder` of every response the driver receives, and returns a :class:`RawResponse`:
the real HTTP response of the call (the last one, for a call that polls), with its body
(``read()``, ``text``, ``json()``), and the method's result from ``parse()``. Header values never
carry the API key, even when a misbehaving server echoes it back, and the request a raw response
keeps is rebuilt without it.

``client.jobs.with_streaming_response.download(job)`` opens one result file and hands its body to
the caller as it arrives (:class:`StreamedFile`, :class:`AsyncStreamedFile`).
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, Protocol, Self, TypeVar

import httpx

from ._errors import ApiframeError
from ._pipeline import decode, info_of

if TYPE_CHECKING:
    from apiframe_client.response_info import ResponseInfo

    from ._jobs import Output

__all__ = ["AsyncStreamedFile", "RawResponse", "Recorder", "StreamedFile", "async_raw", "raw"]

T = TypeVar("T")
P = ParamSpec("P")


class _Answered:
    """What every response view shows of its answer: ``info`` (secrets redacted), status and headers."""

    __slots__ = ()
    info: ResponseInfo

    @property
    def status_code(self) -> int:
        return self.info.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.info.headers


class RawResponse(_Answered, Generic[T]):
    """One call's HTTP response (the last one, for a call that polls) and its result.

    ``status_code``, ``headers`` (secrets redacted) and ``request_id`` are the response's; ``read()``,
    ``text`` and ``json()`` its body; ``parse()`` returns what the call returns without
    ``with_raw_response``.
    """

    __slots__ = ("_parsed", "_response", "info")

    def __init__(self, response: httpx.Response, parsed: T) -> None:
        self._response = _without_credentials(response)
        self._parsed = parsed
        self.info = info_of(response)

    @property
    def request_id(self) -> str | None:
        return self.info.request_id

    @property
    def url(self) -> httpx.URL:
        """The URL the response came from."""
        return self._response.url

    def read(self) -> bytes:
        """The body, as received (within the SDK's size limits)."""
        return self._response.content

    @property
    def text(self) -> str:
        """The body as text."""
        return self._response.text

    def json(self) -> Any:
        """The body as JSON (a typed error for one that is not)."""
        return decode(self._response)

    def parse(self) -> T:
        """The call's result, as the method returns it without ``with_raw_response``."""
        return self._parsed

    def __repr__(self) -> str:
        return f"RawResponse(status_code={self.status_code}, request_id={self.request_id!r})"

    def __reduce__(self) -> Any:
        raise TypeError("a RawResponse holds an HTTP response, which cannot be pickled: pickle .parse() instead")


_CREDENTIALS = frozenset({"x-api-key", "authorization", "proxy-authorization", "cookie"})


def _without_credentials(response: httpx.Response) -> httpx.Response:
    """``response`` with the request it answers rebuilt without the API key (and any other credential
    header), since a raw response is kept, logged and inspected by the caller's code."""
    request = response.request
    if any(name.lower() in _CREDENTIALS for name in request.headers):
        kept = [(name, value) for name, value in request.headers.multi_items() if name.lower() not in _CREDENTIALS]
        response.request = httpx.Request(request.method, request.url, headers=kept)
    try:
        response.content  # noqa: B018  (the body the driver kept, if it read it)
    except httpx.ResponseNotRead:
        return response  # a body still streaming (a file host's: no credential was sent there)
    response.stream = httpx.ByteStream(b"")  # the transport's stream still holds the request as sent
    return response


class Recorder:
    """Told of every response a driver receives for a call; keeps the last one."""

    __slots__ = ("last",)

    def __init__(self) -> None:
        self.last: httpx.Response | None = None

    def __call__(self, response: httpx.Response) -> None:
        self.last = response

    def response(self, result: T, name: str) -> RawResponse[T]:
        if self.last is None:
            raise ApiframeError(f"{name} returned without an HTTP response to show")
        return RawResponse(self.last, result)


class Recordable(Protocol):
    """A resource (or a client) that can run a call on a copy of itself telling ``seen`` of every response."""

    def _recording(self, seen: Recorder) -> Any: ...


def _parts(method: Callable[..., Any]) -> tuple[Recordable, Callable[..., Any], str]:
    owner: Recordable = getattr(method, "__self__")  # noqa: B009  (a bound method of a resource)
    function: Callable[..., Any] = getattr(method, "__func__")  # noqa: B009
    return owner, function, getattr(method, "__name__", "the call")


def raw(method: Callable[P, T]) -> Callable[P, RawResponse[T]]:
    """The bound ``method`` of a resource, returning a :class:`RawResponse` of its result (sync)."""
    owner, function, name = _parts(method)

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        recorder = Recorder()
        result: T = function(owner._recording(recorder), *args, **kwargs)
        return recorder.response(result, name)

    return call


def async_raw(method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[RawResponse[T]]]:
    """The bound ``method`` of a resource, returning a :class:`RawResponse` of its result (async)."""
    owner, function, name = _parts(method)

    @functools.wraps(method)
    async def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        recorder = Recorder()
        result: T = await function(owner._recording(recorder), *args, **kwargs)
        return recorder.response(result, name)

    return call


class _Streamed(_Answered):
    """What both streamed files show: the job, the output, and the response's status and headers."""

    def __init__(self, job_id: str, output: Output, response: httpx.Response, check: Callable[[bytes], None]) -> None:
        self.job_id = job_id
        self.output = output
        self._response = response
        self._check = check
        self._first = True
        self.info = info_of(response)

    @property
    def content_type(self) -> str | None:
        """The file's content type, as its host sent it (else as the job's result said)."""
        return self._response.headers.get("content-type") or self.output.content_type

    @property
    def total(self) -> int | None:
        """The length its host declared, if any."""
        value = self._response.headers.get("content-length", "")
        return int(value) if value.isascii() and value.isdigit() else None

    def _take(self, chunk: bytes) -> bytes:
        if self._first:
            self._first = False
            self._check(chunk)
        return chunk

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(job_id={self.job_id!r}, index={self.output.index}, status_code={self.status_code})"
        )


class StreamedFile(_Streamed):
    """One result file, open: ``for chunk in file.iter_bytes()`` reads it as it arrives. Close it (or use
    ``with``) when done; the first chunk is checked (an HTML page is never handed over as the file)."""

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        for chunk in self._response.iter_bytes(chunk_size):
            yield self._take(chunk)

    def read(self) -> bytes:
        """The whole body (for small files: it is held in memory)."""
        return b"".join(self.iter_bytes())

    def close(self) -> None:
        self._response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


class AsyncStreamedFile(_Streamed):
    """One result file, open (async): ``async for chunk in file.iter_bytes()``; see :class:`StreamedFile`."""

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        async for chunk in self._response.aiter_bytes(chunk_size):
            yield self._take(chunk)

    async def read(self) -> bytes:
        """The whole body (for small files: it is held in memory)."""
        return b"".join([chunk async for chunk in self.iter_bytes()])

    async def aclose(self) -> None:
        await self._response.aclose()
