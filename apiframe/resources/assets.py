"""``client.assets``: register provider assets (needed by some video providers)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Unpack

from .._bodies import build_plain_body, path_for
from .._flow import Flow
from ._base import AsyncResource, SyncResource, call_flow

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

    def create(self, *, url: str, type: AssetType, **options: Unpack[RequestOptions]) -> AssetCreated:
        """Register ``url`` as an asset of ``type``; returns its ``asset_id``."""
        return self._client._run(create_flow(self._client, url, type, options))

    def get(self, asset_id: str, /, **options: Unpack[RequestOptions]) -> AssetsGetResponse200:
        """An asset's current record."""
        return self._client._run(get_flow(self._client, asset_id, options))


class AsyncAssets(AsyncResource):
    """Pre-registered provider assets (async)."""

    async def create(self, *, url: str, type: AssetType, **options: Unpack[RequestOptions]) -> AssetCreated:
        """Register ``url`` as an asset of ``type``; returns its ``asset_id``."""
        return await self._client._run(create_flow(self._client, url, type, options))

    async def get(self, asset_id: str, /, **options: Unpack[RequestOptions]) -> AssetsGetResponse200:
        """An asset's current record."""
        return await self._client._run(get_flow(self._client, asset_id, options))
