"""``client.videos``: generate, upscale and edit videos.

The methods are generated from the spec (``_generated.py``); each validates its arguments against
the chosen model, submits the job and returns an :class:`~apiframe.AcceptedJob`.
"""

from ._generated import AsyncVideos, Videos

__all__ = ["AsyncVideos", "Videos"]
