"""Streamable HTTP on 127.0.0.1 only, behind a bearer token.

The token is ``APIFRAME_MCP_TOKEN`` when set, else 32 random bytes made at start-up (printed
once on stderr for the client's configuration). Every request to the endpoint must carry
``Authorization: Bearer <token>``: the check is the MCP SDK's bearer middleware with a verifier
that compares in constant time; anything else is a 401 before the MCP layer sees the request.
The SDK's DNS-rebinding protection (Host and Origin must be local) is on, since the host is local.
"""

from __future__ import annotations

import hmac
import os
import secrets
import socket
from collections.abc import Callable
from typing import Any

import uvicorn
from mcp.server.auth.provider import AccessToken
from mcp.server.auth.settings import AuthSettings
from mcp.server.lowlevel import Server

from .._logging import register_secret

__all__ = ["HOST", "TOKEN_ENV", "load_token", "serve_http"]

HOST = "127.0.0.1"
TOKEN_ENV = "APIFRAME_MCP_TOKEN"
PATH = "/mcp"
_MIN_TOKEN = 16


def load_token() -> tuple[str, bool]:
    """(the bearer token, whether it was generated here) from ``APIFRAME_MCP_TOKEN`` or fresh randomness."""
    given = os.environ.get(TOKEN_ENV)
    if given is not None:
        if len(given) < _MIN_TOKEN or not given.isascii() or not given.isprintable() or " " in given:
            raise ValueError(f"{TOKEN_ENV} must be at least {_MIN_TOKEN} printable ASCII characters without spaces")
        token, generated = given, False
    else:
        token, generated = secrets.token_urlsafe(32), True
    register_secret(token)  # never in an SDK log line
    return token, generated


class _StaticToken:
    """A ``TokenVerifier`` for the one token of this run."""

    def __init__(self, token: str) -> None:
        self._token = token.encode()

    async def verify_token(self, token: str) -> AccessToken | None:
        if hmac.compare_digest(token.encode("utf-8", "replace"), self._token):
            return AccessToken(token="[bearer]", client_id="apiframe-mcp", scopes=[])
        return None


def _listen(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
    except OSError as error:
        sock.close()
        raise OSError(f"cannot listen on {HOST}:{port}: {error.strerror or error}") from None
    sock.listen(128)
    return sock


async def serve_http(server: Server[Any], *, port: int, token: str, ready: Callable[[str], None]) -> None:
    """Serve ``server`` on ``http://127.0.0.1:<port>/mcp`` until cancelled; ``ready(url)`` once listening."""
    sock = _listen(port)
    url = f"http://{HOST}:{sock.getsockname()[1]}{PATH}"
    app = server.streamable_http_app(
        streamable_http_path=PATH,
        host=HOST,
        auth=AuthSettings(issuer_url=url, resource_server_url=None),  # type: ignore[arg-type]
        token_verifier=_StaticToken(token),
    )
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on", server_header=False)
    ready(url)
    try:
        await uvicorn.Server(config).serve(sockets=[sock])
    finally:
        sock.close()
