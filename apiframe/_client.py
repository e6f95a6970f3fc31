"""The two clients. Each resolves its arguments into one session (settings, clock, push source,
connection pool) and hands it to its resources; copies are sessions evolved the same way."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import httpx

from ._config import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, resolve_settings
from ._connections import HttpBackend, LoopPool, ProcessPool, async_factory, check_backend, sync_factory
from ._deadline import guard_client
from ._errors import ConfigurationError
from ._flow import Clock, Seen
from ._logging import register_secret, setup_logging
from ._session import AsyncSession, SyncSession
from ._waiting._push import PushFeed
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
from .resources._generated import ApiframeWithRawResponse, AsyncApiframeWithRawResponse
from .resources.account import AccountMethods, AsyncAccountMethods

if TYPE_CHECKING:
    from .webhooks import PushSource

__all__ = ["Apiframe", "AsyncApiframe", "HttpBackend"]

S = TypeVar("S", SyncSession, AsyncSession)


def _check_push(push: object) -> PushFeed | None:
    """``push=``: a :class:`~apiframe.webhooks.PushSource`, or None (waits poll)."""
    if push is None or isinstance(push, PushFeed):
        return push
    raise ConfigurationError(f"push must be an apiframe.webhooks.PushSource(hub, url), got {type(push).__name__}")


class _BaseClient(Generic[S]):
    """What both clients share: their session, the settings it holds, and copies of it."""

    _session: S
    _owner: bool

    def _attach(self, session: S, *, owner: bool) -> Self:
        """Start on ``session`` (the constructor's last step, and every copy's only one)."""
        register_secret(session.settings.api_key)
        trust = getattr(session.push, "trust", None)
        if callable(trust):  # a shared hub (Redis) verifies what it reads with this client's key
            trust(session.settings.api_key)
        self.__dict__.clear()  # resources and views of an earlier session, if any
        self._session = session
        self._owner = owner
        """Whether closing this client closes its pool (the SDK made it, and this is not a copy)."""
        return self

    def _copy(self, session: S) -> Self:
        return type(self).__new__(type(self))._attach(session, owner=False)

    @property
    def base_url(self) -> str:
        """The API's base URL (without a trailing slash)."""
        return self._session.settings.base_url

    @property
    def timeout(self) -> httpx.Timeout:
        """The default deadline of each call (and its connect timeout)."""
        return self._session.settings.timeout

    @property
    def max_retries(self) -> int:
        """How many times a failed request is retried by default."""
        return self._session.settings.max_retries

    @property
    def _http(self) -> Any:
        """The connection pool requests go through now (this process's; the running loop's)."""
        return self._session.pool.get()

    def with_options(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> Self:
        """A copy with some settings changed (checked as the constructor checks them), sharing this
        client's connection pool, push source and every other setting."""
        settings = self._session.settings
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
            changes["default_headers"] = {**settings.default_headers, **default_headers}
        return self._copy(self._session.evolve(settings=settings.evolve(**changes)))

    def _use_clock(self, clock: Clock) -> Self:
        """Tests: run this client's waits and backoff on ``clock`` (not part of the constructor's API)."""
        return self._attach(self._session.evolve(clock=clock), owner=self._owner)

    def _recording(self, seen: Seen) -> Self:
        """A copy telling ``seen`` of every response (``client.with_raw_response.me()``)."""
        return self._copy(self._session.recording(seen))

    def __repr__(self) -> str:
        settings = self._session.settings
        return f"{type(self).__name__}(base_url={settings.base_url!r}, max_retries={settings.max_retries})"


class Apiframe(_BaseClient[SyncSession], AccountMethods):
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
        setup_logging()
        settings = resolve_settings(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            allow_dangerously_expose_api_key=allow_dangerously_expose_api_key,
        )
        if http_client is None:
            pool = ProcessPool(sync_factory(settings.timeout))
        else:  # a whole-request deadline down to each socket read, on any client
            pool = ProcessPool(None, guard_client(http_client))
        self._attach(SyncSession(settings, pool, push=_check_push(push)), owner=pool.owned)

    @functools.cached_property
    def with_raw_response(self) -> ApiframeWithRawResponse:
        """Every method returning a :class:`~apiframe.RawResponse` (status, headers, body, request id, ``.parse()``)."""
        return ApiframeWithRawResponse(self)

    def to_async(self, *, http_backend: HttpBackend | None = None) -> AsyncApiframe:
        """An :class:`AsyncApiframe` with this client's settings and push source, on a connection pool
        of its own (close it when done: ``await client.aclose()``)."""
        session = self._session
        pool = LoopPool(async_factory(check_backend(http_backend), session.settings.timeout))
        twin = AsyncSession(session.settings, pool, clock=session.clock, push=session.push)
        return AsyncApiframe.__new__(AsyncApiframe)._attach(twin, owner=True)

    def close(self) -> None:
        """Close the connection pool (not when it belongs to a user-supplied ``http_client``, nor from a copy)."""
        if self._owner:
            self._session.pool.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncApiframe(_BaseClient[AsyncSession], AsyncAccountMethods):
    """The asynchronous Apiframe client: the same methods as :class:`Apiframe`, awaitable.

    One client works on any event loop and thread: each running loop gets its own connection pool.
    ``http_backend="aiohttp"`` (or ``APIFRAME_HTTP_BACKEND=aiohttp``) runs requests on aiohttp's
    connections, several times cheaper under concurrency; it needs the ``aiohttp`` extra.
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
        setup_logging()
        settings = resolve_settings(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            allow_dangerously_expose_api_key=allow_dangerously_expose_api_key,
        )
        if http_client is None:
            pool = LoopPool(async_factory(check_backend(http_backend), settings.timeout))
        else:
            pool = LoopPool(None, http_client)
        self._attach(AsyncSession(settings, pool, push=_check_push(push)), owner=pool.owned)

    @functools.cached_property
    def with_raw_response(self) -> AsyncApiframeWithRawResponse:
        """Every method returning a :class:`~apiframe.RawResponse` (status, headers, body, request id, ``.parse()``)."""
        return AsyncApiframeWithRawResponse(self)

    async def aclose(self) -> None:
        """Close the connection pool (not when it belongs to a user-supplied ``http_client``, nor from a copy)."""
        if self._owner:
            await self._session.pool.aclose()

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
