"""``apiframe jobs get|list|wait|download``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from ..._errors import JobCancelledError, JobFailedError
from .._common import (
    EXIT_JOB_FAILED,
    EXIT_OK,
    connection_options,
    current_settings,
    out_option,
    query_choices,
    wait_timeout_option,
)
from .._context import jsonable
from .._messages import task_problem
from .._runner import follow, task_line, task_record
from .._tables import Cell, fit_table, status_text
from .._terminal import fields, one_line

__all__ = ["jobs"]

_ENDED_BADLY = ("FAILED", "CANCELLED")


@click.group()
def jobs() -> None:
    """Look up, list, wait for and download jobs."""


def _status(job: Any) -> str:
    progress = job.progress if isinstance(job.progress, int) else None
    running = job.status not in ("COMPLETED", *_ENDED_BADLY) and progress is not None
    return f"{job.status} {progress}%" if running else str(job.status)


def _job_text(job: Any) -> str:
    """A job in a few lines: id, model, status; then its error, or its result files."""
    lines = [fields(job.id, job.model, _status(job))]
    error = job.error if isinstance(job.error, str) else None
    if error:
        lines.append(f"error: {one_line(error)}")
    lines += [f"  {one_line(output.url)}" for output in job.outputs]
    return "\n".join(lines)


@jobs.command("get")
@click.argument("job_id")
@connection_options
def jobs_get(job_id: str) -> int:
    """Show one job: its status, its error if it failed, its result files. Exit 1 if it failed."""
    settings = current_settings()
    job = settings.client().jobs.get(job_id)
    settings.emit(job, _job_text(job))
    return EXIT_JOB_FAILED if job.status in _ENDED_BADLY else EXIT_OK


def _age(created: Any, now: datetime) -> str:
    """How long ago: ``45s``, ``12m``, ``3h``, ``5d``."""
    if not isinstance(created, datetime):
        return "-"
    when = created if created.tzinfo is not None else created.replace(tzinfo=UTC)
    seconds = max(0, int((now - when).total_seconds()))
    for unit, size in (("d", 86_400), ("h", 3_600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


@jobs.command("list")
@click.option(
    "--status",
    type=click.Choice(query_choices("jobs_list", "status"), case_sensitive=False),
    help="Only jobs in this status (any case).",
)
@click.option("--model", help="Only jobs of this model.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True, help="At most this many jobs.")
@connection_options
def jobs_list(status: str | None, model: str | None, limit: int) -> int:
    """List the newest jobs, one line each (--json: the API's fields, createdAt included)."""
    settings = current_settings()
    page = settings.client().jobs.list(status=status, model=model, limit=min(limit, 100))
    rows = []
    for job in page:
        rows.append(job)
        if len(rows) >= limit:
            break
    now = datetime.now(UTC)
    table: list[list[Cell]] = [
        [job.id, job.model, status_text(str(job.status), _status(job)), _age(job.created_at, now)] for job in rows
    ]
    columns = ["id", "model", "status", "age"]
    settings.emit(rows, fit_table(settings.out.width, columns, table, bare=("id", "model", "status")))
    return EXIT_OK


@jobs.command("wait")
@click.argument("job_ids", nargs=-1, required=True)
@wait_timeout_option(900.0, "the jobs")
@connection_options
def jobs_wait(job_ids: Sequence[str], wait_timeout: float) -> int:
    """Wait until jobs end, with progress; print each one's end (and error). Exit 1 if any failed.

    --json prints an array of the jobs, one per JOB_ID.
    """
    settings = current_settings()
    tasks = follow(settings, job_ids, out=None, timeout=wait_timeout)
    code = EXIT_OK
    for task in tasks:
        if task.job is None or task.job.status != "COMPLETED":
            code = EXIT_JOB_FAILED
    settings.emit([task_record(task) for task in tasks], "\n".join(task_line(task) for task in tasks))
    return code


@jobs.command("download")
@click.argument("job_ids", nargs=-1, required=True)
@out_option
@click.option("--overwrite", is_flag=True, help="Replace files already there.")
@click.option("--wait", "wait_first", is_flag=True, help="Wait (with progress) for jobs still running first.")
@wait_timeout_option(900.0, "the jobs (with --wait)")
@connection_options
def jobs_download(job_ids: Sequence[str], out: Path, overwrite: bool, wait_first: bool, wait_timeout: float) -> int:
    """Download the result files of completed jobs (--wait: of running jobs once they end).

    Prints the paths saved; --json prints an array of the jobs, each with its "files".
    """
    settings = current_settings()
    if wait_first and not overwrite:
        tasks = follow(settings, job_ids, out=out, timeout=wait_timeout)
        records = [task_record(task, out) for task in tasks]
        for task in tasks:
            if task.status != "completed":
                settings.say(f"job {task.job_id}: {one_line(task_problem(task) or task.status)}", "red")
        texts = [str(out / name) for task in tasks for name in task.files]
        settings.emit(records, "\n".join(texts))
        return EXIT_OK if all(task.status == "completed" for task in tasks) else EXIT_JOB_FAILED
    client = settings.client()
    code = EXIT_OK
    records, paths = [], []
    for job_id in job_ids:
        try:
            job = client.jobs.wait(job_id, timeout=wait_timeout) if wait_first else client.jobs.get(job_id)
            saved = client.jobs.download(job, out, overwrite=overwrite)
        except (JobFailedError, JobCancelledError) as error:
            settings.say(f"job {job_id}: {one_line(error.job.error or error.job.status)}", "red")
            records.append(jsonable(error.job))
            code = EXIT_JOB_FAILED
            continue
        records.append({**jsonable(job), "files": [str(path) for path in saved]})
        paths += [str(path) for path in saved]
    settings.emit(records, "\n".join(paths))
    return code
