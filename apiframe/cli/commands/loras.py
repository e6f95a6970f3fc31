"""``apiframe loras create|list|get|delete``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from .._common import EXIT_OK, connection_options, current_settings
from .._display import fit_table

__all__ = ["loras"]


@click.group()
def loras() -> None:
    """Train and manage Flux LoRAs."""


@loras.command("create")
@click.argument("images", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--name", required=True)
@click.option("--subject-kind")
@click.option("--gender")
@click.option("--ethnicity")
@click.option("--age")
@click.option("--steps", type=int)
@click.option("--lora-rank", type=int)
@click.option("--wait", "wait_for_it", is_flag=True, help="Wait until training ends.")
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
        client.jobs.wait(created.id, timeout=3600)
        lora = client.loras.get(created.id)
        settings.emit(lora, f"{lora.id}  {lora.name}  {lora.status}")
        return EXIT_OK
    settings.emit(created, f"{created.id}  {created.status}  ({created.image_count} images)")
    return EXIT_OK


@loras.command("list")
@click.option("--limit", type=click.IntRange(1, 100), default=20, show_default=True)
@connection_options
def loras_list(limit: int) -> int:
    """List LoRAs."""
    settings = current_settings()
    page = settings.client().loras.list(limit=limit)
    items = list(page.items)
    if settings.json_output:
        settings.emit(items)
        return EXIT_OK
    rows = [[lora.name, str(lora.status), str(lora.image_count), lora.trigger_word or "", lora.id] for lora in items]
    settings.out.print(fit_table(settings.out.width, ["name", "status", "images", "trigger word", "id"], rows))
    return EXIT_OK


@loras.command("get")
@click.argument("lora_id")
@connection_options
def loras_get(lora_id: str) -> int:
    """Show one LoRA."""
    settings = current_settings()
    lora = settings.client().loras.get(lora_id)
    settings.emit(lora, f"{lora.id}  {lora.name}  {lora.status}  ready={lora.is_ready}")
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
