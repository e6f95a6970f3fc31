"""``apiframe webhooks listen``: receive, verify and print deliveries (and forward them), like ``stripe listen``.

Point a job's ``webhook_url`` (or the sandbox) at ``http://HOST:PORT/``: every delivery is
verified with the API key, printed as one line (or one JSON document a line with ``--jsonl``), published to
Redis with ``--redis`` (so waits in other processes end on it) and, with ``--forward-to``, posted
unchanged (same body, same signature headers) to your app, whose answer is printed too.
"""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import click

from .._extras import missing_extra
from ..webhooks import DEFAULT_MAX_BODY, EVENT_HEADER, SIGNATURE_HEADER, WebhookHub, handle_webhook
from ..webhooks._receiver import Receive, Scope, Send, _read_body
from ._common import EXIT_OK, connection_options, current_settings
from ._terminal import fields, json_text, one_line
from ._terminal import write as terminal_write

__all__ = ["ListenApp", "listen"]

_FORWARDED = (SIGNATURE_HEADER, EVENT_HEADER, "X-Webhook-Id", "X-Webhook-Attempt", "Content-Type")


class ListenApp:
    """The ASGI app behind ``webhooks listen``: verify, print, publish, forward."""

    def __init__(
        self,
        hub: Any,
        *,
        api_key: str,
        forward_to: str | None,
        json_output: bool,
        write: Any = None,
    ) -> None:
        self.hub = hub
        self._key = api_key
        self.forward_to = forward_to
        self.json_output = json_output
        self.write = write or terminal_write

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        body = await _read_body(receive, DEFAULT_MAX_BODY)  # the receiver's bounded reader
        if scope.get("method") != "POST" or body is None:
            status = 405 if scope.get("method") != "POST" else 413
            self._print({"accepted": False, "status": status, "path": scope.get("path")}, f"refused ({status})")
            await _reply(send, status, b"{}")
            return
        answer = await asyncio.to_thread(handle_webhook, self.hub, body=body, headers=headers, api_key=self._key)
        event = answer.event
        if answer.status == 401:
            self._print({"accepted": False, "status": 401}, "REJECTED: bad or missing signature (401)")
        elif event is not None:
            text = f"{one_line(event.type or '?'):<9} " + fields(event.job_id, event.status, _progress(event.progress))
            self._print({"accepted": True, "event": event.raw}, text)
        else:
            self._print({"accepted": True, "status": answer.status, "message": answer.body}, answer.body)
        if self.forward_to is not None and answer.status != 401:
            await self._forward(body, headers)
        await _reply(send, answer.status, answer.body.encode())

    async def _forward(self, body: bytes, headers: dict[str, str]) -> None:
        import httpx

        from .._tls import verifying_context

        assert self.forward_to is not None
        kept = {name: headers[name.lower()] for name in _FORWARDED if name.lower() in headers}
        try:
            async with httpx.AsyncClient(timeout=10.0, trust_env=False, verify=verifying_context()) as http:
                response = await http.post(self.forward_to, content=body, headers=kept)
            self._print({"forwarded": self.forward_to, "status": response.status_code}, f"  -> {response.status_code}")
        except httpx.HTTPError as error:
            self._print({"forwarded": self.forward_to, "error": type(error).__name__}, f"  -> {type(error).__name__}")

    def _print(self, data: dict[str, Any], text: str) -> None:
        self.write(json_text(data, lines=True) if self.json_output else text)


def _progress(value: float | None) -> str:
    return f"{value:g}%" if value is not None else ""


async def _reply(send: Send, status: int, body: bytes) -> None:
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


@click.command("listen")
@click.option("--port", type=click.IntRange(0, 65535), required=True, help="Port to listen on (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--forward-to", metavar="URL", help="Also POST each verified delivery, unchanged, to this URL.")
@click.option("--redis", "redis_url", metavar="URL", help="Publish deliveries to this Redis (redis://...).")
@connection_options
def listen(port: int, host: str, forward_to: str | None, redis_url: str | None) -> int:
    """Receive, verify and print webhook deliveries at http://HOST:PORT/ until interrupted.

    One line per delivery; --jsonl prints one JSON document a line instead.
    """
    try:
        import uvicorn
    except ImportError as error:
        raise click.UsageError(missing_extra("sandbox", error, "webhooks listen")) from None

    settings = current_settings()
    if settings.output == "json":
        raise click.UsageError("webhooks listen prints a stream: use --jsonl (one JSON document a line)")
    key, _ = settings.endpoint()
    if forward_to is not None and not forward_to.startswith(("http://", "https://")):
        raise click.BadParameter("must be an absolute http(s) URL", param_hint="--forward-to")
    hub: Any
    if redis_url is not None:
        from ..webhooks import RedisWebhookHub

        hub = RedisWebhookHub(redis_url)
    else:
        hub = WebhookHub()
    app = ListenApp(hub, api_key=key, forward_to=forward_to, json_output=settings.json_output)
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise click.BadParameter(f"cannot listen on {host}:{port}: {error.strerror}", param_hint="--port") from error
    bound = sock.getsockname()[1]
    where = f"http://{host}:{bound}/"
    settings.say(f"listening for Apiframe webhooks at {where} (Ctrl-C to stop)")
    if settings.json_output:
        app.write(json_text({"listening": where}, lines=True))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
        hub.close()
    return EXIT_OK
