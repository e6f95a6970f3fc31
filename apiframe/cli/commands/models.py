"""``apiframe models`` and ``apiframe models show MODEL``."""

from __future__ import annotations

import json
from typing import Any

import click

from ..._job_requests import modalities
from ..._model_params import describe_model
from .._common import EXIT_OK, connection_options, current_settings
from .._display import fit_table

__all__ = ["models"]


@click.group(invoke_without_command=True)
@click.option("--modality", type=click.Choice(modalities()), help="Only models of this modality.")
@connection_options
@click.pass_context
def models(ctx: click.Context, modality: str | None) -> int:
    """List the models and what they generate; `models show MODEL` lists a model's parameters."""
    if ctx.invoked_subcommand is not None:
        return EXIT_OK
    settings = current_settings()
    catalog = settings.client().models.list(modality=modality)  # type: ignore[arg-type]
    entries = list(catalog.models)
    if settings.json_output:
        settings.emit(entries)
        return EXIT_OK
    rows = [[entry.id, str(entry.modality), entry.label] for entry in entries]
    settings.out.print(fit_table(settings.out.width, ["model", "modality", "label"], rows, wrap="label"))
    return EXIT_OK


@models.command("show")
@click.argument("model")
@connection_options
def models_show(model: str) -> int:
    """List MODEL's parameters from the spec: type, allowed values, default, description."""
    settings = current_settings()
    shown = describe_model(model)
    if settings.json_output:
        settings.emit(shown)
        return EXIT_OK
    for entry in shown:
        rows = [
            [p["flag"], p["type"], ", ".join(map(str, p["allowed"])), _text(p["default"]), p["description"]]
            for p in entry["parameters"]
        ]
        title = f"{model}: {entry['command']}"
        columns = ["parameter", "type", "allowed", "default", "description"]
        settings.out.print(fit_table(settings.out.width, columns, rows, title=title, wrap="description"))
    return EXIT_OK


def _text(value: Any) -> str:
    return "" if value is None else json.dumps(value) if not isinstance(value, str) else value
