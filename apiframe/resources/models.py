"""``client.models``: the public model catalog."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Literal, Unpack

from .._bodies import build_query
from .._flow import Flow
from .._pipeline import call_flow
from .._response import async_raw, raw
from ._base import AsyncResource, SyncResource

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

    @functools.cached_property
    def with_raw_response(self) -> ModelsWithRawResponse:
        """These methods returning a :class:`~apiframe.RawResponse` (status, headers, request id, ``.parse()``)."""
        return ModelsWithRawResponse(self)

    def list(self, *, modality: Modality | None = None, **options: Unpack[RequestOptions]) -> ModelCatalog:
        """Every model (``.models``), optionally only one modality."""
        return self._client._run(catalog_flow(self._client, modality, options))


class AsyncModels(AsyncResource):
    """The public model catalog (async)."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncModelsWithRawResponse:
        """These methods returning a :class:`~apiframe.RawResponse` (status, headers, request id, ``.parse()``)."""
        return AsyncModelsWithRawResponse(self)

    async def list(self, *, modality: Modality | None = None, **options: Unpack[RequestOptions]) -> ModelCatalog:
        """Every model (``.models``), optionally only one modality."""
        return await self._client._run(catalog_flow(self._client, modality, options))


class ModelsWithRawResponse:
    """``client.models.with_raw_response``: list returning a RawResponse."""

    def __init__(self, models: Models) -> None:
        self.list = raw(models.list)


class AsyncModelsWithRawResponse:
    """``client.models.with_raw_response``: list returning a RawResponse."""

    def __init__(self, models: AsyncModels) -> None:
        self.list = async_raw(models.list)
