"""``client.models``: the public model catalog."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Unpack

from .._bodies import build_query
from .._flow import Flow
from .._options import CallOptions, RequestOptions
from ._base import AsyncResource, SyncResource

if TYPE_CHECKING:
    from apiframe_client.models import ModelCatalog

    from .._session import Session


__all__ = ["AsyncModelsMethods", "Modality", "ModelsMethods", "catalog_flow"]

Modality = Literal["image", "video", "music"]


def catalog_flow(session: Session, modality: str | None, options: CallOptions) -> Flow[ModelCatalog]:
    from apiframe_client.models import ModelCatalog

    query = build_query("models_list", {"modality": modality})
    catalog: ModelCatalog = yield from session.call("models_list", ModelCatalog, params=query, options=options)
    return catalog


class ModelsMethods(SyncResource):
    """The public model catalog."""

    def list(self, *, modality: Modality | None = None, **options: Unpack[RequestOptions]) -> ModelCatalog:
        """Every model (``.models``), optionally only one modality."""
        return self._session.run(catalog_flow(self._session, modality, CallOptions.of(options)))


class AsyncModelsMethods(AsyncResource):
    """The public model catalog (async)."""

    async def list(self, *, modality: Modality | None = None, **options: Unpack[RequestOptions]) -> ModelCatalog:
        """Every model (``.models``), optionally only one modality."""
        return await self._session.run(catalog_flow(self._session, modality, CallOptions.of(options)))
