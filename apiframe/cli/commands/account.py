"""``apiframe me``."""

from __future__ import annotations

import click

from .._common import EXIT_OK, connection_options, current_settings
from .._terminal import fields, one_line

__all__ = ["me"]


@click.command()
@connection_options
def me() -> int:
    """Show the account: user, team and credits."""
    settings = current_settings()
    account = settings.client().me()
    team = account.team
    credits = f"credits {team.credits}" if team is not None else None
    settings.emit(account, fields(account.user.email, f"({one_line(account.user.role)})", credits))
    return EXIT_OK
