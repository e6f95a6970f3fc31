"""The two clients. They hold settings and an httpx client, and run the shared flows."""

from __future__ import annotations

import functools
import os
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Literal, Self, TypeVar, Unpack

import httpx

from ._config import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, ClientConfig, RequestOptions, make_config
from ._deadline import guard_client
from ._errors import ConfigurationError
from ._flow import Clock, Flow, iter_async, iter_sync, run_async, run_sync
from ._logging import register_secret, setup_logging
from ._pipeline import request_flow
from .resources import (
    Assets,
    AsyncAssets,
    AsyncImages,
    AsyncJobs,
    AsyncLoras,
    AsyncModels,
    AsyncMusic,
    AsyncUploads,
    AsyncVideos,
    Images,
    Jobs,
    Loras,
    Models,
    Music,
    Uploads,
    Videos,
)
from .resources._base import resource
from .resources._raw import ApiframeWithRawResponse, AsyncApiframeWithRawResponse
from .resources.account import me_flow

if TYPE_CHECKING:
    from apiframe_client.models import Me

    from ._files import MultipartBody
    from .webhooks import PushSource

__all__ = ["Apiframe", "AsyncApiframe"]

T = TypeVar("T")
H = TypeVar("H")
_UNSET: Any = object()

POOL_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100, keepalive_expiry=30.0)
"""The pool of the clients the SDK creates: every connection may stay idle between bursts and between
polls of a wait (httpx's default keeps 20 idle connections for 5 s, so more concurrency or a slower
poll means new connections, each a TLS handshake)."""

HttpBackend = Literal["httpx", "aiohttp"]
_BACKENDS = ("httpx", "aiohttp")


def _async_http(backend: str | None, timeout: httpx.Timeout) -> httpx.AsyncClient:
    """The ``httpx.AsyncClient`` an ``AsyncApiframe`` owns: httpcore's pool, or aiohttp's."""
    chosen = backend if backend is not None else os.environ.get("APIFRAME_HTTP_BACKEND") or "httpx"
    if chosen not in _BACKENDS:
        where = "http_backend" if backend is not None else "the APIFRAME_HTTP_BACKEND environment variable"
        raise ConfigurationError(f"{where} must be 'httpx' or 'aiohttp', got {chosen!r}")
    if chosen == "httpx":
        from ._pool import pooled_transport

        return httpx.AsyncClient(timeout=timeout, limits=POOL_LIMITS, transport=pooled_transport(limits=POOL_LIMITS))
    try:
        from ._aiohttp import AiohttpClient
    except ImportError as error:
        raise ConfigurationError(f"http_backend='aiohttp': {error}") from None
    return AiohttpClient(timeout=timeout)


class _Pool(Generic[H]):
    """The connection pool of a client and its copies; a forked child gets a fresh one.

    Connections are sockets: after ``os.fork()`` parent and child would share them and read each
    other's answers. The pool notices the process id change and starts over (the parent's pool is
    left alone). A user-supplied ``http_client`` is the user's to re-create after a fork.
    """

    def __init__(self, http: H, factory: Callable[[], H] | None) -> None:
        self._http: H = http
        self._factory: Callable[[], H] | None = factory
        self._pid = os.getpid()

    def get(self) -> H:
        if self._factory is not None and os.getpid() != self._pid:
            self._http = self._factory()
            self._pid = os.getpid()
        return self._http


def _check_push(push: object, api_key: str) -> PushSource | None:
    """``push=``: a :class:`~apiframe.webhooks.PushSource`, or None (waits poll). Its hub trusts
    deliveries signed for this client's key (a shared hub verifies what it reads with it)."""
    if push is None:
        return None
    from .webhooks import PushSource

    if not isinstance(push, PushSource):
        raise ConfigurationError(f"push must be an apiframe.webhooks.PushSource(hub, url), got {type(push).__name__}")
    push.trust(api_key)
    return push


class _BaseClient:
    _config: ClientConfig
    _owns_http: bool
    _pool: _Pool[Any]
    _push: PushSource | None = None

    @property
    def _http(self) -> Any:
        return self._pool.get()

    def _init_config(
        self,
        *,
        api_key: str | None,
        base_url: str | None,
        timeout: float | httpx.Timeout,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        clock: Clock | None,
        allow_dangerously_expose_api_key: bool,
    ) -> None:
        setup_logging()
        self._config = make_config(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            clock=clock,
            allow_dangerously_expose_api_key=allow_dangerously_expose_api_key,
        )
        register_secret(self._config.api_key)

    @property
    def base_url(self) -> str:
        """The API's base URL (without a trailing slash)."""
        return self._config.base_url

    @property
    def timeout(self) -> httpx.Timeout:
        """The default HTTP timeout of each request."""
        return self._config.timeout

    @property
    def max_retries(self) -> int:
        """How many times a failed request is retried by default."""
        return self._config.max_retries

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        multipart: MultipartBody | None = None,
        options: Mapping[str, Any] | None = None,
        stream: bool = False,
        authenticate: bool = True,
        deadline: float | None = None,
    ) -> Flow[httpx.Response]:
        return request_flow(
            self._config,
            method,
            path,
            params=params,
            json=json,
            multipart=multipart,
            options=options,
            stream=stream,
            authenticate=authenticate,
            deadline=deadline,
        )

    def _use_clock(self, clock: Clock) -> Self:
        """Tests: run this client's waits and backoff on ``clock`` (not part of the constructor's API)."""
        self._config = self._config.evolve(clock=clock)
        return self

    def with_options(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> Self:
        """A copy with some settings changed, sharing this client's connection pool."""
        changes: dict[str, Any] = {}
        if api_key is not None:
            changes["api_key"] = api_key
        if base_url is not None:
            changes["base_url"] = base_url
        if timeout is not None:
            changes["timeout"] = timeout
        if max_retries is not None:
            changes["max_retries"] = max_retries
        if default_headers is not None:
            changes["default_headers"] = {**self._config.default_headers, **default_headers}
        clone = object.__new__(type(self))
        clone._config = self._config.evolve(**changes)
        register_secret(clone._config.api_key)
        clone._owns_http = False
        clone._pool = self._pool
        clone._push = self._push
        if clone._push is not None:
            clone._push.trust(clone._config.api_key)
        return clone

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._config.base_url!r}, max_retries={self._config.max_retries})"


class Apiframe(_BaseClient):
    """The synchronous Apiframe client.

    ``Apiframe()`` reads ``APIFRAME_API_KEY`` (and ``APIFRAME_BASE_URL``). Pass ``http_client`` to
    use your own ``httpx.Client`` (proxies, transports, tests): auth, retries and timeouts still apply.
    Pass ``push=PushSource(hub, url)`` (``apiframe.webhooks``) to end waits on webhook deliveries.
    """

    images = resource(Images, "Image jobs")
    videos = resource(Videos, "Video jobs")
    music = resource(Music, "Music jobs")
    jobs = resource(Jobs, "Jobs")
    uploads = resource(Uploads, "Short-lived file uploads for use as model inputs")
    loras = resource(Loras, "Flux LoRAs")
    models = resource(Models, "The model catalog")
    assets = resource(Assets, "Provider assets some video models need")

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
        allow_dangerously_expose_api_key: bool = False,
        push: PushSource | None = None,
    ) -> None:
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise ConfigurationError(
                f"http_client must be an httpx.Client (use AsyncApiframe for an httpx.AsyncClient), "
                f"got {type(http_client).__name__}"
            )
        self._init_config(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            clock=None,
            allow_dangerously_expose_api_key=allow_dangerously_expose_api_key,
        )
        self._push = _check_push(push, self._config.api_key)
        self._owns_http = http_client is None
        if http_client is not None:
            guard_client(http_client)  # a whole-request deadline down to each socket read, on any client
        self._pool = _Pool(http_client, None) if http_client else _Pool(self._new_http(), self._new_http)

    def _new_http(self) -> httpx.Client:
        return guard_client(httpx.Client(timeout=self._config.timeout, limits=POOL_LIMITS))

    def me(self, **options: Unpack[RequestOptions]) -> Me:
        """The calling team: credits, plan and limits."""
        return self._run(me_flow(self, options))

    @functools.cached_property
    def with_raw_response(self) -> ApiframeWithRawResponse:
        """Every method returning a :class:`~apiframe.RawResponse` (status, headers, request id, ``.parse()``)."""
        return ApiframeWithRawResponse(self)

    def _run(self, flow: Flow[T]) -> T:
        return run_sync(flow, http=self._http, base_url=self._config.base_url, clock=self._config.clock)

    def _iterate(self, flow: Flow[Any]) -> Iterator[Any]:
        return iter_sync(flow, http=self._http, base_url=self._config.base_url, clock=self._config.clock)

    def close(self) -> None:
        """Close the connection pool (not when it belongs to a user-supplied ``http_client``)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncApiframe(_BaseClient):
    """The asynchronous Apiframe client: the same methods as :class:`Apiframe`, awaitable.

    ``http_backend="aiohttp"`` (or ``APIFRAME_HTTP_BACKEND=aiohttp``) runs requests on aiohttp's
    connections, several times cheaper under concurrency; it needs ``apiframe-sdk[aiohttp]``.
    """

    images = resource(AsyncImages, "Image jobs")
    videos = resource(AsyncVideos, "Video jobs")
    music = resource(AsyncMusic, "Music jobs")
    jobs = resource(AsyncJobs, "Jobs")
    uploads = resource(AsyncUploads, "Short-lived file uploads for use as model inputs")
    loras = resource(AsyncLoras, "Flux LoRAs")
    models = resource(AsyncModels, "The model catalog")
    assets = resource(AsyncAssets, "Provider assets some video models need")

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
        allow_dangerously_expose_api_key: bool = False,
        push: PushSource | None = None,
        http_backend: HttpBackend | None = None,
    ) -> None:
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise ConfigurationError(
                f"http_client must be an httpx.AsyncClient (use Apiframe for an httpx.Client), "
                f"got {type(http_client).__name__}"
            )
        if http_client is not None and http_backend is not None:
            raise ConfigurationError(
                "pass http_client or http_backend, not both (apiframe.AiohttpClient() is an http_client on aiohttp)"
            )
        self._init_config(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            clock=None,
            allow_dangerously_expose_api_key=allow_dangerously_expose_api_key,
        )
        self._push = _check_push(push, self._config.api_key)
        self._owns_http = http_client is None
        self._backend = http_backend
        self._pool = _Pool(http_client, None) if http_client else _Pool(self._new_http(), self._new_http)

    def _new_http(self) -> httpx.AsyncClient:
        return _async_http(self._backend, self._config.timeout)

    async def me(self, **options: Unpack[RequestOptions]) -> Me:
        """The calling team: credits, plan and limits."""
        return await self._run(me_flow(self, options))

    @functools.cached_property
    def with_raw_response(self) -> AsyncApiframeWithRawResponse:
        """Every method returning a :class:`~apiframe.RawResponse` (status, headers, request id, ``.parse()``)."""
        return AsyncApiframeWithRawResponse(self)

    async def _run(self, flow: Flow[T]) -> T:
        return await run_async(flow, http=self._http, base_url=self._config.base_url, clock=self._config.clock)

    def _iterate(self, flow: Flow[Any]) -> AsyncIterator[Any]:
        return iter_async(flow, http=self._http, base_url=self._config.base_url, clock=self._config.clock)

    async def aclose(self) -> None:
        """Close the connection pool (not when it belongs to a user-supplied ``http_client``)."""
        if self._owns_http:
            await self._http.aclose()

    async def close(self) -> None:
        """Alias of :meth:`aclose`."""
        await self.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
