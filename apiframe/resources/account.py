"""``client.me()`` and ``client.models``: who is calling, and which models exist."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Unpack

from .._bodies import build_query
from .._flow import Flow
from ._base import AsyncResource, SyncResource, call_flow

if TYPE_CHECKING:
    from apiframe_client.models import Me, ModelCatalog

    from .._config import RequestOptions

__all__ = ["AsyncModels", "Models", "me_flow"]

Modality = Literal["image", "video", "music"]


def me_flow(client: Any, options: RequestOptions) -> Flow[Me]:
    from apiframe_client.models import Me

    me: Me = yield from call_flow(client, "me_get", Me, options=options)
    return me


def catalog_flow(client: Any, modality: str | None, options: RequestOptions) -> Flow[ModelCatalog]:
    from apiframe_client.models import ModelCatalog

    query = build_query("models_list", {"modality": modality})
    catalog: ModelCatalog = yield from call_flow(client, "models_list", ModelCatalog, params=query, options=options)
    return catalog


class Models(SyncResource):
    """The public model catalog."""

    def list(self, *, modality: Modality | None = None, **options: Unpack[RequestOptions]) -> ModelCatalog:
        """Every model (``.models``), optionally only one modality."""
        return self._client._run(catalog_flow(self._client, modality, options))


class AsyncModels(AsyncResource):
    """The public model catalog (async)."""

    async def list(self, *, modality: Modality | None = None, **options: Unpack[RequestOptions]) -> ModelCatalog:
        """Every model (``.models``), optionally only one modality."""
        return await self._client._run(catalog_flow(self._client, modality, options))
