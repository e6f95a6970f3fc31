"""The HTTP response behind each result: ``obj._response``, ``obj._request_id`` and ``with_raw_response``.

Every model the SDK parses from a response carries a :class:`ResponseInfo` (status, headers,
request id); accepted-job handles and job snapshots too. ``resource.with_raw_response.method(...)``
returns a :class:`RawResponse` instead: the response's status, headers and request id, and the
parsed result from ``.parse()``, for every call, those that return nothing included. Header values
never carry the API key, even when a misbehaving server echoes it back.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar

import httpx

from ._errors import ApiframeError
from ._logging import redact

if TYPE_CHECKING:
    from apiframe_client.response_info import ResponseInfo

__all__ = ["RawResponse", "async_raw", "info_of", "raw", "record", "stamp"]

T = TypeVar("T")
P = ParamSpec("P")
_seen: ContextVar[list[ResponseInfo] | None] = ContextVar("apiframe_raw_responses", default=None)


class RawResponse(Generic[T]):
    """One call's HTTP response (the last one, for a call that polls) and its parsed result.

    ``status_code``, ``headers`` and ``request_id`` come from the response; ``parse()`` returns what
    the call returns without ``with_raw_response``.
    """

    __slots__ = ("_parsed", "info")

    def __init__(self, info: ResponseInfo, parsed: T) -> None:
        self.info = info
        self._parsed = parsed

    @property
    def status_code(self) -> int:
        return self.info.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.info.headers

    @property
    def request_id(self) -> str | None:
        return self.info.request_id

    def parse(self) -> T:
        """The call's result, as the method returns it without ``with_raw_response``."""
        return self._parsed

    def __repr__(self) -> str:
        return f"RawResponse(status_code={self.status_code}, request_id={self.request_id!r})"


def record(info: ResponseInfo) -> None:
    """Note a response for the ``with_raw_response`` call running in this thread or task, if any."""
    seen = _seen.get()
    if seen is not None:
        seen[:] = [info]  # only the last one is kept: a long wait stays small


def _wrap(result: T, seen: list[ResponseInfo], name: str) -> RawResponse[T]:
    if not seen:
        raise ApiframeError(f"{name} returned without an HTTP response to show")
    return RawResponse(seen[-1], result)


def raw(method: Callable[P, T]) -> Callable[P, RawResponse[T]]:
    """``method`` returning a :class:`RawResponse` of its result (sync)."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        seen: list[ResponseInfo] = []
        token = _seen.set(seen)
        try:
            result = method(*args, **kwargs)
        finally:
            _seen.reset(token)
        return _wrap(result, seen, getattr(method, "__name__", "the call"))

    return call


def async_raw(method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[RawResponse[T]]]:
    """``method`` returning a :class:`RawResponse` of its result (async)."""

    @functools.wraps(method)
    async def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        seen: list[ResponseInfo] = []
        token = _seen.set(seen)
        try:
            result = await method(*args, **kwargs)
        finally:
            _seen.reset(token)
        return _wrap(result, seen, getattr(method, "__name__", "the call"))

    return call


def info_of(response: httpx.Response) -> ResponseInfo:
    """The :class:`ResponseInfo` of ``response`` (headers with any secret redacted)."""
    from apiframe_client.response_info import ResponseInfo

    pairs = [(key, redact(value)) for key, value in response.headers.multi_items()]
    request = response.request
    return ResponseInfo(
        status_code=response.status_code,
        headers=httpx.Headers(pairs),
        request_id=redact(response.headers.get("x-request-id") or "") or None,
        method=request.method,
        path=request.url.path,
    )


def stamp(obj: T, info: ResponseInfo) -> T:
    """Attach ``info`` to a parsed object (and to the objects of a list it holds); returns ``obj``."""
    record(info)
    _set(obj, info)
    for name in ("jobs", "items"):
        items: Any = getattr(obj, name, None)
        if isinstance(items, list):
            for item in items:
                _set(item, info)
    return obj


def _set(obj: Any, info: ResponseInfo) -> None:
    try:
        obj._response = info
        obj._request_id = info.request_id
    except AttributeError:  # a class without the response fields (not a response model)
        pass
