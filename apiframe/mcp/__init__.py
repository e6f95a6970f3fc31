"""An MCP (Model Context Protocol) server for Apiframe: ``apiframe mcp`` (the ``mcp`` extra).

Assistants (Claude Desktop, VS Code, agents on the MCP SDKs) get the Apiframe API as tools derived
from the shipped spec: the model catalog, each model's parameters, a submit tool for every job
operation, get/list/wait for jobs, uploads and downloads inside named folders, and the credits.
:func:`run` serves them over stdio (the default) or streamable HTTP on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._server import build_server as build_server
    from ._toolbox import ServerOptions as ServerOptions
    from ._toolbox import Toolbox as Toolbox

__all__ = ["ServerOptions", "Toolbox", "build_server", "run"]

_LAZY = {"ServerOptions": "._toolbox", "Toolbox": "._toolbox", "build_server": "._server"}
"""Names that load the MCP SDK on first use: the package's helpers (``_png``, ``_folders``) stay cheap to import."""


def __getattr__(name: str) -> Any:
    import importlib

    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*__all__, *(name for name in globals() if name.startswith("__"))})


async def _serve(
    options: ServerOptions,
    api_key: str,
    base_url: str,
    http_port: int | None,
    token: str | None,
    ready: Callable[[str], None],
) -> None:
    from .._client import AsyncApiframe
    from ._server import build_server
    from ._toolbox import Toolbox

    async with AsyncApiframe(api_key=api_key, base_url=base_url) as client:
        server = build_server(Toolbox(client, options))
        if http_port is None:
            from mcp.server.stdio import stdio_server

            async with stdio_server() as (read, write):
                ready("stdio")
                await server.run(read, write, server.create_initialization_options())
            return
        from ._http import serve_http

        assert token is not None
        await serve_http(server, port=http_port, token=token, ready=ready)


def run(
    options: ServerOptions,
    *,
    api_key: str,
    base_url: str,
    http_port: int | None = None,
    token: str | None = None,
    ready: Callable[[str], None] = lambda where: None,
) -> None:
    """Serve until the client disconnects (stdio) or the process is stopped (HTTP, when ``http_port`` is given)."""
    import anyio

    anyio.run(_serve, options, api_key, base_url, http_port, token, ready)
