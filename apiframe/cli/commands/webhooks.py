"""``apiframe webhooks verify`` and ``apiframe webhooks listen``."""

from __future__ import annotations

from typing import Any

import click

from ...webhooks import verify_webhook
from .._common import EXIT_JOB_FAILED, EXIT_OK, connection_options, current_settings
from .._listen import listen

__all__ = ["webhooks"]


@click.group()
def webhooks() -> None:
    """Check webhook deliveries."""


@webhooks.command("verify")
@click.option("--signature", "-s", required=True, help="The X-Webhook-Signature header value.")
@click.argument("file", required=False, type=click.File("rb"), default="-")
@connection_options
def webhooks_verify(signature: str, file: Any) -> int:
    """Check a delivery's raw body (FILE, or stdin) against its signature; exit 1 if it does not match."""
    settings = current_settings()
    key, _ = settings.endpoint()
    body = file.read()
    if verify_webhook(api_key=key, body=body, signature=signature):
        settings.emit({"valid": True}, "valid: the signature matches this body and key")
        return EXIT_OK
    settings.emit({"valid": False}, "INVALID: the signature does not match this body and key")
    return EXIT_JOB_FAILED


webhooks.add_command(listen)
