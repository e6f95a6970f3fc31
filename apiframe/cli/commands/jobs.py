"""``apiframe jobs get|list|wait|download``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from ..._errors import JobCancelledError, JobFailedError
from .._common import EXIT_JOB_FAILED, EXIT_OK, connection_options, current_settings, query_choices
from .._display import fit_table
from .._runner import follow

__all__ = ["jobs"]


@click.group()
def jobs() -> None:
    """Look up, list, wait for and download jobs."""


@jobs.command("get")
@click.argument("job_id")
@connection_options
def jobs_get(job_id: str) -> int:
    """Show one job."""
    settings = current_settings()
    job = settings.client().jobs.get(job_id)
    urls = "\n".join(f"  {o.url}" for o in job.outputs)
    settings.emit(job, f"{job.id}  {job.model}  {job.status}  progress {job.progress}\n{urls}".rstrip())
    return EXIT_OK


@jobs.command("list")
@click.option(
    "--status",
    type=click.Choice(query_choices("jobs_list", "status"), case_sensitive=False),
    help="Only jobs in this status (any case).",
)
@click.option("--model", help="Only jobs of this model.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@connection_options
def jobs_list(status: str | None, model: str | None, limit: int) -> int:
    """List the newest jobs."""
    settings = current_settings()
    page = settings.client().jobs.list(status=status, model=model, limit=min(limit, 100))
    rows = []
    for job in page:
        rows.append(job)
        if len(rows) >= limit:
            break
    if settings.json_output:
        settings.emit(rows)
        return EXIT_OK
    table = [
        [job.model, str(job.status), str(job.progress), f"{job.created_at:%Y-%m-%d %H:%M:%S}", job.id] for job in rows
    ]
    settings.out.print(fit_table(settings.out.width, ["model", "status", "progress", "created", "id"], table))
    return EXIT_OK


@jobs.command("wait")
@click.argument("job_ids", nargs=-1, required=True)
@click.option("--timeout", type=float, default=900.0, show_default=True)
@connection_options
def jobs_wait(job_ids: Sequence[str], timeout: float) -> int:
    """Wait until jobs end, with progress; exit 1 if any failed."""
    settings = current_settings()
    tasks = follow(settings, job_ids, out=None, timeout=timeout)
    code = EXIT_OK
    for task in tasks:
        job = task.job
        if job is None or job.status != "COMPLETED":
            code = EXIT_JOB_FAILED
        if job is None:
            settings.console.print(f"[yellow]{task.label}  unfinished: {task.note}", highlight=False)
            continue
        settings.emit(job, f"{job.id}  {job.status}" + (f"  {job.error}" if job.error else ""))
    return code


@jobs.command("download")
@click.argument("job_ids", nargs=-1, required=True)
@click.option("--out", "-o", type=click.Path(path_type=Path), default=Path("."), show_default=True)
@click.option("--overwrite", is_flag=True, help="Replace files already there.")
@click.option("--wait", "wait_first", is_flag=True, help="Wait (with progress) for jobs still running first.")
@click.option("--timeout", type=float, default=900.0, show_default=True, help="Seconds to wait, with --wait.")
@connection_options
def jobs_download(job_ids: Sequence[str], out: Path, overwrite: bool, wait_first: bool, timeout: float) -> int:
    """Download the result files of completed jobs (--wait: of running jobs once they end)."""
    settings = current_settings()
    code = EXIT_OK
    if wait_first and not overwrite:
        for task in follow(settings, job_ids, out=out, timeout=timeout):
            if task.status == "completed":
                done = [str(out / name) for name in task.files]
                settings.emit({"job_id": task.job_id, "files": done}, "\n".join(done))
            else:
                settings.console.print(f"[red]job {task.job_id}: {task.error or task.note or task.status}")
                code = EXIT_JOB_FAILED
        return code
    client = settings.client()
    for job_id in job_ids:
        try:
            if wait_first:
                client.jobs.wait(job_id, timeout=timeout)
            paths = client.jobs.download(job_id, out, overwrite=overwrite)
        except (JobFailedError, JobCancelledError) as error:
            settings.console.print(f"[red]{error}")
            code = EXIT_JOB_FAILED
            continue
        settings.emit({"job_id": job_id, "files": [str(p) for p in paths]}, "\n".join(str(p) for p in paths))
    return code
