"""``client.assets``: register provider assets (needed by some video providers)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Unpack

from .._bodies import build_plain_body, path_for
from .._flow import Flow
from .._options import CallOptions, RequestOptions
from ._base import AsyncResource, SyncResource

if TYPE_CHECKING:
    from apiframe_client.models import AssetCreated, AssetsGetResponse200

    from .._session import Session


__all__ = ["AssetType", "AssetsMethods", "AsyncAssetsMethods"]

AssetType = Literal["image", "video", "audio"]


def create_flow(session: Session, url: str, type: str, options: CallOptions) -> Flow[AssetCreated]:
    from apiframe_client.models import AssetCreated

    body = build_plain_body("assets_create", {"url": url, "type": type})
    created: AssetCreated = yield from session.call("assets_create", AssetCreated, json_body=body, options=options)
    return created


def get_flow(session: Session, asset_id: str, options: CallOptions) -> Flow[AssetsGetResponse200]:
    from apiframe_client.models import AssetsGetResponse200

    path = path_for("assets_get", assetId=asset_id)
    asset: AssetsGetResponse200 = yield from session.call(
        "assets_get", AssetsGetResponse200, path=path, options=options
    )
    return asset


class AssetsMethods(SyncResource):
    """Pre-registered provider assets."""

    def create(self, *, url: str, type: AssetType, **options: Unpack[RequestOptions]) -> AssetCreated:
        """Register ``url`` as an asset of ``type``; returns its ``asset_id``."""
        return self._session.run(create_flow(self._session, url, type, CallOptions.of(options)))

    def get(self, asset_id: str, /, **options: Unpack[RequestOptions]) -> AssetsGetResponse200:
        """An asset's current record."""
        return self._session.run(get_flow(self._session, asset_id, CallOptions.of(options)))


class AsyncAssetsMethods(AsyncResource):
    """Pre-registered provider assets (async)."""

    async def create(self, *, url: str, type: AssetType, **options: Unpack[RequestOptions]) -> AssetCreated:
        """Register ``url`` as an asset of ``type``; returns its ``asset_id``."""
        return await self._session.run(create_flow(self._session, url, type, CallOptions.of(options)))

    async def get(self, asset_id: str, /, **options: Unpack[RequestOptions]) -> AssetsGetResponse200:
        """An asset's current record."""
        return await self._session.run(get_flow(self._session, asset_id, CallOptions.of(options)))
