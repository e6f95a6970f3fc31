"""``apiframe assets create|get``."""

from __future__ import annotations

import click

from .._common import EXIT_OK, body_choices, connection_options, current_settings

__all__ = ["assets"]


@click.group()
def assets() -> None:
    """Register a file at a URL as an asset, and look assets up."""


@assets.command("create")
@click.option("--url", required=True, help="Public URL of the file.")
@click.option(
    "--type", "type_", required=True, type=click.Choice(body_choices("assets_create", "type")), help="What the file is."
)
@connection_options
def assets_create(url: str, type_: str) -> int:
    """Create an asset from a URL; prints its id."""
    settings = current_settings()
    created = settings.client().assets.create(url=url, type=type_)  # type: ignore[arg-type]
    settings.emit(created, created.asset_id)
    return EXIT_OK


@assets.command("get")
@click.argument("asset_id")
@connection_options
def assets_get(asset_id: str) -> int:
    """Show one asset: each field the API returns, one a line."""
    settings = current_settings()
    settings.emit(settings.client().assets.get(asset_id))
    return EXIT_OK
