"""``python -m apiframe.testing``: run the local sandbox server (needs the ``sandbox`` extra)."""

from __future__ import annotations

import sys


def _main() -> int:
    from .cli import main, require_extra

    try:
        require_extra()
    except ImportError as error:
        from .._extras import missing_extra

        print(f"error: {missing_extra('sandbox', error, 'python -m apiframe.testing')}", file=sys.stderr)
        return 2
    return main()


if __name__ == "__main__":
    raise SystemExit(_main())
