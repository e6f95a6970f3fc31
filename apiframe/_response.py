"""The HTTP response behind each returned object: ``obj._response`` and ``obj._request_id``.

Every model the SDK parses from a response carries a :class:`ResponseInfo` (status, headers,
request id); accepted-job handles and job snapshots too. Header values never carry the API key,
even when a misbehaving server echoes it back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from ._logging import redact

if TYPE_CHECKING:
    from apiframe_client.response_info import ResponseInfo

__all__ = ["info_of", "stamp"]

T = TypeVar("T")


def info_of(response: httpx.Response) -> ResponseInfo:
    """The :class:`ResponseInfo` of ``response`` (headers with any secret redacted)."""
    from apiframe_client.response_info import ResponseInfo

    pairs = [(key, redact(value)) for key, value in response.headers.multi_items()]
    request = response.request
    return ResponseInfo(
        status_code=response.status_code,
        headers=httpx.Headers(pairs),
        request_id=response.headers.get("x-request-id"),
        method=request.method,
        path=request.url.path,
    )


def stamp(obj: T, info: ResponseInfo) -> T:
    """Attach ``info`` to a parsed object (and to the objects of a list it holds); returns ``obj``."""
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
