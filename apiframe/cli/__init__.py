"""The ``apiframe`` command line (needs the ``cli`` extra: ``pip install "apiframe-sdk[cli]>=2.0.0a1"``)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``apiframe``; exit status 0 ok, 1 a job failed (or the API refused), 2 usage error."""
    try:
        from ._app import run
    except ImportError as error:
        if (error.name or "").split(".")[0] not in ("click", "rich"):
            raise
        hint = 'pip install "apiframe-sdk[cli]>=2.0.0a1"'
        print(f"the apiframe command needs its extra: {hint} ({error})", file=sys.stderr)
        return 2
    return run(argv)
