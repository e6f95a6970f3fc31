"""``apiframe me``."""

from __future__ import annotations

import click

from .._common import EXIT_OK, connection_options, current_settings

__all__ = ["me"]


@click.command()
@connection_options
def me() -> int:
    """Show the account: user, team and credits."""
    settings = current_settings()
    account = settings.client().me()
    team = account.team
    credits = f"  credits {team.credits}" if team is not None else ""
    settings.emit(account, f"{account.user.email} ({account.user.role}){credits}")
    return EXIT_OK
