"""``apiframe sandbox``: the local sandbox server, with the options of ``python -m apiframe.testing``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from ..._extras import missing_extra
from ...testing.cli import DESCRIPTION, OPTIONS, Option, require_extra, serve
from .._sandbox import SandboxError, announce

__all__ = ["sandbox"]


def _option(option: Option) -> Callable[[Any], Any]:
    kind: Any = click.Choice(option.choices) if option.choices else option.kind
    return click.option(
        option.flag,
        option.dest,
        type=kind,
        default=option.default,
        multiple=option.repeat,
        show_default=option.default not in (None, ()),
        metavar=option.metavar,
        help=option.help,
    )


def _run(**values: Any) -> int:
    try:
        require_extra()
    except ImportError as error:
        raise click.UsageError(missing_extra("sandbox", error, "apiframe sandbox")) from None

    def ready(url: str) -> Callable[[], None]:
        try:
            return announce(url)
        except (SandboxError, OSError):
            return lambda: None  # serving works all the same; --sandbox commands here start their own

    return serve(values, on_ready=ready)


_run.__doc__ = (
    f"{DESCRIPTION}\n\nIt announces itself in ./.apiframe-sandbox of the folder it runs from: `apiframe --sandbox ...`"
    " commands run from there use it, so the upload and result URLs they print stay valid."
)
_command: Callable[..., int] = _run
for _each in reversed(OPTIONS):
    _command = _option(_each)(_command)
sandbox = click.command("sandbox", context_settings={"show_default": True})(_command)
