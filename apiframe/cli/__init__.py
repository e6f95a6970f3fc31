"""The ``apiframe`` command line (needs the ``cli`` extra: ``pip install "apiframe-sdk[cli]"``)."""

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
        print(f'the apiframe command needs its extra: pip install "apiframe-sdk[cli]" ({error})', file=sys.stderr)
        return 2
    return run(argv)
