"""``python -m apiframe.testing``: run the local sandbox server."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
