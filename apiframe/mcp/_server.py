"""The MCP server: the SDK's low-level ``Server`` with a tool list and a tool-call handler over a :class:`Toolbox`.

Tools are listed and called through the MCP Python SDK's ``mcp.server.lowlevel.Server``, whose
handlers receive a request context: progress goes out through its session (only when the client
asked for progress), and a client's ``notifications/cancelled`` cancels the handler's task,
which stops a wait where it stands.
"""

from __future__ import annotations

from typing import Any

import mcp.types as types
from mcp.server.context import ServerRequestContext
from mcp.server.lowlevel import Server

from .._version import __version__
from ._toolbox import Toolbox

__all__ = ["INSTRUCTIONS", "build_server"]

INSTRUCTIONS = (
    "Generate images, video and music with Apiframe. list_models and describe_model show what each model "
    "takes; a submit tool (images_generate, videos_generate, music_generate, ...) returns a job_id; "
    "wait_for_job waits for it and shows image results; download_job saves the files. Submissions spend "
    "credits: get_credits shows the balance and this run's budget."
)


def build_server(toolbox: Toolbox) -> Server[Any]:
    """An MCP server offering ``toolbox``'s tools."""

    async def list_tools(
        ctx: ServerRequestContext[Any], params: types.PaginatedRequestParams | None
    ) -> types.ListToolsResult:
        return types.ListToolsResult(tools=[tool.tool() for tool in toolbox.offered()])

    async def call_tool(ctx: ServerRequestContext[Any], params: types.CallToolRequestParams) -> types.CallToolResult:
        async def progress(value: float, total: float | None, message: str | None) -> None:
            await ctx.session.report_progress(value, total, message)

        return await toolbox.call(params.name, params.arguments, progress)

    return Server(
        "apiframe",
        version=__version__,
        title="Apiframe",
        instructions=INSTRUCTIONS,
        on_list_tools=list_tools,
        on_call_tool=call_tool,
    )
