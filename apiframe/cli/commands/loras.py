"""``apiframe loras create|list|get|delete``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from .._common import EXIT_OK, body_choices, connection_options, current_settings, wait_timeout_option
from .._tables import Cell, fit_table, status_text
from .._terminal import fields, one_line

__all__ = ["loras"]


def _choices(wire: str) -> str:
    return ", ".join(body_choices("loras_create", wire)) or "see the API"


@click.group()
def loras() -> None:
    """Train and manage Flux LoRAs."""


@loras.command("create")
@click.argument("images", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--name", required=True, help="A name for the LoRA.")
@click.option("--subject-kind", help=f"What the images show: {_choices('subjectKind')} (default: person).")
@click.option("--gender", help=f"The person's gender, for --subject-kind person: {_choices('gender')}.")
@click.option("--ethnicity", help="The person's ethnicity, for --subject-kind person.")
@click.option("--age", help="The person's age (a number or a range such as 20-30), for --subject-kind person.")
@click.option("--steps", type=int, help="Training steps (the API's default when left out).")
@click.option("--lora-rank", type=int, help="LoRA rank (the API's default when left out).")
@click.option("--wait", "wait_for_it", is_flag=True, help="Wait until training ends.")
@wait_timeout_option(3600.0, "the training (with --wait)")
@connection_options
def loras_create(
    images: Sequence[Path],
    name: str,
    subject_kind: str | None,
    gender: str | None,
    ethnicity: str | None,
    age: str | None,
    steps: int | None,
    lora_rank: int | None,
    wait_for_it: bool,
    wait_timeout: float,
) -> int:
    """Train a LoRA from 15-30 IMAGES."""
    settings = current_settings()
    client = settings.client()
    created = client.loras.create(
        name=name,
        images=list(images),
        subject_kind=subject_kind,  # type: ignore[arg-type]
        gender=gender,  # type: ignore[arg-type]
        ethnicity=ethnicity,
        age=age,
        steps=steps,
        lora_rank=lora_rank,
    )
    if wait_for_it:
        client.jobs.wait(created.id, timeout=wait_timeout)
        lora = client.loras.get(created.id)
        settings.emit(lora, _lora_text(lora))
        return EXIT_OK
    settings.emit(created, fields(created.id, created.status, f"({created.image_count} images)"))
    return EXIT_OK


def _lora_text(lora: Any) -> str:
    trigger = f"trigger word {one_line(lora.trigger_word)}" if isinstance(lora.trigger_word, str) else None
    return fields(lora.id, lora.name, lora.status, trigger)


@loras.command("list")
@click.option("--limit", type=click.IntRange(1, 100), default=20, show_default=True, help="At most this many LoRAs.")
@connection_options
def loras_list(limit: int) -> int:
    """List LoRAs."""
    settings = current_settings()
    page = settings.client().loras.list(limit=limit)
    items = list(page.items)
    rows: list[list[Cell]] = [
        [lora.id, lora.name, status_text(str(lora.status)), str(lora.image_count), lora.trigger_word or ""]
        for lora in items
    ]
    columns = ["id", "name", "status", "images", "trigger word"]
    settings.emit(items, fit_table(settings.out.width, columns, rows, bare=("id", "status")))
    return EXIT_OK


@loras.command("get")
@click.argument("lora_id")
@connection_options
def loras_get(lora_id: str) -> int:
    """Show one LoRA."""
    settings = current_settings()
    lora = settings.client().loras.get(lora_id)
    settings.emit(lora, _lora_text(lora))
    return EXIT_OK


@loras.command("delete")
@click.argument("lora_id")
@connection_options
def loras_delete(lora_id: str) -> int:
    """Delete a LoRA."""
    settings = current_settings()
    settings.client().loras.delete(lora_id)
    settings.emit({"deleted": lora_id}, f"deleted {lora_id}")
    return EXIT_OK
