"""Per-call options: their names, once (:class:`RequestOptions`), and the one object that carries them.

Every method takes the options of :class:`RequestOptions` as keyword arguments (the generated
methods name each in their signature: ``scripts/gen_surface.py`` reads them from this class).
Where a call enters the SDK they become one checked :class:`CallOptions`, the only form the
request pipeline (``Session.request``) reads.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypedDict

import httpx

from ._config import check_headers, check_retries, to_timeout
from ._errors import ConfigurationError, InvalidRequestError
from ._plural import noun

__all__ = ["NO_OPTIONS", "OPTION_NAMES", "CallOptions", "RequestOptions", "deep_merge"]


class RequestOptions(TypedDict, total=False):
    """Options every method accepts as keyword arguments, for that one call."""

    idempotency_key: str
    """Sent as ``Idempotency-Key`` (POST only); by default a fresh uuid4 per call, reused by its retries."""
    timeout: float | httpx.Timeout
    """This call's deadline in seconds (all its attempts and the pauses between them), or an ``httpx.Timeout``."""
    max_retries: int
    """Retries for this call, overriding the client's ``max_retries``."""
    extra_headers: Mapping[str, str]
    """Additional headers for this call."""
    extra_query: Mapping[str, object]
    """Query parameters added to this call, unchecked (for what the shipped spec does not know yet)."""
    extra_body: Mapping[str, object]
    """Wire keys merged into this call's JSON body, unchecked (for what the shipped spec does not know yet)."""


OPTION_NAMES: tuple[str, ...] = tuple(RequestOptions.__annotations__)
"""The per-call option names, in declaration order (the fields of :class:`CallOptions` follow it)."""
_NAMES = frozenset(OPTION_NAMES)
_PRINTABLE = re.compile(r"[!-~]+")


@dataclass(frozen=True, slots=True)
class CallOptions:
    """One call's options, checked: the fields of :class:`RequestOptions`, in its order, as the pipeline
    reads them (``timeout`` an ``httpx.Timeout``, headers checked; None: not given)."""

    idempotency_key: str | None = None
    timeout: httpx.Timeout | None = None
    max_retries: int | None = None
    extra_headers: Mapping[str, str] = field(default_factory=dict)
    extra_query: Mapping[str, object] | None = None
    extra_body: Mapping[str, object] | None = None

    @classmethod
    def of(cls, given: Mapping[str, Any] | CallOptions | None) -> CallOptions:
        """The checked options of a call (an option given as None counts as not given)."""
        if isinstance(given, CallOptions):
            return given
        if not given:
            return NO_OPTIONS
        unknown = set(given) - _NAMES
        if unknown:
            raise ConfigurationError(
                f"unknown request {noun(len(unknown), 'option')} {sorted(unknown)}; "
                f"the options are {sorted(OPTION_NAMES)}"
            )
        values = {name: value for name, value in given.items() if value is not None}
        key = values.get("idempotency_key")
        if key is not None and (not isinstance(key, str) or len(key) > 255 or not _PRINTABLE.fullmatch(key)):
            raise ConfigurationError(
                "idempotency_key must be a non-empty string of at most 255 printable ASCII characters "
                "(no spaces, line breaks or non-ASCII)"
            )
        if "timeout" in values:
            values["timeout"] = to_timeout(values["timeout"])
        if "max_retries" in values:
            values["max_retries"] = check_retries(values["max_retries"])
        if "extra_headers" in values:
            values["extra_headers"] = check_headers(values["extra_headers"], name="extra_headers")
        if not isinstance(values.get("extra_query", {}), Mapping):
            raise InvalidRequestError("extra_query must be a dict of query parameters", field="extra_query")
        if not isinstance(values.get("extra_body", {}), Mapping):
            raise InvalidRequestError(
                "extra_body must be a dict of wire keys to merge into the body", field="extra_body"
            )
        return cls(**values)

    def evolve(self, **changes: Any) -> CallOptions:
        """A copy with some options changed (already in their checked form)."""
        return dataclasses.replace(self, **changes)

    def query(self, params: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
        """``params`` with ``extra_query`` added (unchecked: for what the shipped spec does not know)."""
        if self.extra_query is None:
            return params
        return {**(params or {}), **{str(key): value for key, value in self.extra_query.items()}}

    def body(self, operation_id: str, body: Any) -> Any:
        """``body`` with ``extra_body`` merged in key by key (objects present in both are merged too)."""
        if self.extra_body is None:
            return body
        if body is not None and not isinstance(body, dict):
            raise InvalidRequestError(
                f"{operation_id} sends no JSON object to merge extra_body into", field="extra_body"
            )
        return deep_merge(body or {}, self.extra_body)


NO_OPTIONS = CallOptions()
"""A call with no options."""


def deep_merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``extra`` laid over it; objects present in both are merged key by key."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[str(key)] = deep_merge(out[key], value)
        else:
            out[str(key)] = value
    return out
