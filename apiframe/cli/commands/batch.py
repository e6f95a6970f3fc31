"""``apiframe batch FILE --out OUT`` (``batch run``), ``batch status OUT`` and ``batch report OUT``."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rich.console import Group
from rich.text import Text

from ..._client import AsyncApiframe
from ..._download import DownloadProgress
from ..._jobs import Job
from ..._plural import counted
from ...batch._gallery import refresh_gallery, write_gallery
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
from .._common import EXIT_JOB_FAILED, EXIT_OK, connection_options, current_settings, wait_timeout_option
from .._messages import shell_words, task_problem
from .._runner import Saver, run_with_display
from .._tables import Justify, fit_table, summary_table
from .._terminal import one_line

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

    apiframe batch status OUT summarises every shard of a batch from its store; apiframe batch
    report OUT rewrites its gallery (OUT/index.html).
    """


@batch.command("run")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--out", "-o", help="Results and state go here: a folder or a URL (s3://bucket/run).")
@click.option("--shard", help="Run only shard K of N (K/N, 1 <= K <= N); each shard is resumable on its own.")
@click.option(
    "--concurrency", "-c", type=click.IntRange(1, 256), default=4, show_default=True, help="Jobs in flight at once."
)
@wait_timeout_option(3600.0)
@click.option("--retry-failed", is_flag=True, help="Submit the lines that failed again (a new job each).")
@click.option("--all", "every_line", is_flag=True, help="List every line at the end, not only those that failed.")
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
    wait_timeout: float,
    retry_failed: bool,
    every_line: bool,
    dry_run: bool,
    max_credits: int | None,
) -> int:
    """Run one job per JSONL line ({"model", "prompt", "params"}); resumable.

    A line may name any job operation: {"operation": "images_upscale", "model": ..., "params": ...},
    {"operation": "images_midjourney_action", "action": "upsample", "parent_job_id": ..., "index": 2}.
    Progress is kept beside the results in OUT/state/ (one record per step of a line): run the
    same command again after an interruption, on any machine that reaches OUT, and it carries
    on where it stopped, submitting nothing twice (keys are derived from OUT and the line).
    Ends with the totals and the lines that failed (--all: every line and its files), and writes
    OUT/index.html, a gallery of the results.
    """
    settings = current_settings()
    if dry_run:
        return _dry_run(file, shard)
    if out is None:
        raise click.UsageError("Missing option '--out' / '-o' (only --dry-run runs without it).")
    store = open_out(out)
    run = prepare(file, store, shard, retry_failed=retry_failed)
    for problem in run.damaged:
        settings.say(f"{problem}: ignored; that line is planned again", "yellow")
    tasks = run.tasks
    try:
        if max_credits is not None:
            use_budget(settings, run, max_credits)
        if not settings.json_output and run.shard.count > 1:
            settings.say(f"shard {run.shard}: {len(tasks)} of the file's lines", "dim")
        todo = [task for task in tasks if not task.done]
        if not settings.json_output and len(todo) < len(tasks):
            settings.say(f"resuming: {len(tasks) - len(todo)} of {len(tasks)} lines already finished", "dim")
        asyncio.run(run.start())
        run_with_display(
            settings, tasks, _batch_saver(run), concurrency=concurrency, timeout=wait_timeout, on_change=run.record
        )
        gallery = asyncio.run(refresh_gallery(store, shards=run.shard.count, tasks=tasks))
    except KeyboardInterrupt:
        left = sum(not task.done for task in tasks)
        settings.say(f"interrupted: {counted(left, 'line')} unfinished: run the same command again to resume")
        raise click.exceptions.Exit(130) from None
    finally:
        run.close()
    counts = {state: sum(task.status == state for task in tasks) for state in ("completed", "failed")}
    unfinished = len(tasks) - counts["completed"] - counts["failed"]
    part = f" (shard {run.shard})" if run.shard.count > 1 else ""
    title = f"{file.name}{part}: {counts['completed']} of {len(tasks)} completed, {counts['failed']} failed" + (
        f", {unfinished} unfinished" if unfinished else ""
    )
    hint = "" if every_line else "--all lists every line; "
    caption = f"files in {store.url}/ ({hint}--json for a script-readable summary)"
    data = {  # the counts in batch status's names: lines = completed + failed + running + pending
        "lines": len(tasks),
        **counts,
        "running": sum(task.status == "submitted" for task in tasks),
        "pending": sum(task.status == "pending" for task in tasks),
        "shard": str(run.shard),
        "out": store.url,
        **budget_lines(run),
        "gallery": file_location(store, gallery) if gallery else None,
        "results": [
            {
                "line": t.line,
                "model": t.model,
                "jobId": t.job_id,
                "status": t.status,
                "files": [file_location(store, name) for name in t.files],
                "error": task_problem(t) or None,
                "creditCost": t.credit_cost,
            }
            for t in tasks
        ],
    }
    text = summary_table(
        tasks,
        width=settings.out.width,
        title=title,
        caption=caption,
        every_line=every_line,
        location=lambda name: file_location(store, name),
    )
    credits = budget_lines(run)
    spent = f"credits spent: {credits['creditsSpent']}"
    if max_credits is not None:
        spent += f" of --max-credits {max_credits} (worst cases of unfinished lines: {credits['creditsReserved']})"
        if credits["notStarted"]:
            spent += f"; {counted(credits['notStarted'], 'line')} not started: they do not fit in the budget"
    gallery_line = [f"gallery: {file_location(store, gallery)}"] if gallery else []
    settings.emit(data, [text, spent, *gallery_line])
    if unfinished and not settings.json_output:
        settings.say(f"{counted(unfinished, 'line')} unfinished: run the same command again to resume", "yellow")
    return EXIT_OK if counts["completed"] == len(tasks) else EXIT_JOB_FAILED


def _dry_run(file: Path, shard: str | None) -> int:
    """``--dry-run``: every line of the file (of the shard) estimated from the catalog; nothing submitted."""
    settings = current_settings()
    report = dry_run(settings, file, shard)

    def shown(value: object) -> str:
        return "no bound" if value is None else str(value)

    rows = [[m["model"], str(m["lines"]), str(m["creditsMin"]), shown(m["creditsMax"])] for m in report["models"]]
    rows.append(["total", str(report["lines"]), str(report["creditsMin"]), shown(report["creditsMax"])])
    columns = ["model", "lines", "min credits", "max credits"]
    justify: dict[str, Justify] = {name: "right" for name in columns[1:]}
    table = fit_table(
        settings.out.width,
        columns,
        rows,
        title=f"{file.name}: estimate (nothing submitted)",
        caption=f"team balance: {shown(report['creditsAvailable'])} credits",
        justify=justify,
    )
    unpriced = [
        fit_table(
            settings.out.width,
            ["line", "error"],
            [[str(item["line"]), str(item["error"])] for item in report["unpriced"][:20]],
            title="lines without an estimate",
            wrap="error",
            bare=("error",),
        )
    ]
    settings.emit(report, Group(table, *(unpriced if report["unpriced"] else [])))
    high = report["creditsMax"]
    if not settings.json_output and (
        isinstance(report["creditsAvailable"], int) and (high is None or high > report["creditsAvailable"])
    ):
        settings.say("the worst case may exceed the team's balance: the API stops the batch (402) when credits run out")
    return EXIT_OK


def _batch_saver(run: Any) -> Saver:
    """The engine's saver, reporting each chunk as the display's download step."""

    async def save(client: AsyncApiframe, job: Job, progress: Callable[[Any], None]) -> list[str]:
        def shown(step: Any) -> None:
            progress(DownloadProgress(step.job_id, Path(step.name), step.received, step.total, step.index, step.count))

        names: list[str] = await run.save(client, job, shown)
        return names

    return save


@batch.command("status")
@click.argument("out")
@click.option("--shards", type=click.IntRange(1, 1_000_000), help="N of K/N, when OUT holds runs of several N.")
@connection_options
def batch_status(out: str, shards: int | None) -> int:
    """Summarise every shard of the batch in OUT (a folder or a URL): done, failed, running, pending.

    Lines = done + failed + running + pending. Exit 1 when a line failed.
    """
    settings = current_settings()
    store = open_out(out)
    summary = load_summary(store, shards)
    columns = ["shard", "lines", "done", "failed", "running", "pending"]
    justify: dict[str, Justify] = {name: "right" for name in columns[1:]}
    table = fit_table(
        settings.out.width,
        columns,
        status_rows(summary),
        title=f"batch in {store.url}",
        caption="?: not known until that shard starts" if summary.lines is None else None,
        justify=justify,
    )
    failures = [
        fit_table(
            settings.out.width,
            ["line", "shard", "error"],
            [[str(f.line), str(f.shard), shell_words(f.error or "")] for f in summary.failures[:20]],
            title=f"failed lines ({summary.failed})" + (", the first 20" if summary.failed > 20 else ""),
            wrap="error",
            bare=("error",),
        )
    ]
    spent = ", ".join(f"{model} {amount}" for model, amount in summary.credits_spent_by_model.items())
    credits = [Text(f"credits spent: {summary.credits_spent} ({spent})")] if spent else []
    settings.emit(summary_json(summary, store), Group(table, *credits, *(failures if summary.failures else [])))
    for damaged in summary.damaged[:20]:
        settings.say(f"{one_line(damaged.name)}: {one_line(damaged.reason)}", "yellow")
    return EXIT_OK if summary.failed == 0 else EXIT_JOB_FAILED


@batch.command("report")
@click.argument("out")
@click.option("--shards", type=click.IntRange(1, 1_000_000), help="N of K/N, when OUT holds runs of several N.")
@connection_options
def batch_report(out: str, shards: int | None) -> int:
    """Rewrite OUT/index.html: a static page of every line's result, prompt, model, status, credits and error.

    Every batch run writes it when it ends; open it from the folder, or from object storage
    (its links are relative). Filters by status and model; large batches are paged.
    """
    settings = current_settings()
    store = open_out(out)
    written = asyncio.run(write_gallery(store, shards=shards))
    if written is None:  # only a read limit leaves it unwritten, and this call sets none
        raise click.ClickException("internal: the gallery was not written")
    location = file_location(store, written)
    settings.emit({"out": store.url, "gallery": location}, f"gallery: {location}")
    return EXIT_OK
