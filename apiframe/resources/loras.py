"""``client.loras``: train Flux LoRAs from 15-30 images, then list, fetch and delete them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Unpack

from .._bodies import build_form, build_query, path_for
from .._errors import InvalidRequestError
from .._files import FileInput, MultipartBody, file_source
from .._flow import Flow
from .._options import CallOptions, RequestOptions
from .._pagination import AsyncPage, AsyncPager, Page
from ._base import AsyncResource, SyncResource

if TYPE_CHECKING:
    from apiframe_client.models import Lora, LoraCreated, LoraList

    from .._session import Session


__all__ = ["AsyncLorasMethods", "LorasMethods"]

SubjectKind = Literal["person", "style", "object"]
Gender = Literal["female", "male", "non-binary"]


def lora_body(images: Sequence[FileInput], fields: Mapping[str, Any]) -> MultipartBody:
    """Check the images and fields against the spec, open every image source, build the body.

    Beyond the spec: a ``person`` LoRA (the default subject) needs ``gender`` and ``ethnicity``.
    """
    text, files = build_form("loras_create", fields, {"images": images})
    if fields.get("subject_kind") in (None, "person"):
        missing = [name for name in ("gender", "ethnicity") if fields.get(name) is None]
        if missing:
            raise InvalidRequestError(
                f"{' and '.join(missing)} {'are' if len(missing) > 1 else 'is'} required when subject_kind is "
                "'person' (the default); pass them or choose subject_kind='style' or 'object'",
                field=missing[0],
                fields=[*missing, "subject_kind"],
            )
    parts = [(wire, file_source(item)) for wire, items in files.items() for item in items]
    return MultipartBody(text, parts)


def create_flow(session: Session, body: MultipartBody, options: CallOptions) -> Flow[LoraCreated]:
    from apiframe_client.models import LoraCreated

    created: LoraCreated = yield from session.call("loras_create", LoraCreated, multipart=body, options=options)
    return created


def list_flow(session: Session, query: Mapping[str, Any], options: CallOptions) -> Flow[LoraList]:
    """One page of LoRAs for ``query`` (wire names: the caller's arguments checked by ``build_query``
    once, then the server's own cursor for each following page, sent as it came)."""
    from apiframe_client.models import LoraList

    page: LoraList = yield from session.call("loras_list", LoraList, params=query, options=options)
    return page


def get_flow(session: Session, lora_id: str, options: CallOptions) -> Flow[Lora]:
    from apiframe_client.models import Lora

    lora: Lora = yield from session.call("loras_get", Lora, path=path_for("loras_get", id=lora_id), options=options)
    return lora


def delete_flow(session: Session, lora_id: str, options: CallOptions) -> Flow[None]:
    yield from session.call("loras_delete", None, path=path_for("loras_delete", id=lora_id), options=options)
    return None


def _fields(
    name: str,
    subject_kind: str | None,
    gender: str | None,
    ethnicity: str | None,
    age: str | None,
    steps: int | None,
    lora_rank: int | None,
    webhook_url: str | None,
    webhook_events: Sequence[str] | str | None,
) -> dict[str, Any]:
    return {
        "name": name,
        "subject_kind": subject_kind,
        "gender": gender,
        "ethnicity": ethnicity,
        "age": age,
        "steps": steps,
        "lora_rank": lora_rank,
        "webhook_url": webhook_url,
        "webhook_events": webhook_events,
    }


class LorasMethods(SyncResource):
    """Train and manage Flux LoRAs. The returned ``id`` is the ``loraId`` for ``flux-lora``."""

    def create(
        self,
        *,
        name: str,
        images: Sequence[FileInput],
        subject_kind: SubjectKind | None = None,
        gender: Gender | None = None,
        ethnicity: str | None = None,
        age: str | None = None,
        steps: int | None = None,
        lora_rank: int | None = None,
        webhook_url: str | None = None,
        webhook_events: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> LoraCreated:
        """Upload 15-30 training images (paths, bytes or file objects; streamed) and queue training.

        Everything is checked before anything is sent. Training runs as a job with the LoRA's id:
        ``client.jobs.wait(created.id)``.
        """
        body = lora_body(
            images, _fields(name, subject_kind, gender, ethnicity, age, steps, lora_rank, webhook_url, webhook_events)
        )
        return self._session.run(create_flow(self._session, body, CallOptions.of(options)))

    def list(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        include_archived: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[Lora]:
        """One page of LoRAs; iterate it to walk every page lazily."""
        query = build_query("loras_list", {"limit": limit, "cursor": cursor, "include_archived": include_archived})
        return self._page(query, CallOptions.of(options))

    def _page(self, query: dict[str, Any], options: CallOptions) -> Page[Lora]:
        raw = self._session.run(list_flow(self._session, query, options))
        return Page(
            raw.items,
            next_cursor=raw.next_cursor,
            has_more=None,
            raw=raw,
            fetch=lambda cursor: self._page({**query, "cursor": cursor}, options),
        )

    def get(self, lora_id: str, /, **options: Unpack[RequestOptions]) -> Lora:
        """One LoRA: status, image count, trigger word, readiness."""
        return self._session.run(get_flow(self._session, lora_id, CallOptions.of(options)))

    def delete(self, lora_id: str, /, **options: Unpack[RequestOptions]) -> None:
        """Archive a LoRA."""
        self._session.run(delete_flow(self._session, lora_id, CallOptions.of(options)))


class AsyncLorasMethods(AsyncResource):
    """Train and manage Flux LoRAs (async)."""

    async def create(
        self,
        *,
        name: str,
        images: Sequence[FileInput],
        subject_kind: SubjectKind | None = None,
        gender: Gender | None = None,
        ethnicity: str | None = None,
        age: str | None = None,
        steps: int | None = None,
        lora_rank: int | None = None,
        webhook_url: str | None = None,
        webhook_events: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> LoraCreated:
        """Upload 15-30 training images and queue training; see :meth:`Loras.create`."""
        body = lora_body(
            images, _fields(name, subject_kind, gender, ethnicity, age, steps, lora_rank, webhook_url, webhook_events)
        )
        return await self._session.run(create_flow(self._session, body, CallOptions.of(options)))

    def list(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        include_archived: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Lora, AsyncPage[Lora]]:
        """LoRAs: ``await`` it for one page, ``async for`` over it for every LoRA of every page."""
        query = build_query("loras_list", {"limit": limit, "cursor": cursor, "include_archived": include_archived})
        checked = CallOptions.of(options)
        return AsyncPager(lambda: self._page(query, checked))

    async def _page(self, query: dict[str, Any], options: CallOptions) -> AsyncPage[Lora]:
        raw = await self._session.run(list_flow(self._session, query, options))
        return AsyncPage(
            raw.items,
            next_cursor=raw.next_cursor,
            has_more=None,
            raw=raw,
            fetch=lambda cursor: self._page({**query, "cursor": cursor}, options),
        )

    async def get(self, lora_id: str, /, **options: Unpack[RequestOptions]) -> Lora:
        """One LoRA: status, image count, trigger word, readiness."""
        return await self._session.run(get_flow(self._session, lora_id, CallOptions.of(options)))

    async def delete(self, lora_id: str, /, **options: Unpack[RequestOptions]) -> None:
        """Archive a LoRA."""
        await self._session.run(delete_flow(self._session, lora_id, CallOptions.of(options)))
