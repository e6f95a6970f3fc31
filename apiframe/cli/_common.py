"""What every command module shares: exit codes, the settings of the running command, shared options."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar, get_args

import click

from .._config import DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from .._connections import HttpBackend
from .._errors import InvalidRequestError
from .._job_requests import parse_assignments
from .._pipeline import loads_bounded
from .._schema import operation, resolve
from ._context import Settings

__all__ = [
    "EXIT_JOB_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "body_choices",
    "connection_options",
    "current_settings",
    "global_options",
    "json_object",
    "options",
    "out_option",
    "params_block",
    "query_choices",
    "store_setting",
    "wait_timeout_option",
]

F = TypeVar("F", bound=Callable[..., Any])
EXIT_OK, EXIT_JOB_FAILED, EXIT_USAGE = 0, 1, 2


def current_settings() -> Settings:
    """The global options of the running command (and which command it is, for its messages)."""
    ctx = click.get_current_context()
    found = ctx.find_object(Settings)
    if found is None:
        raise click.UsageError("internal: no settings")
    found.command = ctx.command
    return found


def store_setting(name: str, value: Any = None) -> Callable[[click.Context, click.Parameter, Any], None]:
    """An option callback that sets ``Settings.<name>`` (to ``value`` for a flag), when the option is given."""

    def store(ctx: click.Context, param: click.Parameter, given: Any) -> None:
        found = ctx.find_object(Settings)
        if found is not None and given not in (None, False):
            setattr(found, name, given if value is None else value)

    return store


def options(decorators: Sequence[Callable[[F], F]]) -> Callable[[F], F]:
    """Apply a list of click decorators in order."""

    def decorate(command: F) -> F:
        for option in reversed(decorators):
            command = option(command)
        return command

    return decorate


def _default_timeout() -> str:
    seconds = DEFAULT_TIMEOUT if isinstance(DEFAULT_TIMEOUT, int | float) else getattr(DEFAULT_TIMEOUT, "read", None)
    return f"{seconds:g} s" if isinstance(seconds, int | float) else "the SDK's"


def global_options(*, after_command: bool) -> list[Callable[[F], F]]:
    """The options every command takes, before its name (the group's) or after it (``after_command``).

    After the name they only fill in the settings (``apiframe jobs get ID --json``).
    """
    kw: dict[str, Any] = {"expose_value": False} if after_command else {}

    def stored(name: str, value: Any = None) -> dict[str, Any]:
        return {**kw, "callback": store_setting(name, value)} if after_command else {}

    return [
        click.option("--api-key", metavar="KEY", help="API key (default: APIFRAME_API_KEY).", **stored("api_key")),
        click.option(
            "--base-url",
            metavar="URL",
            help=f"API base URL (default: APIFRAME_BASE_URL, else {DEFAULT_BASE_URL}).",
            **stored("base_url"),
        ),
        click.option(
            "--sandbox",
            is_flag=True,
            help="Use a local sandbox: no key, no credits, nothing leaves this machine. Commands run from one"
            " folder share its jobs (kept in ./.apiframe-sandbox); `apiframe sandbox` run from that folder"
            " keeps their URLs valid after a command ends.",
            **stored("sandbox"),
        ),
        click.option(
            "--json",
            "json_output",
            is_flag=True,
            help="Print the result as one JSON document on stdout (an array for several items).",
            **stored("output", "json"),
        ),
        click.option(
            "--jsonl",
            "jsonl_output",
            is_flag=True,
            help="Print JSON one document a line: each item of a list, each event of a stream.",
            **stored("output", "jsonl"),
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(min=0, min_open=True, max=86_400),
            metavar="SECONDS",
            help=(
                "Deadline of each API call: every attempt and the pauses between them end by then "
                f"(default: {_default_timeout()})."
            ),
            **stored("timeout"),
        ),
        click.option(
            "--max-retries",
            type=click.IntRange(0, 20),
            metavar="N",
            help=f"Retries of a request that failed for a reason worth retrying (default: {DEFAULT_MAX_RETRIES}).",
            **stored("max_retries"),
        ),
        click.option(
            "--http-backend",
            type=click.Choice(get_args(HttpBackend)),
            help="Transport of the commands that wait and download (generate, batch, jobs wait, jobs download):"
            " httpx, or aiohttp, which costs less CPU per request (needs the aiohttp extra)"
            " (default: APIFRAME_HTTP_BACKEND, else httpx).",
            **stored("http_backend"),
        ),
    ]


def connection_options(command: F) -> F:
    """The global options after the command name too: ``--api-key``, ``--base-url``, ``--sandbox``,
    ``--json``, ``--jsonl``, ``--timeout``, ``--max-retries`` and ``--http-backend``."""
    return options(global_options(after_command=True))(command)


out_option = click.option(
    "--out",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    metavar="FOLDER",
    help="Folder to save the result files in (created if needed).",
)


def wait_timeout_option(default: float, what: str = "each job") -> Callable[[F], F]:
    """``--wait-timeout SECONDS``: how long a command waits for jobs to end (not one request's deadline)."""
    return click.option(
        "--wait-timeout",
        type=click.FloatRange(min=0, min_open=True),
        default=default,
        show_default=True,
        metavar="SECONDS",
        help=f"How long to wait for {what} to end; the job keeps running after.",
    )


def query_choices(operation_id: str, name: str) -> list[str]:
    """The values the spec allows for a query parameter (``jobs list --status``)."""
    return [str(v) for v in operation(operation_id).query[name].get("schema", {}).get("enum", [])]


def body_choices(operation_id: str, name: str) -> list[str]:
    """The values the spec allows for a body property (``assets create --type``)."""
    body = operation(operation_id).body_schema or {}
    return [str(v) for v in resolve(body).get("properties", {}).get(name, {}).get("enum", [])]


def json_object(text: str | None, field: str) -> dict[str, Any] | None:
    """The JSON object an option holds (``--params-json``, ``--extra-body``), or a usage error naming it."""
    if text is None:
        return None
    flag = "--" + field.replace("_", "-")
    try:
        value = loads_bounded(text)
    except ValueError as error:
        raise InvalidRequestError(f"{flag} is not JSON: {error}", field=field) from None
    if not isinstance(value, dict):
        raise InvalidRequestError(f"{flag} must be a JSON object", field=field)
    return value


def params_block(params: Sequence[str], params_json: str | None) -> tuple[dict[str, Any], dict[str, str]]:
    """``--params-json`` and ``--param KEY=VALUE`` as (the JSON block, the text assignments)."""
    return json_object(params_json, "params_json") or {}, parse_assignments(params)
