"""``apiframe mcp``: the Apiframe API as tools for AI assistants (MCP), over stdio or local HTTP."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import click

from ..._extras import missing_extra
from ..._plural import counted
from .._common import EXIT_OK, connection_options, current_settings
from .._terminal import write

__all__ = ["mcp"]


@click.command()
@click.option("--http", "http", is_flag=True, help="Serve streamable HTTP on 127.0.0.1 instead of stdio.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="With --http (0: any free port)."
)
@click.option("--read-only", is_flag=True, help="Offer only tools that spend no credits and send no files.")
@click.option(
    "--max-credits",
    type=click.FloatRange(0, min_open=True),
    help="Credit budget of this run: a submission whose worst-case cost exceeds what is left is refused.",
)
@click.option(
    "--folder",
    "folders",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A folder uploads may read from and downloads write into (repeatable; relative paths start in the"
    " first). Without it, no file tools.",
)
@connection_options
def mcp(http: bool, port: int, read_only: bool, max_credits: float | None, folders: Sequence[Path]) -> int:
    """Serve the Apiframe API to AI assistants (Model Context Protocol).

    \b
    The key comes from APIFRAME_API_KEY (set it in the client's configuration), never from a tool
    call. With --http, clients send "Authorization: Bearer TOKEN": TOKEN is APIFRAME_MCP_TOKEN, or
    one made at start-up and printed on stderr.
    """
    settings = current_settings()
    if settings.api_key is not None and not settings.sandbox:
        raise click.UsageError(
            "apiframe mcp takes the key from APIFRAME_API_KEY only (set it in the MCP client's env block); "
            "a key on the command line is visible to every process on the machine: drop --api-key"
        )
    if not settings.sandbox and not os.environ.get("APIFRAME_API_KEY"):
        raise click.UsageError(
            "apiframe mcp needs APIFRAME_API_KEY in its environment (the MCP client's env block), "
            "or --sandbox to run against a local sandbox"
        )
    try:
        from ...mcp import ServerOptions, run
        from ...mcp._http import TOKEN_ENV, load_token
    except ImportError as error:
        raise click.UsageError(missing_extra("mcp", error, "apiframe mcp")) from None
    api_key, base_url = settings.endpoint()
    options = ServerOptions(read_only=read_only, max_credits=max_credits, folders=tuple(str(f) for f in folders))
    token, generated = None, False
    if http:
        try:
            token, generated = load_token()
        except ValueError as error:
            raise click.UsageError(str(error)) from None
    budget = counted(max_credits, "credit") if max_credits is not None else "none"
    summary = f"read-only: {'yes' if read_only else 'no'}; budget: {budget}; folders: {len(folders)}"

    def ready(where: str) -> None:
        write(f"apiframe mcp serving on {where} ({summary})", err=True)
        if token is not None:
            shown = token if generated else f"from {TOKEN_ENV}"
            write(f"bearer token: {shown}", err=True)

    run(options, api_key=api_key, base_url=base_url, http_port=port if http else None, token=token, ready=ready)
    return EXIT_OK
