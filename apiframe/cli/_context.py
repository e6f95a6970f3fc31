"""What every command shares: where the API is, the key, request settings, output mode and ``--sandbox``.

Output follows one contract (README, "Output"): with ``--json`` a command prints exactly one JSON
document on stdout (an array when it reports several items); with ``--jsonl``, one compact JSON
document per line (a stream command prints each as it happens); otherwise text, through the
terminal guard (``_terminal.py``). Keys are the API's wire names, as ``to_dict()`` gives them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Literal

import click
import httpx
from rich.console import RenderableType
from rich.text import Text

from .._client import Apiframe, AsyncApiframe, HttpBackend
from .._config import DEFAULT_BASE_URL, is_local_host
from .._extras import missing_extra
from .._tls import verifying_context
from ..webhooks._push import push_from_env
from . import _sandbox
from ._retries import RetryLines
from ._terminal import TerminalConsole, json_text, write, write_json
from ._terminal import console as make_console

__all__ = ["NO_KEY_HELP", "Output", "Settings", "jsonable"]

Output = Literal["text", "json", "jsonl"]

NO_KEY_HELP = (
    "no API key. Either:\n"
    "  - pass --api-key afk_... or set APIFRAME_API_KEY (create a key in the Apiframe dashboard:\n"
    "    https://apiframe.ai/dashboard), or\n"
    "  - add --sandbox to run against a local sandbox: no key, no credits, nothing leaves this machine."
)


_NO_KEY = "afk_no_key_for_a_public_operation"


def _drop_stand_in_key(request: httpx.Request) -> None:
    if request.headers.get("x-api-key") == _NO_KEY:
        del request.headers["x-api-key"]


def jsonable(value: Any) -> Any:
    """A response model (attrs, with ``to_dict``: the API's wire names), path or plain value as JSON data."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def _as_lines(data: Any) -> str:
    """Data for people: an object as ``key: value`` lines, a list one item after another."""
    if isinstance(data, list):
        return "\n\n".join(_as_lines(item) for item in data)
    if isinstance(data, dict):
        return "\n".join(
            f"{key}: {value if isinstance(value, str) else json_text(value, lines=True)}" for key, value in data.items()
        )
    return str(data)


UNBROKEN_WIDTH = 100_000
"""stdout's width off a terminal: wide enough that no table row or caption is ever broken."""


def results_console() -> TerminalConsole:
    """The console for stdout: the terminal's width on a terminal (or ``COLUMNS`` when set); off a
    terminal (a pipe, ``$(...)``) a width no line reaches, so every table row and caption stays whole."""
    out = make_console()
    if not out.is_terminal and not os.environ.get("COLUMNS"):
        out.width = UNBROKEN_WIDTH
    return out


@dataclass
class Settings:
    """Global options, the clients made from them, and the sandbox started for ``--sandbox``."""

    api_key: str | None = field(repr=False)
    base_url: str | None
    sandbox: bool
    sandbox_job_seconds: float
    output: Output = "text"
    timeout: float | None = None
    """``--timeout``: seconds for each HTTP request (None: the SDK's default)."""
    max_retries: int | None = None
    """``--max-retries``: retries of a failed request (None: the SDK's default)."""
    http_backend: HttpBackend | None = None
    """``--http-backend``: the async client's transport (None: ``APIFRAME_HTTP_BACKEND``, else httpx)."""
    console: TerminalConsole = field(default_factory=lambda: make_console(stderr=True))
    out: TerminalConsole = field(default_factory=lambda: results_console())
    command: click.Command | None = field(default=None, repr=False)
    """The command running (its options name the ``--flags`` in error messages)."""
    resolved_url: str | None = None
    _sandbox_url: str | None = field(default=None, repr=False)
    _retry_lines: RetryLines | None = field(default=None, repr=False)
    _emitted: bool = field(default=False, repr=False)

    @property
    def json_output(self) -> bool:
        """Whether stdout is for a program (``--json`` or ``--jsonl``): no live display, no text."""
        return self.output != "text"

    # -- where the API is ---------------------------------------------------------------------

    def _start_sandbox(self) -> str:
        if self._sandbox_url is None:
            try:
                server = _sandbox.running_server()
                if server is not None:
                    self._sandbox_url = server
                    self.say(f"using the sandbox server at {server} (apiframe sandbox, from this folder)", "dim")
                else:
                    embedded = _sandbox.Embedded(self.sandbox_job_seconds)
                    click.get_current_context().call_on_close(embedded.stop)
                    self._sandbox_url = embedded.base_url
                    self.say(
                        f"sandbox at {embedded.base_url} for this command only: its URLs stop working when it ends"
                        " (for URLs that stay valid, run `apiframe sandbox` from this folder in another terminal)",
                        "dim",
                    )
            except _sandbox.SandboxError as error:
                raise click.UsageError(str(error)) from None
        return self._sandbox_url

    def endpoint(self) -> tuple[str, str]:
        """(api_key, base_url) to use, or a usage error that says how to get a key."""
        if self.sandbox:
            return _sandbox.SANDBOX_KEY, self._start_sandbox()
        key = self.api_key or os.environ.get("APIFRAME_API_KEY")
        if not key:
            raise click.UsageError(NO_KEY_HELP)
        return key, self.api_url()

    def api_url(self) -> str:
        """The API's base URL (``--sandbox``: the sandbox's), checked; no key needed."""
        if self.sandbox:
            return self._start_sandbox()
        self.resolved_url = self.base_url or os.environ.get("APIFRAME_BASE_URL") or DEFAULT_BASE_URL
        try:
            url: httpx.URL | None = httpx.URL(self.resolved_url)
        except httpx.InvalidURL:
            url = None
        where = "--base-url" if self.base_url else "APIFRAME_BASE_URL"
        if url is None or url.scheme not in ("http", "https") or not url.host:
            raise click.UsageError(
                f"{where} must be an http(s) URL such as {DEFAULT_BASE_URL}, got {self.resolved_url!r}"
            )
        if url.scheme == "http" and not is_local_host(url.host):
            raise click.UsageError(
                f"{where} is plain http to {url.host[:100]}, a host off this machine and its private network: "
                "the API key would cross the network in cleartext. Use https:// (plain http is for localhost, "
                "private addresses and one-label local names), or --sandbox"
            )
        return self.resolved_url

    def _options(self) -> dict[str, Any]:
        options: dict[str, Any] = {}
        if self.timeout is not None:
            options["timeout"] = self.timeout
        if self.max_retries is not None:
            options["max_retries"] = self.max_retries
        if self._retry_lines is None:
            self._retry_lines = RetryLines(lambda line: self.say(line, "yellow"))
            self._retry_lines.install()
            click.get_current_context().call_on_close(self._retry_lines.remove)
        return options

    def client(self, *, public: bool = False) -> Apiframe:
        """A client for this command (closed when it ends).

        ``public``: for an operation the spec marks as needing no key (``security: []``, the model
        catalog). Without a key, the client gets a stand-in that is removed from every request, so
        nothing but the request itself leaves the machine.
        """
        key = None if self.sandbox else self.api_key or os.environ.get("APIFRAME_API_KEY")
        http: httpx.Client | None = None
        if public and key is None and not self.sandbox:
            key, url = _NO_KEY, self.api_url()
            http = httpx.Client(event_hooks={"request": [_drop_stand_in_key]}, verify=verifying_context())
            click.get_current_context().call_on_close(http.close)
        else:
            key, url = self.endpoint()
        client = Apiframe(api_key=key, base_url=url, push=push_from_env(), http_client=http, **self._options())
        click.get_current_context().call_on_close(client.close)
        return client

    def async_client(self) -> AsyncApiframe:
        """A new async client; use it as ``async with`` inside the command's event loop."""
        backend = self._http_backend()
        key, url = self.endpoint()
        return AsyncApiframe(api_key=key, base_url=url, push=push_from_env(), http_backend=backend, **self._options())

    def _http_backend(self) -> HttpBackend | None:
        """``--http-backend``, its extra checked here so a missing one is told in the command's words."""
        if self.http_backend == "aiohttp":
            try:
                from .. import _aiohttp  # noqa: F401  (the extra, loaded only when chosen)
            except ImportError as error:
                raise click.UsageError(missing_extra("aiohttp", error, "--http-backend aiohttp")) from None
        return self.http_backend

    # -- output -------------------------------------------------------------------------------

    def say(self, text: str | Text, style: str | None = None) -> None:
        """A message on stderr (progress notes, warnings), shown literally."""
        self.console.print(text, style=style, soft_wrap=not self.console.is_terminal)

    def emit(self, data: Any, text: RenderableType | list[RenderableType] | None = None) -> None:
        """The command's result: ``data`` as JSON (``--json``: one document; ``--jsonl``: a list one
        item a line), else ``text`` on stdout (by default ``data`` as ``key: value`` lines, never raw
        JSON; a list is printed part after part). With ``--json`` a command emits once."""
        if text is None:
            text = _as_lines(jsonable(data))
        if self.output == "jsonl":
            for item in data if isinstance(data, list) else [data]:
                write(json_text(jsonable(item), lines=True))
        elif self.output == "json":
            if self._emitted:
                raise RuntimeError("internal: a command printed a second JSON document")
            self._emitted = True
            write_json(jsonable(data))
        else:
            # off a terminal (a pipe, $(...)) a line is never broken: a path or URL stays whole
            for part in text if isinstance(text, list) else [text]:
                self.out.print(part, soft_wrap=isinstance(part, str) and not self.out.is_terminal)
