"""``client.with_raw_response``: every resource's methods returning a :class:`~apiframe.RawResponse`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._response import async_raw, raw

if TYPE_CHECKING:
    from .._client import Apiframe, AsyncApiframe

__all__ = ["ApiframeWithRawResponse", "AsyncApiframeWithRawResponse"]


class ApiframeWithRawResponse:
    """``client.with_raw_response.jobs.get(id)``: status, headers and request id, then ``.parse()``."""

    def __init__(self, client: Apiframe) -> None:
        self.images = client.images.with_raw_response
        self.videos = client.videos.with_raw_response
        self.music = client.music.with_raw_response
        self.jobs = client.jobs.with_raw_response
        self.uploads = client.uploads.with_raw_response
        self.loras = client.loras.with_raw_response
        self.models = client.models.with_raw_response
        self.assets = client.assets.with_raw_response
        self.me = raw(client.me)


class AsyncApiframeWithRawResponse:
    """``await client.with_raw_response.jobs.get(id)``: status, headers and request id, then ``.parse()``."""

    def __init__(self, client: AsyncApiframe) -> None:
        self.images = client.images.with_raw_response
        self.videos = client.videos.with_raw_response
        self.music = client.music.with_raw_response
        self.jobs = client.jobs.with_raw_response
        self.uploads = client.uploads.with_raw_response
        self.loras = client.loras.with_raw_response
        self.models = client.models.with_raw_response
        self.assets = client.assets.with_raw_response
        self.me = async_raw(client.me)
