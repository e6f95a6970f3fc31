"""``client.assets``: register provider assets (needed by some video providers)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Literal, Unpack

from .._bodies import build_plain_body, path_for
from .._flow import Flow
from .._pipeline import call_flow
from .._response import async_raw, raw
from ._base import AsyncResource, SyncResource

if TYPE_CHECKING:
    from apiframe_client.models import AssetCreated, AssetsGetResponse200

    from .._config import RequestOptions

__all__ = ["AssetType", "Assets", "AsyncAssets"]

AssetType = Literal["image", "video", "audio"]


def create_flow(client: Any, url: str, type: str, options: RequestOptions) -> Flow[AssetCreated]:
    from apiframe_client.models import AssetCreated

    body = build_plain_body("assets_create", {"url": url, "type": type})
    created: AssetCreated = yield from call_flow(client, "assets_create", AssetCreated, json_body=body, options=options)
    return created


def get_flow(client: Any, asset_id: str, options: RequestOptions) -> Flow[AssetsGetResponse200]:
    from apiframe_client.models import AssetsGetResponse200

    path = path_for("assets_get", assetId=asset_id)
    asset: AssetsGetResponse200 = yield from call_flow(
        client, "assets_get", AssetsGetResponse200, path=path, options=options
    )
    return asset


class Assets(SyncResource):
    """Pre-registered provider assets."""

    @functools.cached_property
    def with_raw_response(self) -> AssetsWithRawResponse:
        """These methods returning a :class:`~apiframe.RawResponse` (status, headers, request id, ``.parse()``)."""
        return AssetsWithRawResponse(self)

    def create(self, *, url: str, type: AssetType, **options: Unpack[RequestOptions]) -> AssetCreated:
        """Register ``url`` as an asset of ``type``; returns its ``asset_id``."""
        return self._client._run(create_flow(self._client, url, type, options))

    def get(self, asset_id: str, /, **options: Unpack[RequestOptions]) -> AssetsGetResponse200:
        """An asset's current record."""
        return self._client._run(get_flow(self._client, asset_id, options))


class AsyncAssets(AsyncResource):
    """Pre-registered provider assets (async)."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncAssetsWithRawResponse:
        """These methods returning a :class:`~apiframe.RawResponse` (status, headers, request id, ``.parse()``)."""
        return AsyncAssetsWithRawResponse(self)

    async def create(self, *, url: str, type: AssetType, **options: Unpack[RequestOptions]) -> AssetCreated:
        """Register ``url`` as an asset of ``type``; returns its ``asset_id``."""
        return await self._client._run(create_flow(self._client, url, type, options))

    async def get(self, asset_id: str, /, **options: Unpack[RequestOptions]) -> AssetsGetResponse200:
        """An asset's current record."""
        return await self._client._run(get_flow(self._client, asset_id, options))


class AssetsWithRawResponse:
    """``client.assets.with_raw_response``: create, get returning a RawResponse."""

    def __init__(self, assets: Assets) -> None:
        self.create = raw(assets.create)
        self.get = raw(assets.get)


class AsyncAssetsWithRawResponse:
    """``client.assets.with_raw_response``: create, get returning a RawResponse."""

    def __init__(self, assets: AsyncAssets) -> None:
        self.create = async_raw(assets.create)
        self.get = async_raw(assets.get)
