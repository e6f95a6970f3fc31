"""``client.uploads``: put an input file on Apiframe's short-lived CDN storage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from .._files import FileInput, MultipartBody, file_source
from .._flow import Flow
from .._options import CallOptions, RequestOptions
from ._base import AsyncResource, SyncResource

if TYPE_CHECKING:
    from apiframe_client.models import Upload

    from .._session import Session


__all__ = ["AsyncUploadsMethods", "UploadsMethods"]


def upload_flow(
    session: Session, file: FileInput, filename: str | None, content_type: str | None, options: CallOptions
) -> Flow[Upload]:
    from apiframe_client.models import Upload

    source = file_source(file, filename=filename, content_type=content_type)
    body = MultipartBody([], [("file", source)])
    upload: Upload = yield from session.call("uploads_create", Upload, multipart=body, options=options)
    return upload


class UploadsMethods(SyncResource):
    """Upload inputs; the returned ``url`` drops into any image / video / audio field."""

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
        return self._session.run(upload_flow(self._session, file, filename, content_type, CallOptions.of(options)))


class AsyncUploadsMethods(AsyncResource):
    """Upload inputs (async); file reads run off the event loop."""

    async def create(
        self,
        file: FileInput,
        *,
        filename: str | None = None,
        content_type: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Upload:
        """Upload a path, bytes, a file object, or a (async) iterator of bytes with ``filename``."""
        return await self._session.run(
            upload_flow(self._session, file, filename, content_type, CallOptions.of(options))
        )
