"""``client.uploads``: put an input file on Apiframe's short-lived CDN storage."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Unpack

from .._files import FileInput, MultipartBody, file_source
from .._flow import Flow
from .._pipeline import call_flow
from .._response import async_raw, raw
from ._base import AsyncResource, SyncResource

if TYPE_CHECKING:
    from apiframe_client.models import Upload

    from .._config import RequestOptions

__all__ = ["AsyncUploads", "Uploads"]


def upload_flow(
    client: Any, file: FileInput, filename: str | None, content_type: str | None, options: RequestOptions
) -> Flow[Upload]:
    from apiframe_client.models import Upload

    source = file_source(file, filename=filename, content_type=content_type)
    body = MultipartBody([], [("file", source)])
    upload: Upload = yield from call_flow(client, "uploads_create", Upload, multipart=body, options=options)
    return upload


class Uploads(SyncResource):
    """Upload inputs; the returned ``url`` drops into any image / video / audio field."""

    @functools.cached_property
    def with_raw_response(self) -> UploadsWithRawResponse:
        """These methods returning a :class:`~apiframe.RawResponse` (status, headers, request id, ``.parse()``)."""
        return UploadsWithRawResponse(self)

    def create(
        self,
        file: FileInput,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Upload:
        """Upload a path, bytes, a binary file object or an iterator of bytes (with ``filename``).

        The body is streamed from its source; a missing or unreadable path raises
        :class:`~apiframe.InvalidRequestError` before anything is sent. Files live about 1-2 hours.
        """
        return self._client._run(upload_flow(self._client, file, filename, content_type, options))


class AsyncUploads(AsyncResource):
    """Upload inputs (async); file reads run off the event loop."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncUploadsWithRawResponse:
        """These methods returning a :class:`~apiframe.RawResponse` (status, headers, request id, ``.parse()``)."""
        return AsyncUploadsWithRawResponse(self)

    async def create(
        self,
        file: FileInput,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Upload:
        """Upload a path, bytes, a file object, or a (async) iterator of bytes with ``filename``."""
        return await self._client._run(upload_flow(self._client, file, filename, content_type, options))


class UploadsWithRawResponse:
    """``client.uploads.with_raw_response``: create returning a RawResponse."""

    def __init__(self, uploads: Uploads) -> None:
        self.create = raw(uploads.create)


class AsyncUploadsWithRawResponse:
    """``client.uploads.with_raw_response``: create returning a RawResponse."""

    def __init__(self, uploads: AsyncUploads) -> None:
        self.create = async_raw(uploads.create)
