"""``apiframe batch FILE --out OUT`` (``batch run``), ``batch status OUT`` and ``batch report OUT``."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ..._display._gallery import refresh_gallery, write_gallery
from ..._download import DownloadProgress
from ...batch._store import LocalStore
from .._batch import (
    budget_lines,
    dry_run,
    file_location,
    load_summary,
    open_out,
    prepare,
    status_rows,
    summary_json,
    use_budget,
)
from .._common import EXIT_JOB_FAILED, EXIT_OK, connection_options, current_settings, store_setting
from .._display import fit_table, summary_table
from .._runner import Saver, run_with_display

__all__ = ["batch"]


class _BatchGroup(click.Group):
    """``apiframe batch FILE ...`` runs a batch (``batch run``); ``batch status OUT`` summarises one."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_BatchGroup)
def batch() -> None:
    """Run a JSONL file of jobs, resumable and shardable (apiframe batch FILE --out OUT).

    apiframe batch status OUT summarises every shard of a batch from its store;
    apiframe batch report OUT rewrites its gallery, OUT/index.html.
    """


@batch.command("run")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--out", "-o", help="Results and state go here: a folder or a URL (s3://bucket/run).")
@click.option("--shard", help="Run only shard K of N (K/N, 1 <= K <= N); each shard is resumable on its own.")
@click.option("--concurrency", "-c", type=click.IntRange(1, 256), default=4, show_default=True)
@click.option("--timeout", type=float, default=3600.0, show_default=True, help="Seconds to wait for each job.")
@click.option("--retry-failed", is_flag=True, help="Submit the lines that failed again (a new job each).")
@click.option("--dry-run", is_flag=True, help="Submit nothing: estimate the credits per model and show the balance.")
@click.option(
    "--max-credits",
    type=click.IntRange(0),
    help="Start a line only while the batch (every shard into OUT) stays within N credits, worst cases counted.",
)
@connection_options
def batch_run(
    file: Path,
    out: str | None,
    shard: str | None,
    concurrency: int,
    timeout: float,
    retry_failed: bool,
    dry_run: bool,
    max_credits: int | None,
) -> int:
    """Run one job per JSONL line ({"model", "prompt", "params"}); resumable.

    A line may name any job operation: {"operation": "images_upscale", "model": ..., "params": ...},
    {"operation": "images_midjourney_action", "action": "upsample", "parent_job_id": ..., "index": 2}.
    Progress is kept beside the results in OUT/state/ (one record per step of a line): run the
    same command again after an interruption, on any machine that reaches OUT, and it carries
    on where it stopped, submitting nothing twice (keys are derived from OUT and the line).
    """
    settings = current_settings()
    if dry_run:
        return _dry_run(file, shard)
    if out is None:
        raise click.UsageError("Missing option '--out' / '-o' (only --dry-run runs without it).")
    store = open_out(out)
    if isinstance(store, LocalStore):
        settings.home = store.root
    run = prepare(file, store, shard, retry_failed=retry_failed)
    for problem in run.damaged:
        settings.console.print(
            f"[yellow]{problem}: ignored; that line is planned again", highlight=False, soft_wrap=True
        )
    tasks = run.tasks
    try:
        if max_credits is not None:
            use_budget(settings, run, max_credits)
        if not settings.json_output and run.shard.count > 1:
            settings.console.print(f"[dim]shard {run.shard}: {len(tasks)} of the file's lines", highlight=False)
        todo = [task for task in tasks if not task.done]
        if not settings.json_output and len(todo) < len(tasks):
            settings.console.print(f"[dim]resuming: {len(tasks) - len(todo)} of {len(tasks)} lines already finished")
        asyncio.run(run.start())
        run_with_display(
            settings, tasks, _batch_saver(run), concurrency=concurrency, timeout=timeout, on_change=run.record
        )
        gallery = asyncio.run(refresh_gallery(store, shards=run.shard.count, tasks=tasks))
    except KeyboardInterrupt:
        left = sum(not task.done for task in tasks)
        settings.console.print(
            f"interrupted: {left} line(s) unfinished: run the same command again to resume", soft_wrap=True
        )
        raise click.exceptions.Exit(130) from None
    finally:
        run.close()
    counts = {state: sum(task.status == state for task in tasks) for state in ("completed", "failed")}
    unfinished = len(tasks) - counts["completed"] - counts["failed"]
    if settings.json_output:
        settings.emit(
            {
                "total": len(tasks),
                **counts,
                "unfinished": unfinished,
                "shard": str(run.shard),
                "out": store.url,
                **budget_lines(run),
                "gallery": file_location(store, gallery) if gallery else None,
                "lines": [
                    {
                        "line": t.line,
                        "model": t.model,
                        "job_id": t.job_id,
                        "status": t.status,
                        "files": [file_location(store, name) for name in t.files],
                        "error": t.error or t.note,
                        "creditCost": t.credit_cost,
                    }
                    for t in tasks
                ],
            }
        )
    else:
        part = f" (shard {run.shard})" if run.shard.count > 1 else ""
        title = f"{file.name}{part}: {counts['completed']}/{len(tasks)} completed"
        caption = f"files in {store.url}/ (--json for a script-readable summary)"
        settings.out.print(summary_table(tasks, width=settings.out.width, title=title, caption=caption))
        credits = budget_lines(run)
        spent = f"credits spent: {credits['creditsSpent']}"
        if max_credits is not None:
            spent += f" of --max-credits {max_credits} (worst cases of unfinished lines: {credits['creditsReserved']})"
            if credits["notStarted"]:
                spent += f"; {credits['notStarted']} line(s) not started: they do not fit in the budget"
        settings.console.print(spent, highlight=False, markup=False, soft_wrap=True)
        if unfinished:
            settings.console.print(f"[yellow]{unfinished} line(s) unfinished: run the same command again to resume")
        if gallery:
            settings.out.print(
                f"gallery: {file_location(store, gallery)}", highlight=False, markup=False, soft_wrap=True
            )
    return EXIT_OK if counts["completed"] == len(tasks) else EXIT_JOB_FAILED


def _dry_run(file: Path, shard: str | None) -> int:
    """``--dry-run``: every line of the file (of the shard) estimated from the catalog; nothing submitted."""
    settings = current_settings()
    report = dry_run(settings, file, shard)
    if settings.json_output:
        settings.emit(report)
        return EXIT_OK

    def shown(value: object) -> str:
        return "no bound" if value is None else str(value)

    rows = [[m["model"], str(m["lines"]), str(m["creditsMin"]), shown(m["creditsMax"])] for m in report["models"]]
    rows.append(["total", str(report["lines"]), str(report["creditsMin"]), shown(report["creditsMax"])])
    columns = ["model", "lines", "min credits", "max credits"]
    title = f"{file.name}: estimate (nothing submitted)"
    caption = f"team balance: {shown(report['creditsAvailable'])} credits"
    justify = {name: "right" for name in columns[1:]}
    settings.out.print(fit_table(settings.out.width, columns, rows, title=title, caption=caption, justify=justify))
    for item in report["unpriced"][:20]:
        settings.out.print(f"line {item['line']}: {item['error']}", highlight=False, markup=False)
    high = report["creditsMax"]
    if isinstance(report["creditsAvailable"], int) and (high is None or high > report["creditsAvailable"]):
        settings.console.print(
            "the worst case may exceed the team's balance: the API stops the batch (402) when credits run out",
            highlight=False,
            markup=False,
        )
    return EXIT_OK


def _batch_saver(run: Any) -> Saver:
    """The engine's saver, reporting each chunk as the display's download step."""

    async def save(client: Any, job: Any, progress: Callable[[Any], None]) -> list[str]:
        def shown(step: Any) -> None:
            progress(DownloadProgress(step.job_id, Path(step.name), step.received, step.total, step.index, step.count))

        names: list[str] = await run.save(client, job, shown)
        return names

    return save


@batch.command("status")
@click.argument("out")
@click.option("--shards", type=click.IntRange(1, 1_000_000), help="N of K/N, when OUT holds runs of several N.")
@click.option("--json", is_flag=True, expose_value=False, callback=store_setting("json_output"), help="JSON output.")
def batch_status(out: str, shards: int | None) -> int:
    """Summarise every shard of the batch in OUT (a folder or a URL): done, failed, running, pending."""
    settings = current_settings()
    store = open_out(out)
    summary = load_summary(store, shards)
    if settings.json_output:
        settings.emit(summary_json(summary, store))
    else:
        columns = ["shard", "lines", "done", "failed", "running", "pending"]
        justify = {name: "right" for name in columns[1:]}
        table = fit_table(
            settings.out.width,
            columns,
            status_rows(summary),
            title=f"batch in {store.url}",
            caption="?: not known until that shard starts" if summary.lines is None else None,
            justify=justify,
        )
        settings.out.print(table)
        if summary.credits_spent_by_model:
            spent = ", ".join(f"{model} {amount}" for model, amount in summary.credits_spent_by_model.items())
            settings.out.print(
                f"credits spent: {summary.credits_spent} ({spent})", highlight=False, markup=False, soft_wrap=False
            )
        for failure in summary.failures[:20]:
            settings.out.print(
                f"line {failure.line} (shard {failure.shard}) failed: {failure.error}", highlight=False, markup=False
            )
        for damaged in summary.damaged[:20]:
            settings.console.print(f"[yellow]{damaged.name}: {damaged.reason}", highlight=False, soft_wrap=True)
    return EXIT_OK if summary.failed == 0 else EXIT_JOB_FAILED


@batch.command("report")
@click.argument("out")
@click.option("--shards", type=click.IntRange(1, 1_000_000), help="N of K/N, when OUT holds runs of several N.")
@click.option("--json", is_flag=True, expose_value=False, callback=store_setting("json_output"), help="JSON output.")
def batch_report(out: str, shards: int | None) -> int:
    """Rewrite OUT/index.html: a static page of every line's result, prompt, model, status, credits and error.

    Every batch run writes it when it ends; open it from the folder, or from object storage
    (its links are relative). Filters by status and model; large batches are paged.
    """
    settings = current_settings()
    store = open_out(out)
    written = asyncio.run(write_gallery(store, shards=shards))
    assert written is not None  # no read limit
    location = file_location(store, written)
    if settings.json_output:
        settings.emit({"out": store.url, "gallery": location})
    else:
        settings.out.print(f"gallery: {location}", highlight=False, markup=False, soft_wrap=True)
    return EXIT_OK
