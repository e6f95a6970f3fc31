"""``client.music``: generate tracks and act on Suno jobs."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from ._base import AsyncCall, AsyncResource, SyncResource

if TYPE_CHECKING:
    from apiframe_client.surface import MusicGenerate, MusicSunoAction

    from .._jobs import AcceptedJob, AsyncAcceptedJob

__all__ = ["AsyncMusic", "Music"]


class Music(SyncResource):
    """Music jobs; each call returns an :class:`~apiframe.AcceptedJob`."""

    @property
    def generate(self) -> MusicGenerate[AcceptedJob]:
        """Generate music: ``generate(model="suno", prompt=..., suno_params={...})``."""
        return cast("MusicGenerate[AcceptedJob]", self._submitter("music_generate"))

    @property
    def suno_action(self) -> MusicSunoAction[AcceptedJob]:
        """Extend, cover, add vocals to or split a Suno track: ``suno_action(action="extend", ...)``."""
        return cast("MusicSunoAction[AcceptedJob]", self._submitter("music_suno_action"))


class AsyncMusic(AsyncResource):
    """Music jobs (async)."""

    @property
    def generate(self) -> MusicGenerate[AsyncCall[AsyncAcceptedJob]]:
        """Generate music."""
        return cast("MusicGenerate[AsyncCall[AsyncAcceptedJob]]", self._submitter("music_generate"))

    @property
    def suno_action(self) -> MusicSunoAction[AsyncCall[AsyncAcceptedJob]]:
        """Extend, cover, add vocals to or split a Suno track."""
        return cast("MusicSunoAction[AsyncCall[AsyncAcceptedJob]]", self._submitter("music_suno_action"))
