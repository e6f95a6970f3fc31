"""``client.music``: generate music and run Suno follow-up actions.

The methods are generated from the spec (``_generated.py``); each validates its arguments against
the chosen model, submits the job and returns an :class:`~apiframe.AcceptedJob`.
"""

from ._generated import AsyncMusic, Music

__all__ = ["AsyncMusic", "Music"]
