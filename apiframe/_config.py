"""Client settings: where they come from (arguments, then environment) and per-call options."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypedDict

import httpx

from ._errors import ConfigurationError
from ._flow import Clock, SystemClock

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "ClientConfig",
    "RequestOptions",
    "make_config",
    "to_timeout",
]

DEFAULT_BASE_URL = "https://api.apiframe.ai"
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2


class RequestOptions(TypedDict, total=False):
    """Options every method accepts as keyword arguments, for that one call."""

    idempotency_key: str
    """Sent as ``Idempotency-Key`` (POST only); by default a fresh uuid4 per call, reused by its retries."""
    timeout: float | httpx.Timeout
    """HTTP timeout for this call, in seconds or as an ``httpx.Timeout``."""
    max_retries: int
    """Retries for this call, overriding the client's ``max_retries``."""
    extra_headers: Mapping[str, str]
    """Additional headers for this call."""
    extra_query: Mapping[str, object]
    """Query parameters added to this call, unchecked (for what the shipped spec does not know yet)."""
    extra_body: Mapping[str, object]
    """Wire keys merged into this call's JSON body, unchecked (for what the shipped spec does not know yet)."""


def to_timeout(value: float | httpx.Timeout | None, *, name: str = "timeout") -> httpx.Timeout:
    """Normalize a timeout argument, rejecting nonsense with a clear message."""
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ConfigurationError(f"{name} must be a positive number of seconds or an httpx.Timeout, got {value!r}")
    return httpx.Timeout(float(value))


def _check_retries(value: Any, name: str = "max_retries") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigurationError(f"{name} must be a non-negative integer, got {value!r}")
    return value


@dataclass(frozen=True, slots=True)
class ClientConfig:
    """The resolved settings of one client. ``repr`` never shows the key."""

    api_key: str = field(repr=False)
    base_url: str
    timeout: httpx.Timeout
    max_retries: int
    default_headers: Mapping[str, str] = field(default_factory=dict)
    clock: Clock = field(default_factory=SystemClock)

    def evolve(self, **changes: Any) -> ClientConfig:
        """A copy with some settings changed (validated like the constructor's)."""
        if "timeout" in changes:
            changes["timeout"] = to_timeout(changes["timeout"])
        if "max_retries" in changes:
            changes["max_retries"] = _check_retries(changes["max_retries"])
        if "base_url" in changes:
            changes["base_url"] = _check_base_url(changes["base_url"])
        if "api_key" in changes:
            changes["api_key"] = _check_key(changes["api_key"])
        return replace(self, **changes)


def _check_key(api_key: str | None) -> str:
    if api_key is None or not isinstance(api_key, str) or not api_key.strip():
        raise ConfigurationError(
            "no API key: pass api_key=... to the client or set the APIFRAME_API_KEY environment variable "
            "(create a key in the Apiframe dashboard; for local runs use the sandbox: `apiframe sandbox`)"
        )
    if api_key != api_key.strip() or any(ch in api_key for ch in "\r\n"):
        raise ConfigurationError("the API key contains whitespace or line breaks; check how it was copied")
    return api_key


def _check_base_url(base_url: str) -> str:
    url = httpx.URL(base_url)
    if url.scheme not in ("http", "https") or not url.host:
        raise ConfigurationError(f"base_url must be an http(s) URL such as {DEFAULT_BASE_URL!r}, got {base_url!r}")
    return base_url.rstrip("/")


def make_config(
    *,
    api_key: str | None,
    base_url: str | None,
    timeout: float | httpx.Timeout,
    max_retries: int,
    default_headers: Mapping[str, str] | None,
    clock: Clock | None,
    allow_dangerously_expose_api_key: bool,
) -> ClientConfig:
    """Resolve the constructor's arguments against the environment."""
    if sys.platform == "emscripten" and not allow_dangerously_expose_api_key:
        raise ConfigurationError(
            "refusing to create an Apiframe client in the browser (Pyodide): anyone who can open the page can "
            "read the API key. Call the API from a server instead, or pass allow_dangerously_expose_api_key=True "
            "if you understand the risk"
        )
    key = _check_key(api_key if api_key is not None else os.environ.get("APIFRAME_API_KEY"))
    url = _check_base_url(base_url or os.environ.get("APIFRAME_BASE_URL") or DEFAULT_BASE_URL)
    return ClientConfig(
        api_key=key,
        base_url=url,
        timeout=to_timeout(timeout),
        max_retries=_check_retries(max_retries),
        default_headers=dict(default_headers or {}),
        clock=clock or SystemClock(),
    )
