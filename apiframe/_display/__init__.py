"""Results you can look at: rich displays in notebooks and the static gallery of a batch.

- :mod:`._notebook`: ``_repr_html_`` and ``_repr_pretty_`` of jobs, outputs, handles, pages
  and batch results (the classes delegate here in one line each).
- :mod:`._gallery`: ``index.html`` beside a batch's results (``apiframe batch report OUT``).
- :mod:`._html`: the one place that turns outside text and URLs into HTML.
"""

from __future__ import annotations

__all__: list[str] = []
