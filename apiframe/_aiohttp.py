"""The fast async transport: httpx's API on aiohttp's connection handling.

The ``aiohttp`` extra brings in ``httpx-aiohttp``. :class:`AiohttpClient` is an
``httpx.AsyncClient`` (auth, hooks, cookies and streaming uploads as httpx has them) whose socket
work (pool, HTTP/1.1 parsing) is done by aiohttp, which costs a fraction of httpcore's CPU per
request under concurrency. On the pool the SDK makes with ``http_backend="aiohttp"``, the async
driver sends through :class:`AiohttpDirect` instead of the client (``_direct.py``): the request goes
from the pipeline to the same aiohttp session with nothing of httpx's client layer in between.

On top of ``httpx_aiohttp.AiohttpTransport`` this transport:

- turns every aiohttp failure (including the ones ``httpx-aiohttp`` lets through, such as a
  malformed response head) into the matching ``httpx.TransportError``, with no exception chain:
  aiohttp's exceptions hold the request headers, and so the API key;
- enforces httpx's ``write`` timeout while a request body is streamed (aiohttp has none), so an
  upload to a server that stops reading fails in time instead of hanging;
- leaves cookies to httpx (aiohttp's own jar is disabled) and sends the URL exactly as httpx
  built it (no re-quoting).
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator
from typing import Any

import httpx

from ._config import POOL_LIMITS
from ._direct import Direct, Opened, Outgoing
from ._pool import lean_cookies

try:
    import aiohttp
    import httpx_aiohttp
    from yarl import URL
except ImportError as error:  # the extra is not installed
    from ._extras import missing_extra

    raise ImportError(missing_extra("aiohttp", error, "the aiohttp transport"), name=error.name) from None

__all__ = ["AiohttpClient", "AiohttpDirect", "AiohttpTransport"]

_Cert = str | tuple[str, str] | tuple[str, str, str] | None


def _translate(error: BaseException, request: httpx.Request) -> httpx.TransportError:
    """The httpx error for an aiohttp (or socket) failure; its message names no header."""
    if isinstance(error, aiohttp.ClientResponseError):  # its request_info holds the request headers
        message = f"{type(error).__name__}: {error.status} {error.message}"
    else:
        message = f"{type(error).__name__}: {error}"
    kind: type[httpx.TransportError]
    if isinstance(error, aiohttp.ConnectionTimeoutError):
        kind = httpx.ConnectTimeout
    elif isinstance(error, aiohttp.ServerTimeoutError | TimeoutError):
        kind = httpx.ReadTimeout
    elif isinstance(error, aiohttp.ClientProxyConnectionError | aiohttp.ClientHttpProxyError):
        kind = httpx.ProxyError
    elif isinstance(error, aiohttp.ClientConnectorError):
        kind = httpx.ConnectError
    elif isinstance(error, aiohttp.InvalidUrlClientError | aiohttp.NonHttpUrlClientError):
        kind = httpx.UnsupportedProtocol
    elif isinstance(error, aiohttp.ClientPayloadError):
        kind = httpx.ReadError
    elif isinstance(error, aiohttp.ClientResponseError | aiohttp.ServerDisconnectedError):
        kind = httpx.RemoteProtocolError
    else:
        kind = httpx.NetworkError
    return kind(message, request=request)


_FAILURES = (aiohttp.ClientError, OSError, asyncio.TimeoutError)


class _Stalled(Exception):
    """A streamed request body made no progress within the write timeout."""


class _ResponseStream(httpx.AsyncByteStream):
    """The body of an aiohttp response, read in chunks as httpx asks for them."""

    def __init__(self, response: aiohttp.ClientResponse, request: httpx.Request) -> None:
        self._response = response
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        chunks = self._response.content.iter_chunked(64 * 1024)
        while True:
            chunk: bytes | None = None
            failure: httpx.TransportError | None = None
            try:
                chunk = await chunks.__anext__()
            except StopAsyncIteration:
                return
            except _FAILURES as error:
                failure = _translate(error, self._request)
            if failure is not None:
                raise failure  # raised outside the except block: no chain to aiohttp's error
            if chunk:
                yield chunk

    async def aclose(self) -> None:
        self._response.release()  # an unread body closes the connection instead of reusing it


class _Watchdog:
    """Times out a streamed upload that makes no progress for ``seconds`` (httpx's write timeout)."""

    def __init__(self, body: httpx.AsyncByteStream, seconds: float, deadline: asyncio.Timeout) -> None:
        self._body = body
        self._seconds = seconds
        self._deadline = deadline
        self.watching = True  # cleared once the response head is in: aiohttp may still be sending

    async def __aiter__(self) -> AsyncIterator[bytes]:
        loop = asyncio.get_running_loop()
        async for chunk in self._body:
            if self.watching:
                self._deadline.reschedule(loop.time() + self._seconds)
            yield chunk
        if self.watching:
            self._deadline.reschedule(None)  # the body is sent: the read timeout takes over


class AiohttpTransport(httpx_aiohttp.AiohttpTransport):
    """``httpx_aiohttp.AiohttpTransport`` with complete error mapping, a write timeout and no cookie jar."""

    def session(self) -> aiohttp.ClientSession:
        """The aiohttp session this transport sends on (made on first use)."""
        if not isinstance(self.client, aiohttp.ClientSession):
            self.client = self.get_client()
        return self.client

    def get_client(self) -> aiohttp.ClientSession:
        if self.client is not None:
            return super().get_client()
        limit = self.limits.max_connections or 0  # 0: unlimited, as httpx's None
        connector = aiohttp.TCPConnector(
            limit=limit,
            keepalive_timeout=self.limits.keepalive_expiry,
            ssl=self.ssl_context,
            local_addr=(self.local_address, 0) if self.local_address else None,
        )
        return aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar())

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.session()
        timeouts: dict[str, float | None] = request.extensions.get("timeout", {})
        data: Any
        try:
            data = request.content or None
        except httpx.RequestNotRead:
            data = request.stream
            request.headers.pop("transfer-encoding", None)  # aiohttp chunks a body of unknown size itself
        write = timeouts.get("write")
        response: aiohttp.ClientResponse | None = None
        failure: httpx.TransportError | None = None
        try:
            if isinstance(data, httpx.AsyncByteStream) and write is not None:
                response = await self._upload(request, data, write, timeouts)
            else:
                response = await self._send(request, data, timeouts)
        except _Stalled:
            failure = httpx.WriteTimeout(f"the request body made no progress for {write} s", request=request)
        except _FAILURES as error:
            failure = _translate(error, request)
        if response is None:
            raise failure or httpx.NetworkError("no response", request=request)  # outside the except: no chain
        return _answer(response, request)

    async def _upload(
        self, request: httpx.Request, body: httpx.AsyncByteStream, write: float, timeouts: dict[str, float | None]
    ) -> aiohttp.ClientResponse:
        """Send a streamed body under a deadline that each chunk pushes ``write`` seconds further."""
        async with asyncio.timeout(asyncio.get_running_loop().time() + write) as deadline:
            watchdog = _Watchdog(body, write, deadline)
            try:
                return await self._send(request, watchdog, timeouts)
            finally:
                watchdog.watching = False  # aiohttp may still be sending after an early response
                if deadline.expired():
                    raise _Stalled
                deadline.reschedule(None)

    async def _send(
        self, request: httpx.Request, data: Any, timeouts: dict[str, float | None]
    ) -> aiohttp.ClientResponse:
        headers = [(key.decode("latin-1"), value.decode("latin-1")) for key, value in request.headers.raw]
        return await self.send_on_session(
            request.method, str(request.url), headers, data, timeouts, request.extensions.get("sni_hostname")
        )

    async def send_on_session(
        self,
        method: str,
        url: str,
        headers: list[tuple[str, str]],
        data: Any,
        timeouts: dict[str, float | None],
        server_hostname: str | None = None,
    ) -> aiohttp.ClientResponse:
        """Send on this transport's session (through its proxy, if any), never following a redirect:
        ``url`` as httpx writes it, ``headers`` exactly as they go out, httpx's ``timeouts``."""
        proxy = self.proxy
        return await self.session().request(
            method,
            URL(url, encoded=True),
            headers=headers,
            data=data,
            allow_redirects=False,
            auto_decompress=False,
            compress=False,
            timeout=aiohttp.ClientTimeout(
                sock_connect=timeouts.get("connect"),
                sock_read=timeouts.get("read"),
                connect=timeouts.get("pool"),
            ),
            server_hostname=server_hostname,
            proxy=str(proxy.url) if proxy else None,
            proxy_auth=aiohttp.BasicAuth(*proxy.auth) if proxy and proxy.auth else None,
            proxy_headers=dict(proxy.headers) if proxy else None,
        )


def _answer(response: aiohttp.ClientResponse, request: httpx.Request) -> httpx.Response:
    """The ``httpx.Response`` of an aiohttp response whose head is in (its body read as httpx asks)."""
    extensions: dict[str, Any] = {"http_version": b"HTTP/1.1"}
    if response.reason:
        extensions["reason_phrase"] = response.reason.encode("latin-1", "replace")
    return httpx.Response(
        status_code=response.status,
        headers=response.raw_headers,
        stream=_ResponseStream(response, request),
        request=request,
        extensions=extensions,
    )


class AiohttpDirect(Direct):
    """Sends the SDK's requests on the aiohttp session of the transport httpx picks for their URL
    (the client's own, or a proxy's), with nothing of ``httpx.AsyncClient`` in between."""

    def _target(self, transport: Any, origin: httpx.URL) -> AiohttpTransport | None:
        return transport if isinstance(transport, AiohttpTransport) else None

    async def _send(self, out: Outgoing) -> Opened:
        transport: AiohttpTransport = out.route.target
        response: aiohttp.ClientResponse | None = None
        failure: httpx.TransportError | None = None
        try:
            response = await transport.send_on_session(
                out.request.method, out.url, out.head, out.content, out.timeout.as_dict()
            )
        except _FAILURES as error:
            failure = _translate(error, out.request)
        if response is None:
            raise failure or httpx.NetworkError("no response", request=out.request)  # outside the except: no chain
        answer = _answer(response, out.request)
        return Opened(answer, self.decoded(answer, aiter(answer.stream)))  # type: ignore[arg-type]


class AiohttpClient(httpx.AsyncClient):
    """An ``httpx.AsyncClient`` whose connections are aiohttp's (needs the ``aiohttp`` extra).

    Takes ``httpx.AsyncClient``'s arguments; the pool defaults to the SDK's. Proxies from the
    environment or ``proxy=`` go through the same transport.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("limits", POOL_LIMITS)
        super().__init__(**kwargs)
        lean_cookies(self)

    def _init_transport(
        self,
        verify: ssl.SSLContext | str | bool = True,
        cert: _Cert = None,
        trust_env: bool = True,
        http1: bool = True,
        http2: bool = False,
        limits: httpx.Limits = POOL_LIMITS,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> httpx.AsyncBaseTransport:
        if transport is not None:
            return transport
        return AiohttpTransport(verify=verify, cert=cert, trust_env=trust_env, http1=http1, http2=http2, limits=limits)

    def _init_proxy_transport(
        self,
        proxy: httpx.Proxy,
        verify: ssl.SSLContext | str | bool = True,
        cert: _Cert = None,
        trust_env: bool = True,
        http1: bool = True,
        http2: bool = False,
        limits: httpx.Limits = POOL_LIMITS,
    ) -> httpx.AsyncBaseTransport:
        return AiohttpTransport(
            verify=verify, cert=cert, trust_env=trust_env, http1=http1, http2=http2, limits=limits, proxy=proxy
        )
