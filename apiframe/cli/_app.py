"""The ``apiframe`` command: click commands over the SDK. Exit codes: 0 ok, 1 a job failed, 2 usage."""

from __future__ import annotations

import asyncio
import json
import sys
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.table import Table

from .._errors import ApiframeError, ConfigurationError, InvalidRequestError, JobCancelledError, JobFailedError
from .._version import __version__
from ..webhooks import verify_webhook
from ._batch import MANIFEST_NAME, Manifest, plan_tasks, read_batch
from ._context import Settings
from ._display import Display, summary_table
from ._requests import MODALITIES, build_request, generate_operation, parse_assignments
from ._runner import Task, run_tasks

__all__ = ["cli", "run"]

F = TypeVar("F", bound=Callable[..., Any])
EXIT_OK, EXIT_JOB_FAILED, EXIT_USAGE = 0, 1, 2


def _settings() -> Settings:
    return click.get_current_context().find_object(Settings) or _fail("internal: no settings")


def _fail(message: str) -> Any:
    raise click.UsageError(message)


def _set(name: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    def store(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        settings = ctx.find_object(Settings)
        if settings is not None and value not in (None, False):
            setattr(settings, name, value)

    return store


def connection_options(command: F) -> F:
    """``--api-key``, ``--base-url``, ``--sandbox`` and ``--json`` after the command name too."""
    options = [
        click.option(
            "--api-key", expose_value=False, callback=_set("api_key"), help="API key (default: APIFRAME_API_KEY)."
        ),
        click.option("--base-url", expose_value=False, callback=_set("base_url"), help="API base URL."),
        click.option(
            "--sandbox", is_flag=True, expose_value=False, callback=_set("sandbox"), help="Use a local sandbox."
        ),
        click.option("--json", is_flag=True, expose_value=False, callback=_set("json_output"), help="JSON output."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


class _Command(click.Group):
    """The top-level group: a command's returned status becomes the exit status, SDK errors too."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            status = super().invoke(ctx)
        except (InvalidRequestError, ConfigurationError) as error:
            click.echo(f"error: {error}", err=True)
            raise click.exceptions.Exit(EXIT_USAGE) from error
        except ApiframeError as error:
            click.echo(f"error: {error}", err=True)
            raise click.exceptions.Exit(EXIT_JOB_FAILED) from error
        except KeyboardInterrupt as error:
            click.echo("interrupted", err=True)
            raise click.exceptions.Exit(130) from error
        if isinstance(status, int) and status != EXIT_OK:
            raise click.exceptions.Exit(status)
        return status


@click.group(cls=_Command, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--api-key", metavar="KEY", help="API key (default: APIFRAME_API_KEY).")
@click.option("--base-url", metavar="URL", help="API base URL (default: APIFRAME_BASE_URL, else production).")
@click.option("--sandbox", is_flag=True, help="Run against an in-process local sandbox: no key, no credits.")
@click.option("--sandbox-job-seconds", type=float, default=3.0, show_default=True, help="Sandbox job duration.")
@click.option("--json", "json_output", is_flag=True, help="Machine-readable JSON on stdout.")
@click.version_option(__version__, prog_name="apiframe")
@click.pass_context
def cli(
    ctx: click.Context,
    api_key: str | None,
    base_url: str | None,
    sandbox: bool,
    sandbox_job_seconds: float,
    json_output: bool,
) -> None:
    """Generate images, video and music with Apiframe, and get the files.

    \b
    apiframe --sandbox generate image --model flux-1.1-pro --prompt "a lighthouse" --out results
    apiframe batch requests.jsonl --out results --concurrency 8
    """
    ctx.obj = Settings(api_key, base_url, sandbox, sandbox_job_seconds, json_output)


# -- generate -----------------------------------------------------------------------------------


@cli.command()
@click.argument("modality", type=click.Choice(MODALITIES))
@click.option("--model", "-m", required=True, help="Model id (`apiframe models` lists them).")
@click.option("--prompt", "-p", help="The prompt.")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A model parameter; repeatable.")
@click.option("--params-json", metavar="JSON", help="Model parameters as one JSON object.")
@click.option("--webhook-url", metavar="URL", help="Also deliver job events to this URL.")
@click.option("--no-wait", is_flag=True, help="Print the job id and return at once.")
@click.option("--out", "-o", type=click.Path(path_type=Path), default=Path("."), show_default=True)
@click.option("--timeout", type=float, default=900.0, show_default=True, help="Seconds to wait for the job.")
@connection_options
def generate(
    modality: str,
    model: str,
    prompt: str | None,
    params: Sequence[str],
    params_json: str | None,
    webhook_url: str | None,
    no_wait: bool,
    out: Path,
    timeout: float,
) -> int:
    """Submit a generation, show its progress, download the results into --out."""
    settings = _settings()
    block: dict[str, Any] = {}
    if params_json:
        try:
            block = json.loads(params_json)
        except ValueError as error:
            raise InvalidRequestError(f"--params-json is not JSON: {error}", field="params_json") from error
        if not isinstance(block, dict):
            raise InvalidRequestError("--params-json must be a JSON object", field="params_json")
    request = build_request(
        generate_operation(modality),
        model,
        prompt=prompt,
        params=block,
        text_params=parse_assignments(params),
        webhook_url=webhook_url,
    )
    if no_wait:
        accepted = request.submitter(settings.client())(**request.kwargs)
        settings.emit({"job_id": accepted.job_id, "status": accepted.status}, accepted.job_id)
        return EXIT_OK
    task = Task(1, request, key=str(uuid.uuid4()))
    _run(settings, [task], out, concurrency=1, timeout=timeout, on_change=lambda t: None)
    if task.status == "completed":
        paths = [str(out / name) for name in task.files]
        settings.emit({"job_id": task.job_id, "status": "COMPLETED", "files": paths}, "\n".join(paths))
        return EXIT_OK
    message = task.error or task.note or task.status
    settings.console.print(f"[red]job {task.job_id or '-'} did not complete: {message}")
    if settings.json_output:
        settings.emit({"job_id": task.job_id, "status": task.status.upper(), "error": message})
    return EXIT_JOB_FAILED


def _run(
    settings: Settings,
    tasks: list[Task],
    out: Path,
    *,
    concurrency: int,
    timeout: float | None,
    on_change: Callable[[Task], None],
) -> None:
    client = settings.async_client()
    display = Display(settings.console, tasks, enabled=not settings.json_output)

    def changed(task: Task) -> None:
        on_change(task)
        display.changed(task)

    async def main() -> None:
        async with client:
            await run_tasks(
                client,
                tasks,
                out,
                concurrency=concurrency,
                on_change=changed,
                on_progress=display.progressed,
                wait_timeout=timeout,
            )

    with display:
        asyncio.run(main())


# -- batch --------------------------------------------------------------------------------------


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(path_type=Path), required=True, help="Results and manifest go here.")
@click.option("--concurrency", "-c", type=click.IntRange(1, 256), default=4, show_default=True)
@click.option("--timeout", type=float, default=3600.0, show_default=True, help="Seconds to wait for each job.")
@connection_options
def batch(file: Path, out: Path, concurrency: int, timeout: float) -> int:
    """Run one generation per JSONL line ({"model", "prompt", "params"}); resumable.

    Progress is kept in OUT/manifest.jsonl: run the same command again after an interruption
    and it carries on where it stopped, submitting nothing twice.
    """
    settings = _settings()
    lines = read_batch(file)
    if out.exists() and not out.is_dir():
        raise InvalidRequestError(f"--out {out} is a file; pass a directory", field="out")
    manifest = Manifest(out / MANIFEST_NAME)
    tasks, fresh = plan_tasks(lines, manifest)
    digests = {line.number: line.digest for line in lines}
    try:
        manifest.lock()
        manifest.write(fresh, digests)  # every key is on disk before any request is sent
        todo = [task for task in tasks if not task.done]
        if not settings.json_output and len(todo) < len(tasks):
            settings.console.print(f"[dim]resuming: {len(tasks) - len(todo)} of {len(tasks)} lines already finished")
        _run(
            settings,
            tasks,
            out,
            concurrency=concurrency,
            timeout=timeout,
            on_change=lambda task: manifest.write([task], digests),
        )
    finally:
        manifest.close()
    counts = {state: sum(task.status == state for task in tasks) for state in ("completed", "failed")}
    unfinished = len(tasks) - counts["completed"] - counts["failed"]
    if settings.json_output:
        settings.emit(
            {
                "total": len(tasks),
                **counts,
                "unfinished": unfinished,
                "manifest": str(manifest.path),
                "lines": [
                    {
                        "line": t.line,
                        "model": t.request.model,
                        "job_id": t.job_id,
                        "status": t.status,
                        "files": [str(out / name) for name in t.files],
                        "error": t.error or t.note,
                    }
                    for t in tasks
                ],
            }
        )
    else:
        title = f"{file.name}: {counts['completed']}/{len(tasks)} completed"
        caption = f"files in {out}/ (full job ids: --json, or the manifest {manifest.path})"
        settings.out.print(summary_table(tasks, title=title, caption=caption))
        if unfinished:
            settings.console.print(f"[yellow]{unfinished} line(s) unfinished: run the same command again to resume")
    return EXIT_OK if counts["completed"] == len(tasks) else EXIT_JOB_FAILED


# -- jobs ---------------------------------------------------------------------------------------


@cli.group()
def jobs() -> None:
    """Look up, list, wait for and download jobs."""


@jobs.command("get")
@click.argument("job_id")
@connection_options
def jobs_get(job_id: str) -> int:
    """Show one job."""
    settings = _settings()
    job = settings.client().jobs.get(job_id)
    urls = "\n".join(f"  {o.url}" for o in job.outputs)
    settings.emit(job, f"{job.id}  {job.model}  {job.status}  progress {job.progress}\n{urls}".rstrip())
    return EXIT_OK


@jobs.command("list")
@click.option("--status", help="Only jobs in this status.")
@click.option("--model", help="Only jobs of this model.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@connection_options
def jobs_list(status: str | None, model: str | None, limit: int) -> int:
    """List the newest jobs."""
    settings = _settings()
    page = settings.client().jobs.list(status=status, model=model, limit=min(limit, 100))
    rows = []
    for job in page:
        rows.append(job)
        if len(rows) >= limit:
            break
    table = Table("model", "status", "progress", "created")
    table.add_column("id", no_wrap=True)
    for job in rows:
        table.add_row(job.model, str(job.status), str(job.progress), f"{job.created_at:%Y-%m-%d %H:%M:%S}", job.id)
    if settings.json_output:
        settings.emit(rows)
    else:
        settings.out.print(table)
    return EXIT_OK


@jobs.command("wait")
@click.argument("job_ids", nargs=-1, required=True)
@click.option("--timeout", type=float, default=900.0, show_default=True)
@connection_options
def jobs_wait(job_ids: Sequence[str], timeout: float) -> int:
    """Wait until jobs end; exit 1 if any failed."""
    settings = _settings()
    client = settings.client()
    code = EXIT_OK
    for job in client.jobs.wait_many(list(job_ids), timeout=timeout):
        if job.status != "COMPLETED":
            code = EXIT_JOB_FAILED
        settings.emit(job, f"{job.id}  {job.status}" + (f"  {job.error}" if job.error else ""))
    return code


@jobs.command("download")
@click.argument("job_ids", nargs=-1, required=True)
@click.option("--out", "-o", type=click.Path(path_type=Path), default=Path("."), show_default=True)
@click.option("--overwrite", is_flag=True, help="Replace files already there.")
@connection_options
def jobs_download(job_ids: Sequence[str], out: Path, overwrite: bool) -> int:
    """Download the result files of completed jobs."""
    settings = _settings()
    client = settings.client()
    code = EXIT_OK
    for job_id in job_ids:
        try:
            paths = client.jobs.download(job_id, out, overwrite=overwrite)
        except (JobFailedError, JobCancelledError) as error:
            settings.console.print(f"[red]{error}")
            code = EXIT_JOB_FAILED
            continue
        settings.emit({"job_id": job_id, "files": [str(p) for p in paths]}, "\n".join(str(p) for p in paths))
    return code


# -- the other resources ------------------------------------------------------------------------


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@connection_options
def upload(file: Path) -> int:
    """Upload a file; prints its URL to pass to a model."""
    settings = _settings()
    result = settings.client().uploads.create(file)
    settings.emit(result, result.url)
    return EXIT_OK


@cli.group()
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
    settings = _settings()
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
    settings = _settings()
    page = settings.client().loras.list(limit=limit)
    table = Table("name", "status", "images", "trigger word")
    table.add_column("id", no_wrap=True)
    items = list(page.items)
    for lora in items:
        table.add_row(lora.name, str(lora.status), str(lora.image_count), lora.trigger_word or "", lora.id)
    if settings.json_output:
        settings.emit(items)
    else:
        settings.out.print(table)
    return EXIT_OK


@loras.command("get")
@click.argument("lora_id")
@connection_options
def loras_get(lora_id: str) -> int:
    """Show one LoRA."""
    settings = _settings()
    lora = settings.client().loras.get(lora_id)
    settings.emit(lora, f"{lora.id}  {lora.name}  {lora.status}  ready={lora.is_ready}")
    return EXIT_OK


@loras.command("delete")
@click.argument("lora_id")
@connection_options
def loras_delete(lora_id: str) -> int:
    """Delete a LoRA."""
    settings = _settings()
    settings.client().loras.delete(lora_id)
    settings.emit({"deleted": lora_id}, f"deleted {lora_id}")
    return EXIT_OK


@cli.command()
@click.option("--modality", type=click.Choice(MODALITIES), help="Only models of this modality.")
@connection_options
def models(modality: str | None) -> int:
    """List the models and what they generate."""
    settings = _settings()
    catalog = settings.client().models.list(modality=modality)  # type: ignore[arg-type]
    entries = list(catalog.models)
    if settings.json_output:
        settings.emit(entries)
        return EXIT_OK
    table = Table("model", "modality", "label")
    for entry in entries:
        table.add_row(entry.id, str(entry.modality), entry.label)
    settings.out.print(table)
    return EXIT_OK


@cli.command()
@connection_options
def me() -> int:
    """Show the account: user, team and credits."""
    settings = _settings()
    account = settings.client().me()
    team = account.team
    credits = f"  credits {team.credits_}" if team is not None else ""
    settings.emit(account, f"{account.user.email} ({account.user.role}){credits}")
    return EXIT_OK


@cli.group()
def webhooks() -> None:
    """Check webhook deliveries."""


@webhooks.command("verify")
@click.option("--signature", "-s", required=True, help="The X-Webhook-Signature header value.")
@click.argument("file", required=False, type=click.File("rb"), default="-")
@connection_options
def webhooks_verify(signature: str, file: Any) -> int:
    """Check a delivery's raw body (FILE, or stdin) against its signature; exit 1 if it does not match."""
    settings = _settings()
    key, _ = settings.endpoint()
    body = file.read()
    if verify_webhook(api_key=key, body=body, signature=signature):
        settings.emit({"valid": True}, "valid: the signature matches this body and key")
        return EXIT_OK
    settings.emit({"valid": False}, "INVALID: the signature does not match this body and key")
    return EXIT_JOB_FAILED


@cli.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True, "help_option_names": []})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def sandbox(args: Sequence[str]) -> int:
    """Run the local Apiframe sandbox server (`apiframe sandbox --help`)."""
    try:
        from ..testing.cli import main as sandbox_main
    except ImportError as error:
        raise click.UsageError(
            f'apiframe sandbox needs the sandbox extra: pip install "apiframe-sdk[sandbox]>=2.0.0a1" ({error})'
        ) from error
    return sandbox_main(list(args))


# -- entry point --------------------------------------------------------------------------------


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status instead of exiting."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        cli.main(args=args, prog_name="apiframe")
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else (EXIT_OK if stop.code is None else EXIT_JOB_FAILED)
    return EXIT_OK
