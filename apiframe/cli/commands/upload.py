"""``apiframe upload FILE``."""

from __future__ import annotations

from pathlib import Path

import click

from .._common import EXIT_OK, connection_options, current_settings

__all__ = ["upload"]


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@connection_options
def upload(file: Path) -> int:
    """Upload a file; prints its URL to pass to a model."""
    settings = current_settings()
    result = settings.client().uploads.create(file)
    settings.emit(result, result.url)
    return EXIT_OK
