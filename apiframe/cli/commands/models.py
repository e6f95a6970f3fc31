"""``apiframe models`` and ``apiframe models show MODEL``."""

from __future__ import annotations

import json
from typing import Any

import click
from rich.console import Group

from ..._job_requests import modalities
from ..._model_params import describe_model
from .._common import EXIT_OK, connection_options, current_settings
from .._tables import Cell, fit_table

__all__ = ["models"]


@click.group(invoke_without_command=True)
@click.option("--modality", type=click.Choice(modalities()), help="Only models of this modality.")
@connection_options
@click.pass_context
def models(ctx: click.Context, modality: str | None) -> int:
    """List the models and what they generate (no key needed); `models show MODEL` lists a model's parameters."""
    if ctx.invoked_subcommand is not None:
        return EXIT_OK
    settings = current_settings()
    catalog = settings.client(public=True).models.list(modality=modality)  # type: ignore[arg-type]
    entries = list(catalog.models)
    rows: list[list[Cell]] = [[entry.id, str(entry.modality), entry.label] for entry in entries]
    columns = ["model", "modality", "label"]
    settings.emit(entries, fit_table(settings.out.width, columns, rows, wrap="label", bare=("model", "label")))
    return EXIT_OK


@models.command("show")
@click.argument("model")
@connection_options
def models_show(model: str) -> int:
    """List MODEL's parameters from the spec: type, allowed values, default, description."""
    settings = current_settings()
    shown = describe_model(model)
    tables = []
    for entry in shown:
        rows: list[list[Cell]] = [
            [p["flag"], p["type"], ", ".join(map(str, p["allowed"])), _text(p["default"]), p["description"]]
            for p in entry["parameters"]
        ]
        title = f"{model}: {entry['command']}"
        columns = ["parameter", "type", "allowed", "default", "description"]
        tables.append(
            fit_table(settings.out.width, columns, rows, title=title, wrap="description", bare=("parameter",))
        )
    settings.emit(shown, Group(*tables))
    return EXIT_OK


def _text(value: Any) -> str:
    return "" if value is None else json.dumps(value) if not isinstance(value, str) else value
