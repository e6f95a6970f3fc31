"""The HTTP response a parsed object came from.

Written by `make generate` (scripts/response_fields.py); do not edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

__all__ = ["ResponseInfo"]


@dataclass(frozen=True, slots=True)
class ResponseInfo:
    """Status, headers and request id of one HTTP response (``obj._response``).

    Quote ``request_id`` in support requests; ``headers`` carries rate-limit and other headers.
    """

    status_code: int
    headers: httpx.Headers = field(repr=False)
    request_id: str | None
    method: str
    path: str
