"""Sending past httpx's client layer, for the async connection pools the SDK makes itself.

``httpx.AsyncClient.send`` rebuilds each request on its way to the transport: it parses the URL,
merges the client's headers, cookies and parameters, runs auth, redirect and event-hook machinery,
picks a transport by URL and wraps the response stream twice. For ``jobs.get`` under concurrency that
was about a quarter of the async client's CPU, more than the SDK's own work. The pools the SDK makes
are plain clients (no auth, hooks, base URL or parameters of their own), so for them the async
driver hands the request the pipeline built (:class:`~apiframe._flow.RequestSpec`, whose URL is
already as httpx writes it) to a :class:`Direct` sender, which does exactly what that client would
have done, and no more:

- the same transport: the one httpx picks for the URL (a proxy from the environment, ``NO_PROXY``),
  chosen once per origin;
- the same request head: ``Host``, the client's default headers overridden by the request's, the
  client's cookies for that URL, ``Content-Length``;
- the same answer: an ``httpx.Response`` (holding its ``httpx.Request``) whose body is decoded as httpx
  decodes it, httpx's errors for the transport's failures, cookies a response sets kept in the
  client's jar, httpx's ``HTTP Request`` log line.

What it cannot send that way (an upload, a URL with a user name or not as httpx writes it, a
transport it does not know, a closed client) goes through ``httpx.AsyncClient.send`` as before; so
does everything on a client the user passed in (``http_client=``). The guards stay where they were:
the driver's deadline and byte caps, the pipeline's headers (the key only on the API's origin) and
redirect rule, the flow's retries.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, NamedTuple

import httpx

from ._flow import RequestSpec, clip_timeout
from ._upstream import transport_for, url_at

__all__ = ["Direct", "Opened", "Outgoing", "Route"]

_ORIGIN = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*")
_WRITTEN = re.compile(r"[!-~]*")
"""What httpx writes after a URL's origin: printable ASCII, no space (it percent-encodes the rest)."""
MAX_ROUTES = 64
"""Origins a sender remembers (the API's and a few file hosts'); beyond them it starts again."""
_BODIED = frozenset({"POST", "PUT", "PATCH"})
_LENGTHS = frozenset({"content-length", "transfer-encoding"})
_httpx_logger = logging.getLogger("httpx")


@dataclass(frozen=True, slots=True)
class Route:
    """Where the requests for one origin go: as parsed by httpx, its ``Host`` header, and what the
    sender needs of the transport httpx picks for it."""

    origin: httpx.URL
    host: str
    target: Any


class Outgoing(NamedTuple):
    """One request on its way out."""

    route: Route
    url: str
    """As the pipeline wrote it (as httpx writes URLs)."""
    target: str
    """Its path and query, as they go on the request line."""
    head: list[tuple[str, str]]
    request: httpx.Request
    """The same request, as httpx would have built it (the response holds it)."""
    content: bytes | None
    timeout: httpx.Timeout


class Opened(NamedTuple):
    """A response whose head is in: the ``httpx.Response`` (its stream unread) and its decoded body."""

    response: httpx.Response
    body: AsyncIterator[bytes]


class Direct:
    """Sends a :class:`RequestSpec` for ``client`` as ``client.send`` would (no redirects followed).

    Subclasses say which transports they can drive (:meth:`_target`) and send on them (:meth:`_send`).
    """

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client
        self._routes: dict[str, Route | None] = {}
        self._defaults = [
            (key.decode("latin-1"), key.decode("latin-1").lower(), value.decode("latin-1"))
            for key, value in client.headers.raw
        ]

    async def open(self, spec: RequestSpec) -> Opened | None:
        """Send ``spec`` and return once the response head is in; None when it must go through httpx."""
        if spec.multipart is not None or self.client.is_closed:
            return None
        found = self._route(spec.url)
        if found is None:
            return None
        route, url, target = found
        timeout = self.client.timeout if spec.timeout is None else clip_timeout(spec.timeout, spec.total)
        head = self._head(spec, route, url)
        request = httpx.Request(
            spec.method,
            url,
            headers=head,
            stream=httpx.ByteStream(spec.content or b""),
            extensions={"timeout": timeout.as_dict()},
        )
        opened = await self._send(Outgoing(route, spec.url, target, head, request, spec.content, timeout))
        response = opened.response
        if _httpx_logger.isEnabledFor(logging.INFO):  # the line httpx.AsyncClient logs for each request
            _httpx_logger.info(
                'HTTP Request: %s %s "%s %d %s"',
                request.method,
                request.url,
                response.http_version,
                response.status_code,
                response.reason_phrase,
            )
        self.client.cookies.extract_cookies(response)  # the SDK's store reads only a response that sets one
        return opened

    async def _send(self, out: Outgoing) -> Opened:
        """Send ``out`` on ``out.route.target``; httpx's errors for the transport's failures."""
        raise NotImplementedError

    def _target(self, transport: Any, origin: httpx.URL) -> Any:
        """What :meth:`_send` needs of ``transport`` (the one httpx picked for ``origin``), or None: not
        a transport this sender drives."""
        raise NotImplementedError

    def _route(self, url: str) -> tuple[Route, httpx.URL, str] | None:
        """The route of ``url``'s origin, ``url`` as an ``httpx.URL`` and its target (path and query)."""
        found = _ORIGIN.match(url)
        if found is None:
            return None
        origin = found.group()
        route = self._routes.get(origin, _UNKNOWN)
        if route is _UNKNOWN:
            if len(self._routes) >= MAX_ROUTES:
                self._routes.clear()
            route = self._routes[origin] = self._new_route(origin)
        tail = url[found.end() :]
        if route is None or not _WRITTEN.fullmatch(tail):
            return None  # a URL httpx did not write: httpx parses it (and refuses what cannot go on the wire)
        rest, hashmark, fragment = tail.partition("#")
        path, mark, query = rest.partition("?")
        full = url_at(route.origin, path, query if mark else None, fragment if hashmark else None)
        return route, full, (path or "/") + mark + query

    def _new_route(self, origin: str) -> Route | None:
        try:
            parsed = httpx.URL(origin)
        except (httpx.InvalidURL, UnicodeError, ValueError):
            return None
        if str(parsed) != origin or parsed.userinfo or parsed.scheme not in ("http", "https") or not parsed.host:
            return None  # not as httpx writes it, or with credentials: httpx's own path handles it
        target = self._target(transport_for(self.client, parsed), parsed)
        return None if target is None else Route(parsed, parsed.netloc.decode("ascii"), target)

    def _head(self, spec: RequestSpec, route: Route, url: httpx.URL) -> list[tuple[str, str]]:
        """The request's headers in httpx's order: ``Host`` (and ``Content-Length: 0`` for an empty
        POST), the client's defaults the request does not set, the request's, cookies, the length."""
        given = spec.headers
        names = {name.lower() for name in given}
        head = [("Host", route.host)]
        sized = not names.isdisjoint(_LENGTHS)
        if not spec.content and not sized and spec.method in _BODIED:
            head.append(("Content-Length", "0"))
        head += [(name, value) for name, lower, value in self._defaults if lower not in names]
        head += given.items()
        cookies = self.client.cookies
        if cookies:
            holder = httpx.Request(spec.method, url)
            cookies.set_cookie_header(holder)
            if "cookie" in holder.headers:
                head.append(("Cookie", holder.headers["cookie"]))
        if spec.content and not sized:
            head.append(("Content-Length", str(len(spec.content))))
        return head

    def decoded(self, response: httpx.Response, raw: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
        """The body as httpx hands it out: ``raw`` itself unless the response is content-encoded."""
        encoding = response.headers.get("content-encoding")
        return raw if encoding is None or encoding.strip().lower() == "identity" else response.aiter_bytes()


_UNKNOWN: Any = object()
