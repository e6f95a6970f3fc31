"""A sandbox whose JSON answers carry hostile text, for the terminal-guard tests of the command.

``HostileSandbox(rewrite)`` is the real sandbox with an ASGI layer in front that hands every JSON
answer to ``rewrite(path, data)`` before it is sent: a test puts rich markup, escape sequences
and bidirectional overrides into the fields the command prints (job errors, model and LoRA names,
labels, e-mail addresses, server messages).
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable
from typing import Any

from apiframe.testing import Sandbox, SandboxConfig

__all__ = ["HOSTILE", "LITERALS", "HostileSandbox", "assert_shown_safely", "poison"]

HOSTILE = (
    "[/INST] [bold red]red[/bold red] [link=https://evil.example/billing]billing[/link] :smile: "
    "\x1b[5;7mansi\x1b[0m \x1b]8;;https://evil.example/\x07osc\x1b]8;;\x07 \x9b7m c1 \x1b[2J "
    "\u202eevil\u202c \x07bell\r\nsecond line"
)
"""Markup, CSI and OSC sequences, an 8-bit CSI, a bidirectional override, BEL, CR and LF."""

LITERALS = ("[/INST]", "[bold red]red[/bold red]", "[link=https://evil.example/billing]billing[/link]", ":smile:")
"""What must show literally, never as markup or an emoji."""

Rewrite = Callable[[str, Any], Any]

_RICH_CONTROLS = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\r")
"""What rich itself writes on a terminal: colours, cursor moves and line clears, carriage returns."""
_INJECTED = ("\x1b[5;7m", "\x1b[2J", "\x1b]", "\x9b", "\u202e", "\u202c", "\x07")
"""The hostile text's own sequences: none may reach the terminal as they came."""
_OTHER_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def poison(keys: set[str]) -> Rewrite:
    """A rewrite that puts :data:`HOSTILE` into every string value under one of ``keys``."""

    def rewrite(path: str, data: Any) -> Any:
        if isinstance(data, dict):
            return {
                key: (f"{value} {HOSTILE}" if key in keys and isinstance(value, str) else rewrite(path, value))
                for key, value in data.items()
            }
        if isinstance(data, list):
            return [rewrite(path, item) for item in data]
        return data

    return rewrite


class _Rewriting:
    """ASGI middleware: JSON bodies pass through ``rewrite`` (their Content-Length follows)."""

    def __init__(self, app: Any, rewrite: Rewrite) -> None:
        self.app = app
        self.rewrite = rewrite
        self.sandbox = app.sandbox

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            headers = {k.lower(): v for k, v in start.get("headers", [])}
            if b"json" not in headers.get(b"content-type", b""):
                if start:
                    await send(start)
                    start.clear()
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            with contextlib.suppress(ValueError):
                body = json.dumps(self.rewrite(scope["path"], json.loads(body))).encode()
            kept = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
            await send({**start, "headers": [*kept, (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, capture)


class HostileSandbox(Sandbox):
    """The sandbox, its JSON answers rewritten by ``rewrite`` on the way out."""

    def __init__(self, rewrite: Rewrite, config: SandboxConfig | None = None) -> None:
        super().__init__(config or SandboxConfig(job_seconds=0.2, seed=5))
        self.app = _Rewriting(self.app, rewrite)  # type: ignore[assignment]


def assert_shown_safely(text: str, *, tty: bool = False, literals: tuple[str, ...] = LITERALS) -> None:
    """What the command printed: no traceback, no control or escape sequence of the server's, the
    markup shown literally (on a terminal, only rich's own colour codes may be there)."""
    assert "Traceback" not in text and "MarkupError" not in text, text
    assert not [seq for seq in _INJECTED if seq in text], repr(text)
    shown = _RICH_CONTROLS.sub("", text) if tty else text
    assert "\x1b" not in shown and "\x9b" not in shown, repr(text)
    assert _OTHER_CONTROLS.search(shown) is None, repr(text)
    assert "]8;" not in shown  # no OSC 8 hyperlink, not even its remains
    flat = "".join(shown.split())  # a long token may fold in a narrow column
    for literal in literals:
        assert "".join(literal.split()) in flat, (literal, text)
