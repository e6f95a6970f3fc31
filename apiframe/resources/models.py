"""``client.models``: the public model catalog."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Unpack

from .._bodies import build_query
from .._flow import Flow
from ._base import AsyncResource, SyncResource, call_flow

if TYPE_CHECKING:
    from apiframe_client.models import ModelCatalog

    from .._config import RequestOptions

__all__ = ["AsyncModels", "Modality", "Models", "catalog_flow"]

Modality = Literal["image", "video", "music"]


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
