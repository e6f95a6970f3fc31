"""``client.loras``: train Flux LoRAs from 15-30 images, then list, fetch and delete them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Unpack

from .._bodies import path_for
from .._errors import InvalidRequestError
from .._files import FileInput, MultipartBody, file_source
from .._flow import Flow
from .._pagination import AsyncPage, AsyncPager, Page
from .._schema import operation, resolve, validate
from ._base import AsyncResource, SyncResource, call_flow

if TYPE_CHECKING:
    from apiframe_client.models import Lora, LoraCreated, LoraList

    from .._config import RequestOptions

__all__ = ["AsyncLoras", "Loras"]

SubjectKind = Literal["person", "style", "object"]
Gender = Literal["female", "male", "non-binary"]


def lora_body(images: Sequence[FileInput], fields: dict[str, Any]) -> MultipartBody:
    """Check the images and fields against the spec, open every image source, build the body."""
    schema = resolve(operation("loras_create").body_schema or {})
    limits = schema["properties"]["images"]
    low, high = limits.get("minItems", 0), limits.get("maxItems", len(images))
    if isinstance(images, (str, bytes)) or not isinstance(images, Sequence):
        raise InvalidRequestError("images must be a list of files (paths, bytes or file objects)", field="images")
    if not low <= len(images) <= high:
        raise InvalidRequestError(f"images: a LoRA trains on {low}-{high} images, got {len(images)}", field="images")
    events = fields.get("webhookEvents")
    if events is not None and not isinstance(events, str):
        fields["webhookEvents"] = ",".join(events)
    present = {k: v for k, v in fields.items() if v is not None}
    if present.get("subjectKind", "person") == "person":
        missing = [name for wire, name in (("gender", "gender"), ("ethnicity", "ethnicity")) if wire not in present]
        if missing:
            raise InvalidRequestError(
                f"{' and '.join(missing)} required when subject_kind is 'person' (the default); pass "
                "them or choose subject_kind='style' or 'object'",
                field=missing[0],
            )
    problems = validate(present, {**schema, "required": [r for r in schema.get("required", []) if r != "images"]})
    if problems:
        first = problems[0]
        raise InvalidRequestError(
            "; ".join(f"{'.'.join(map(str, p.path)) or 'body'}: {p.message}" for p in problems[:5]),
            field=".".join(map(str, first.path)) or None,
            allowed=first.allowed,
        )
    sources = [file_source(image) for image in images]
    text = [(key, str(value).lower() if isinstance(value, bool) else str(value)) for key, value in present.items()]
    return MultipartBody(text, [("images", source) for source in sources])


def create_flow(client: Any, body: MultipartBody, options: RequestOptions) -> Flow[LoraCreated]:
    from apiframe_client.models import LoraCreated

    created: LoraCreated = yield from call_flow(client, "loras_create", LoraCreated, multipart=body, options=options)
    return created


def list_flow(client: Any, query: Mapping[str, Any], options: RequestOptions) -> Flow[LoraList]:
    from apiframe_client.models import LoraList

    from .._bodies import build_query

    page: LoraList = yield from call_flow(
        client, "loras_list", LoraList, params=build_query("loras_list", query), options=options
    )
    return page


def get_flow(client: Any, lora_id: str, options: RequestOptions) -> Flow[Lora]:
    from apiframe_client.models import Lora

    lora: Lora = yield from call_flow(
        client, "loras_get", Lora, path=path_for("loras_get", id=lora_id), options=options
    )
    return lora


def delete_flow(client: Any, lora_id: str, options: RequestOptions) -> Flow[None]:
    yield from call_flow(client, "loras_delete", None, path=path_for("loras_delete", id=lora_id), options=options)
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
        "subjectKind": subject_kind,
        "gender": gender,
        "ethnicity": ethnicity,
        "age": age,
        "steps": steps,
        "loraRank": lora_rank,
        "webhookUrl": webhook_url,
        "webhookEvents": webhook_events,
    }


class Loras(SyncResource):
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
        return self._client._run(create_flow(self._client, body, options))

    def list(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        include_archived: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> Page[Lora]:
        """One page of LoRAs; iterate it to walk every page lazily."""
        return self._page({"limit": limit, "cursor": cursor, "include_archived": include_archived}, options)

    def _page(self, query: dict[str, Any], options: RequestOptions) -> Page[Lora]:
        raw = self._client._run(list_flow(self._client, query, options))
        return Page(
            raw.items,
            next_cursor=raw.next_cursor,
            has_more=None,
            raw=raw,
            fetch=lambda cursor: self._page({**query, "cursor": cursor}, options),
        )

    def get(self, lora_id: str, /, **options: Unpack[RequestOptions]) -> Lora:
        """One LoRA: status, image count, trigger word, readiness."""
        return self._client._run(get_flow(self._client, lora_id, options))

    def delete(self, lora_id: str, /, **options: Unpack[RequestOptions]) -> None:
        """Archive a LoRA."""
        self._client._run(delete_flow(self._client, lora_id, options))


class AsyncLoras(AsyncResource):
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
        return await self._client._run(create_flow(self._client, body, options))

    def list(
        self,
        *,
        limit: int | None = None,
        cursor: str | None = None,
        include_archived: bool | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPager[Lora, AsyncPage[Lora]]:
        """LoRAs: ``await`` it for one page, ``async for`` over it for every LoRA of every page."""
        query = {"limit": limit, "cursor": cursor, "include_archived": include_archived}
        return AsyncPager(lambda: self._page(query, options))

    async def _page(self, query: dict[str, Any], options: RequestOptions) -> AsyncPage[Lora]:
        raw = await self._client._run(list_flow(self._client, query, options))
        return AsyncPage(
            raw.items,
            next_cursor=raw.next_cursor,
            has_more=None,
            raw=raw,
            fetch=lambda cursor: self._page({**query, "cursor": cursor}, options),
        )

    async def get(self, lora_id: str, /, **options: Unpack[RequestOptions]) -> Lora:
        """One LoRA: status, image count, trigger word, readiness."""
        return await self._client._run(get_flow(self._client, lora_id, options))

    async def delete(self, lora_id: str, /, **options: Unpack[RequestOptions]) -> None:
        """Archive a LoRA."""
        await self._client._run(delete_flow(self._client, lora_id, options))
