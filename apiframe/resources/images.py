"""``client.images``: generate, upscale, edit, remove backgrounds, Midjourney actions."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from ._base import AsyncCall, AsyncResource, SyncResource

if TYPE_CHECKING:
    from apiframe_client.surface import (
        ImagesBackgroundRemove,
        ImagesEdit,
        ImagesGenerate,
        ImagesMidjourneyAction,
        ImagesUpscale,
    )

    from .._jobs import AcceptedJob, AsyncAcceptedJob

__all__ = ["AsyncImages", "Images"]


class Images(SyncResource):
    """Image jobs. Each call validates its arguments against the chosen model, submits the job
    and returns an :class:`~apiframe.AcceptedJob` (``.wait()`` for the result)."""

    @property
    def generate(self) -> ImagesGenerate[AcceptedJob]:
        """Generate images: ``generate(model="midjourney", prompt=..., midjourney_params={...})``."""
        return cast("ImagesGenerate[AcceptedJob]", self._submitter("images_generate"))

    @property
    def upscale(self) -> ImagesUpscale[AcceptedJob]:
        """Upscale an image: ``upscale(model="topaz-image-upscale", topaz_upscale_params={...})``."""
        return cast("ImagesUpscale[AcceptedJob]", self._submitter("images_upscale"))

    @property
    def edit(self) -> ImagesEdit[AcceptedJob]:
        """Inpaint, outpaint or instruction-edit an image, depending on the model."""
        return cast("ImagesEdit[AcceptedJob]", self._submitter("images_edit"))

    @property
    def remove_background(self) -> ImagesBackgroundRemove[AcceptedJob]:
        """Remove an image's background: ``remove_background(model="bria-bg-remove", ...)``."""
        return cast("ImagesBackgroundRemove[AcceptedJob]", self._submitter("images_background_remove"))

    @property
    def midjourney_action(self) -> ImagesMidjourneyAction[AcceptedJob]:
        """Act on a Midjourney job: ``midjourney_action(action="upsample", parent_job_id=..., index=2)``."""
        return cast("ImagesMidjourneyAction[AcceptedJob]", self._submitter("images_midjourney_action"))


class AsyncImages(AsyncResource):
    """Image jobs (async). Same arguments as :class:`Images`; every call is awaited."""

    @property
    def generate(self) -> ImagesGenerate[AsyncCall[AsyncAcceptedJob]]:
        """Generate images: ``await generate(model="midjourney", prompt=..., ...)``."""
        return cast("ImagesGenerate[AsyncCall[AsyncAcceptedJob]]", self._submitter("images_generate"))

    @property
    def upscale(self) -> ImagesUpscale[AsyncCall[AsyncAcceptedJob]]:
        """Upscale an image."""
        return cast("ImagesUpscale[AsyncCall[AsyncAcceptedJob]]", self._submitter("images_upscale"))

    @property
    def edit(self) -> ImagesEdit[AsyncCall[AsyncAcceptedJob]]:
        """Inpaint, outpaint or instruction-edit an image, depending on the model."""
        return cast("ImagesEdit[AsyncCall[AsyncAcceptedJob]]", self._submitter("images_edit"))

    @property
    def remove_background(self) -> ImagesBackgroundRemove[AsyncCall[AsyncAcceptedJob]]:
        """Remove an image's background."""
        return cast("ImagesBackgroundRemove[AsyncCall[AsyncAcceptedJob]]", self._submitter("images_background_remove"))

    @property
    def midjourney_action(self) -> ImagesMidjourneyAction[AsyncCall[AsyncAcceptedJob]]:
        """Act on a Midjourney job (upsample, variation, inpaint, outpaint, pan)."""
        return cast("ImagesMidjourneyAction[AsyncCall[AsyncAcceptedJob]]", self._submitter("images_midjourney_action"))
