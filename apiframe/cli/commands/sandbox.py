"""``apiframe sandbox``: the local sandbox server."""

from __future__ import annotations

from collections.abc import Sequence

import click

__all__ = ["sandbox"]


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def sandbox(args: Sequence[str]) -> int:
    """Run the local Apiframe sandbox server (`apiframe sandbox --help`)."""
    try:
        from ...testing.cli import main as sandbox_main
    except ImportError as error:
        raise click.UsageError(
            f'apiframe sandbox needs the sandbox extra: pip install "apiframe-sdk[sandbox]>=2.0.0a1" ({error})'
        ) from error
    return sandbox_main(list(args), prog="apiframe sandbox")
