"""What every command module shares: exit codes, the settings of the running command, shared options."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from .._errors import InvalidRequestError
from .._job_requests import parse_assignments
from .._schema import operation, resolve
from ._context import Settings

__all__ = [
    "EXIT_JOB_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "body_choices",
    "connection_options",
    "current_settings",
    "options",
    "params_block",
    "query_choices",
    "store_setting",
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


def store_setting(name: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    """An option callback that sets ``Settings.<name>`` (a global option given after the command name)."""

    def store(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        found = ctx.find_object(Settings)
        if found is not None and value not in (None, False):
            setattr(found, name, value)

    return store


def options(decorators: Sequence[Callable[[F], F]]) -> Callable[[F], F]:
    """Apply a list of click decorators in order."""

    def decorate(command: F) -> F:
        for option in reversed(decorators):
            command = option(command)
        return command

    return decorate


def connection_options(command: F) -> F:
    """``--api-key``, ``--base-url``, ``--sandbox`` and ``--json`` after the command name too."""
    return options(
        [
            click.option(
                "--api-key",
                expose_value=False,
                callback=store_setting("api_key"),
                help="API key (default: APIFRAME_API_KEY).",
            ),
            click.option("--base-url", expose_value=False, callback=store_setting("base_url"), help="API base URL."),
            click.option(
                "--sandbox",
                is_flag=True,
                expose_value=False,
                callback=store_setting("sandbox"),
                help="Use a local sandbox.",
            ),
            click.option(
                "--json", is_flag=True, expose_value=False, callback=store_setting("json_output"), help="JSON output."
            ),
        ]
    )(command)


def query_choices(operation_id: str, name: str) -> list[str]:
    """The values the spec allows for a query parameter (``jobs list --status``)."""
    return [str(v) for v in operation(operation_id).query[name].get("schema", {}).get("enum", [])]


def body_choices(operation_id: str, name: str) -> list[str]:
    """The values the spec allows for a body property (``assets create --type``)."""
    body = operation(operation_id).body_schema or {}
    return [str(v) for v in resolve(body).get("properties", {}).get(name, {}).get("enum", [])]


def params_block(params: Sequence[str], params_json: str | None) -> tuple[dict[str, Any], dict[str, str]]:
    """``--params-json`` and ``--param KEY=VALUE`` as (the JSON block, the text assignments)."""
    block: dict[str, Any] = {}
    if params_json:
        try:
            block = json.loads(params_json)
        except ValueError as error:
            raise InvalidRequestError(f"--params-json is not JSON: {error}", field="params_json") from error
        if not isinstance(block, dict):
            raise InvalidRequestError("--params-json must be a JSON object", field="params_json")
    return block, parse_assignments(params)
