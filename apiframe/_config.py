"""A client's settings: where they come from (arguments, then the environment), checked once.

:class:`Settings` is what the constructor's arguments resolve to; ``with_options()`` evolves it
with the same checks. Per-call options are :mod:`apiframe._options`.
"""

from __future__ import annotations

import ipaddress
import math
import os
import re
import socket
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeGuard

import httpx

from ._errors import ConfigurationError

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_CONNECT_TIMEOUT",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "POOL_LIMITS",
    "Settings",
    "check_headers",
    "check_retries",
    "is_local_host",
    "resolve_settings",
    "to_timeout",
    "total_seconds",
]

DEFAULT_BASE_URL = "https://api.apiframe.ai"
DEFAULT_TIMEOUT = 60.0
"""Seconds: a call's deadline, all its attempts and the pauses between them included."""
DEFAULT_CONNECT_TIMEOUT = 5.0
"""Seconds: how long one attempt waits for a connection (a black-holed host fails fast and is retried)."""
DEFAULT_MAX_RETRIES = 2

POOL_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100, keepalive_expiry=30.0)
"""The pool of the clients the SDK creates: every connection may stay idle between bursts and between
polls of a wait (httpx's default keeps 20 idle connections for 5 s, so more concurrency or a slower
poll means new connections, each a TLS handshake)."""


def _positive_seconds(value: Any) -> TypeGuard[float]:
    return not isinstance(value, bool) and isinstance(value, int | float) and math.isfinite(value) and value > 0


def to_timeout(value: float | httpx.Timeout | None, *, name: str = "timeout") -> httpx.Timeout:
    """Normalize a timeout argument, rejecting nonsense (zero, negative, NaN, infinite) with a clear message.

    A number of seconds is the call's deadline; its connect phase is at most
    :data:`DEFAULT_CONNECT_TIMEOUT` (an ``httpx.Timeout`` says every phase itself).
    """
    if isinstance(value, httpx.Timeout):
        for phase, seconds in value.as_dict().items():
            if seconds is not None and not _positive_seconds(seconds):
                raise ConfigurationError(
                    f"{name} has {phase}={seconds!r}; each phase of an httpx.Timeout must be a positive, finite "
                    "number of seconds or None"
                )
        return value
    if not _positive_seconds(value):
        raise ConfigurationError(
            f"{name} must be a positive, finite number of seconds or an httpx.Timeout, got {value!r}"
        )
    return httpx.Timeout(float(value), connect=min(float(value), DEFAULT_CONNECT_TIMEOUT))


def total_seconds(timeout: httpx.Timeout) -> float | None:
    """The whole-request deadline a timeout stands for: its longest phase (None when no phase is set)."""
    phases = [seconds for seconds in timeout.as_dict().values() if seconds is not None]
    return max(phases) if phases else None


_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_HEADER_VALUE = re.compile(r"(?:[\x21-\x7e](?:[\t\x20-\x7e]*[\x21-\x7e])?)?")


def check_headers(headers: Any, *, name: str) -> dict[str, str]:
    """Header names and values that can go on the wire as they are; values are never echoed."""
    if headers is None:
        return {}
    if not isinstance(headers, Mapping):
        raise ConfigurationError(f"{name} must be a mapping of header names to strings, got {type(headers).__name__}")
    out: dict[str, str] = {}
    for key, value in headers.items():
        if not isinstance(key, str) or not _TOKEN.fullmatch(key):
            shown = repr(key) if isinstance(key, str) and len(key) <= 60 else type(key).__name__
            raise ConfigurationError(f"{name} has an invalid header name {shown}: use ASCII letters, digits and -")
        if not isinstance(value, str):
            raise ConfigurationError(
                f"{name}[{key!r}] must be a string, got {type(value).__name__}; convert it with str() first"
            )
        if not _HEADER_VALUE.fullmatch(value):
            raise ConfigurationError(
                f"{name}[{key!r}] cannot be sent in an HTTP header: it holds a line break, NUL, control or non-ASCII "
                "character, or starts or ends with whitespace; remove it or encode the value"
            )
        out[key] = value
    return out


def check_retries(value: Any, name: str = "max_retries") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigurationError(f"{name} must be a non-negative integer, got {value!r}")
    return value


@dataclass(frozen=True, slots=True)
class Settings:
    """The resolved settings of one client. ``repr`` never shows the key."""

    api_key: str = field(repr=False)
    base_url: str
    timeout: httpx.Timeout
    max_retries: int
    default_headers: Mapping[str, str] = field(default_factory=dict)
    cleartext_ok: bool = False
    """Whether a plain ``http://`` base URL may name a host off this machine and its private network
    (``allow_dangerously_expose_api_key=True``): the key would cross the network in cleartext."""

    def evolve(self, **changes: Any) -> Settings:
        """A copy with some settings changed (validated like the constructor's)."""
        if "timeout" in changes:
            changes["timeout"] = to_timeout(changes["timeout"])
        if "max_retries" in changes:
            changes["max_retries"] = check_retries(changes["max_retries"])
        if "base_url" in changes:
            changes["base_url"] = _check_base_url(changes["base_url"], cleartext_ok=self.cleartext_ok)
        if "api_key" in changes:
            changes["api_key"] = _check_key(changes["api_key"])
        if "default_headers" in changes:
            changes["default_headers"] = check_headers(changes["default_headers"], name="default_headers")
        return replace(self, **changes)


def _check_key(api_key: str | None) -> str:
    """A key that can go in a header as it is. No message here ever shows the key or a piece of it."""
    if api_key is None or not isinstance(api_key, str) or not api_key.strip():
        raise ConfigurationError(
            "no API key: pass api_key=... to the client or set the APIFRAME_API_KEY environment variable "
            "(create a key in the Apiframe dashboard; for local runs use the sandbox: `apiframe sandbox`)"
        )
    if any(ch.isspace() for ch in api_key):
        raise ConfigurationError("the API key contains whitespace or line breaks; check how it was copied")
    if not all("!" <= ch <= "~" for ch in api_key):
        raise ConfigurationError(
            "the API key contains a character that is not printable ASCII (a control or non-ASCII character); "
            "check how it was copied"
        )
    return api_key


def is_local_host(host: str) -> bool:
    """Whether ``host`` names this machine or a private network by itself: ``localhost``, a name of
    one label (a machine on the local network, such as a compose service), or a literal address in
    any spelling a resolver accepts (``127.1``, ``2130706433``, ``[::ffff:10.0.0.1]``) that is not a
    global one (loopback, private, link-local such as a cloud's metadata address, reserved, multicast).
    """
    name = host.strip("[]").rstrip(".").lower()
    if not name or name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(name.split("%", 1)[0])
    except ValueError:
        try:
            address = ipaddress.IPv4Address(socket.inet_aton(name))  # 127.1, 0x7f.0.0.1, 2130706433
        except (OSError, ValueError):
            return "." not in name  # a name of one label
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not address.is_global or address.is_multicast


def _check_base_url(base_url: Any, *, cleartext_ok: bool = False) -> str:
    example = f"such as {DEFAULT_BASE_URL!r}"
    if not isinstance(base_url, str):
        raise ConfigurationError(f"base_url must be an http(s) URL {example}, got {type(base_url).__name__}")
    try:
        url = httpx.URL(base_url)
    except (httpx.InvalidURL, UnicodeError, ValueError):
        raise ConfigurationError(f"base_url is not a valid URL; use an http(s) URL {example}") from None
    if url.userinfo:
        raise ConfigurationError(f"base_url must not hold a user name or password; use an http(s) URL {example}")
    if url.scheme not in ("http", "https") or not url.host:
        raise ConfigurationError(f"base_url must be an http(s) URL {example}, got {base_url!r}")
    if url.query or url.fragment or "?" in base_url or "#" in base_url:
        raise ConfigurationError(
            f"base_url must not have a query (?...) or fragment (#...): every call appends its path, {example}"
        )
    if url.scheme == "http" and not cleartext_ok and not is_local_host(url.host):
        raise ConfigurationError(
            f"base_url http://{url.host[:100]} is plain http to a host off this machine and its private network: "
            "the API key would cross the network in cleartext. Use https:// (plain http is for localhost, private "
            "addresses and one-label local names); pass allow_dangerously_expose_api_key=True if you understand "
            "the risk"
        )
    return base_url.rstrip("/")


def resolve_settings(
    *,
    api_key: str | None,
    base_url: str | None,
    timeout: float | httpx.Timeout,
    max_retries: int,
    default_headers: Mapping[str, str] | None,
    allow_dangerously_expose_api_key: bool,
) -> Settings:
    """Resolve the constructor's arguments against the environment."""
    if sys.platform == "emscripten" and not allow_dangerously_expose_api_key:
        raise ConfigurationError(
            "refusing to create an Apiframe client in the browser (Pyodide): anyone who can open the page can "
            "read the API key. Call the API from a server instead, or pass allow_dangerously_expose_api_key=True "
            "if you understand the risk"
        )
    key = _check_key(api_key if api_key is not None else os.environ.get("APIFRAME_API_KEY"))
    given = base_url or os.environ.get("APIFRAME_BASE_URL") or DEFAULT_BASE_URL
    url = _check_base_url(given, cleartext_ok=allow_dangerously_expose_api_key)
    return Settings(
        api_key=key,
        base_url=url,
        timeout=to_timeout(timeout),
        max_retries=check_retries(max_retries),
        default_headers=check_headers(default_headers, name="default_headers"),
        cleartext_ok=allow_dangerously_expose_api_key,
    )
