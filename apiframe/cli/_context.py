"""What every command shares: where the API is, the key, output mode, and an embedded sandbox."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import httpx
from rich.console import Console

from .._client import Apiframe, AsyncApiframe
from .._config import DEFAULT_BASE_URL
from ..webhooks._push import push_from_env

__all__ = ["NO_KEY_HELP", "SANDBOX_STATE", "Settings", "jsonable"]

SANDBOX_STATE = ".apiframe-sandbox"
"""With ``--sandbox``, the embedded sandbox keeps its jobs in this folder of the current folder,
whatever ``--out`` says, so a chain of commands run from one folder sees the same jobs (a
``--no-wait`` job, then ``jobs wait``; a Midjourney parent, then its action). ``batch`` keeps it
with the batch's output instead, so a killed run resumes against the same jobs from anywhere."""

NO_KEY_HELP = (
    "no API key. Either:\n"
    "  - pass --api-key afk_... or set APIFRAME_API_KEY (create a key in the Apiframe dashboard:\n"
    "    https://apiframe.ai/dashboard), or\n"
    "  - add --sandbox to run against a local sandbox: no key, no credits, nothing leaves this machine\n"
    '    (needs the sandbox extra: pip install "apiframe-sdk[sandbox]>=2.0.0a1").'
)


def jsonable(value: Any) -> Any:
    """A response model (attrs, with ``to_dict``), path or plain value as JSON-ready data."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


@dataclass
class Settings:
    """Global options, and the sandbox started for ``--sandbox`` (stopped when the command ends)."""

    api_key: str | None = field(repr=False)
    base_url: str | None
    sandbox: bool
    sandbox_job_seconds: float
    json_output: bool
    console: Console = field(default_factory=lambda: Console(stderr=True))
    out: Console = field(default_factory=Console)
    _sandbox: Any = None
    command: click.Command | None = field(default=None, repr=False)
    """The command running (its options name the ``--flags`` in error messages)."""
    resolved_url: str | None = None
    home: Path = Path(".")
    """Where ``--sandbox`` keeps its state (``SANDBOX_STATE``): the current folder, or a batch's output."""

    def _start_sandbox(self) -> tuple[str, str]:
        if self._sandbox is None:
            try:
                from ..testing import Sandbox, SandboxConfig
            except ImportError as error:  # pragma: no cover - depends on the installed extras
                raise click.UsageError(
                    f'--sandbox needs the sandbox extra: pip install "apiframe-sdk[sandbox]>=2.0.0a1" ({error})'
                ) from error
            state = self.home / SANDBOX_STATE
            if state.is_symlink() or (state.exists() and not state.is_dir()):
                raise click.UsageError(f"{state} is a symbolic link or not a folder; remove it or run elsewhere")
            state.mkdir(parents=True, exist_ok=True)
            config = SandboxConfig(job_seconds=self.sandbox_job_seconds, db_path=str(state / "state.sqlite3"))
            self._sandbox = Sandbox(config).start()
            click.get_current_context().call_on_close(self._sandbox.stop)
            if not self.json_output:
                self.console.print(f"[dim]sandbox running at {self._sandbox.base_url} (nothing leaves this machine)")
        return str(self._sandbox.api_key), str(self._sandbox.base_url)

    def endpoint(self) -> tuple[str, str]:
        """(api_key, base_url) to use, or a usage error that says how to get a key."""
        if self.sandbox:
            return self._start_sandbox()
        key = self.api_key or os.environ.get("APIFRAME_API_KEY")
        if not key:
            raise click.UsageError(NO_KEY_HELP)
        self.resolved_url = self.base_url or os.environ.get("APIFRAME_BASE_URL") or DEFAULT_BASE_URL
        try:
            url: httpx.URL | None = httpx.URL(self.resolved_url)
        except httpx.InvalidURL:
            url = None
        if url is None or url.scheme not in ("http", "https") or not url.host:
            where = "--base-url" if self.base_url else "APIFRAME_BASE_URL"
            raise click.UsageError(
                f"{where} must be an http(s) URL such as {DEFAULT_BASE_URL}, got {self.resolved_url!r}"
            )
        return key, self.resolved_url

    def client(self) -> Apiframe:
        key, url = self.endpoint()
        client = Apiframe(api_key=key, base_url=url, push=push_from_env())
        click.get_current_context().call_on_close(client.close)
        return client

    def async_client(self) -> AsyncApiframe:
        """A new async client; use it as ``async with`` inside the command's event loop."""
        key, url = self.endpoint()
        return AsyncApiframe(api_key=key, base_url=url, push=push_from_env())

    def emit(self, data: Any, text: str | None = None) -> None:
        """Print a result: JSON with --json (or when there is no text form), else ``text``."""
        if self.json_output or text is None:
            sys.stdout.write(json.dumps(jsonable(data), indent=2, default=str) + "\n")
        else:
            self.out.print(text, highlight=False, soft_wrap=True)
