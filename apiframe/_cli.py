"""The ``apiframe`` command. Today: ``apiframe sandbox`` (the local API sandbox)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

USAGE = """usage: apiframe <command> [options]

commands:
  sandbox    run the local Apiframe API sandbox (needs the extra: pip install "apiframe-sdk[sandbox]")

`apiframe <command> --help` describes a command's options."""


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to a sub-command; exit status 2 for usage errors."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        print(USAGE)
        return 0 if args else 2
    command, rest = args[0], args[1:]
    if command == "sandbox":
        try:
            from .testing.cli import main as sandbox_main
        except ImportError as error:
            print(f'apiframe sandbox needs the sandbox extra: pip install "apiframe-sdk[sandbox]" ({error})')
            return 2
        return sandbox_main(rest)
    print(f"apiframe: unknown command {command!r}\n\n{USAGE}", file=sys.stderr)
    return 2
