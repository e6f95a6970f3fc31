"""The ``apiframe`` command line (needs the ``cli`` extra; without it, says what to install)."""

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
        from .._extras import missing_extra

        print(f"error: {missing_extra('cli', error, 'the apiframe command')}", file=sys.stderr)
        return 2
    return run(argv)
