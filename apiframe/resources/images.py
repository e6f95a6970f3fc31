"""``client.images``: generate, upscale, edit, remove backgrounds, Midjourney actions.

The methods are generated from the spec (``_generated.py``); each validates its arguments against
the chosen model, submits the job and returns an :class:`~apiframe.AcceptedJob`.
"""

from ._generated import AsyncImages, Images

__all__ = ["AsyncImages", "Images"]
