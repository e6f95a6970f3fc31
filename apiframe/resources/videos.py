"""``client.videos``: generate, upscale and edit videos."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from ._base import AsyncCall, AsyncResource, SyncResource

if TYPE_CHECKING:
    from apiframe_client.surface import VideosEdit, VideosGenerate, VideosUpscale

    from .._jobs import AcceptedJob, AsyncAcceptedJob

__all__ = ["AsyncVideos", "Videos"]


class Videos(SyncResource):
    """Video jobs; each call returns an :class:`~apiframe.AcceptedJob`."""

    @property
    def generate(self) -> VideosGenerate[AcceptedJob]:
        """Generate a video: ``generate(model="kling-2.5-turbo-pro", prompt=..., kling_params={...})``."""
        return cast("VideosGenerate[AcceptedJob]", self._submitter("videos_generate"))

    @property
    def upscale(self) -> VideosUpscale[AcceptedJob]:
        """Upscale a video: ``upscale(model="topaz-video-upscale", topaz_video_params={...})``."""
        return cast("VideosUpscale[AcceptedJob]", self._submitter("videos_upscale"))

    @property
    def edit(self) -> VideosEdit[AcceptedJob]:
        """Edit a video from a prompt: ``edit(model="wan-2.7-videoedit", prompt=..., ...)``."""
        return cast("VideosEdit[AcceptedJob]", self._submitter("videos_edit"))


class AsyncVideos(AsyncResource):
    """Video jobs (async)."""

    @property
    def generate(self) -> VideosGenerate[AsyncCall[AsyncAcceptedJob]]:
        """Generate a video."""
        return cast("VideosGenerate[AsyncCall[AsyncAcceptedJob]]", self._submitter("videos_generate"))

    @property
    def upscale(self) -> VideosUpscale[AsyncCall[AsyncAcceptedJob]]:
        """Upscale a video."""
        return cast("VideosUpscale[AsyncCall[AsyncAcceptedJob]]", self._submitter("videos_upscale"))

    @property
    def edit(self) -> VideosEdit[AsyncCall[AsyncAcceptedJob]]:
        """Edit a video from a prompt."""
        return cast("VideosEdit[AsyncCall[AsyncAcceptedJob]]", self._submitter("videos_edit"))
