"""The ``apiframe`` command: click commands over the SDK. Exit codes: 0 ok, 1 a job failed, 2 usage."""

from __future__ import annotations

import asyncio
import json
import shlex
import sys
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from .._errors import ApiframeError, ConfigurationError, InvalidRequestError, JobCancelledError, JobFailedError
from .._schema import operation, resolve
from .._version import __version__
from ..webhooks import verify_webhook
from ._batch import file_location, load_summary, open_out, prepare, status_rows, summary_json
from ._context import Settings
from ._display import Display, fit_table, summary_table
from ._messages import shell_message
from ._models import describe_model
from ._requests import (
    GenerationRequest,
    build_request,
    describe,
    field_options,
    generate_operation,
    has_params_block,
    job_operations,
    modalities,
    parse_assignments,
)
from ._runner import Saver, Task, run_tasks

__all__ = ["cli", "run"]

F = TypeVar("F", bound=Callable[..., Any])
EXIT_OK, EXIT_JOB_FAILED, EXIT_USAGE = 0, 1, 2


def _settings() -> Settings:
    ctx = click.get_current_context()
    settings: Settings = ctx.find_object(Settings) or _fail("internal: no settings")
    settings.command = ctx.command
    return settings


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
        except ApiframeError as error:
            settings = ctx.find_object(Settings)
            command, url = (settings.command, settings.resolved_url) if settings is not None else (None, None)
            click.echo(f"error: {shell_message(error, command, url)}", err=True)
            usage = isinstance(error, InvalidRequestError | ConfigurationError)
            raise click.exceptions.Exit(EXIT_USAGE if usage else EXIT_JOB_FAILED) from None
        except KeyboardInterrupt as error:
            click.echo("interrupted", err=True)
            raise click.exceptions.Exit(130) from error
        if isinstance(status, int) and status != EXIT_OK:
            raise click.exceptions.Exit(status)
        return status


@click.group(cls=_Command, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--api-key", metavar="KEY", help="API key (default: APIFRAME_API_KEY).")
@click.option("--base-url", metavar="URL", help="API base URL (default: APIFRAME_BASE_URL, else production).")
@click.option(
    "--sandbox",
    is_flag=True,
    help="Run against an in-process local sandbox: no key, no credits. Its jobs are kept in"
    " ./.apiframe-sandbox (batch: in --out), so later --sandbox commands run from here see them.",
)
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
    apiframe models show flux-1.1-pro          # a model's parameters, for --param KEY=VALUE
    apiframe images upscale -m topaz-image-upscale --param image=URL
    apiframe batch requests.jsonl --out results --concurrency 8
    """
    ctx.obj = Settings(api_key, base_url, sandbox, sandbox_job_seconds, json_output)


def _query_choices(operation_id: str, name: str) -> list[str]:
    """The values the spec allows for a query parameter (``jobs list --status``)."""
    return [str(v) for v in operation(operation_id).query[name].get("schema", {}).get("enum", [])]


# -- generate -----------------------------------------------------------------------------------


_JOB_OPTIONS = [
    click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A model parameter; repeatable."),
    click.option("--params-json", metavar="JSON", help="Model parameters as one JSON object."),
]
_RUN_OPTIONS = [
    click.option("--webhook-url", metavar="URL", help="Also deliver job events to this URL."),
    click.option("--no-wait", is_flag=True, help="Print the job id and return at once."),
    click.option("--out", "-o", type=click.Path(path_type=Path), default=Path("."), show_default=True),
    click.option("--timeout", type=float, default=900.0, show_default=True, help="Seconds to wait for the job."),
]


def _options(options: Sequence[Callable[[F], F]]) -> Callable[[F], F]:
    def decorate(command: F) -> F:
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


def _params_block(params: Sequence[str], params_json: str | None) -> tuple[dict[str, Any], dict[str, str]]:
    block: dict[str, Any] = {}
    if params_json:
        try:
            block = json.loads(params_json)
        except ValueError as error:
            raise InvalidRequestError(f"--params-json is not JSON: {error}", field="params_json") from error
        if not isinstance(block, dict):
            raise InvalidRequestError("--params-json must be a JSON object", field="params_json")
    return block, parse_assignments(params)


@cli.command()
@click.argument("modality", type=click.Choice(modalities()))
@click.option("--model", "-m", required=True, help="Model id (`apiframe models` lists them).")
@click.option("--prompt", "-p", help="The prompt.")
@_options(_JOB_OPTIONS + _RUN_OPTIONS)
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
    """Submit a generation, show its progress, download the results into --out.

    `apiframe models show MODEL` lists a model's parameters (--param KEY=VALUE).
    """
    block, text = _params_block(params, params_json)
    request = build_request(
        generate_operation(modality), model, prompt=prompt, params=block, text_params=text, webhook_url=webhook_url
    )
    return run_job(_settings(), request, no_wait=no_wait, out=out, timeout=timeout)


_RESERVED = {"params", "params_json", "webhook_url", "no_wait", "out", "timeout", "model"}


def _job_command(operation_id: str) -> click.Command:
    """The command for one job operation of the spec, with an option per top-level field."""
    op = job_operations()[operation_id]
    discriminator = str(op.discriminator)
    choices = sorted(op.variants)
    fields = {name: spec for name, spec in field_options(operation_id).items() if name not in _RESERVED}
    options: list[Callable[[Any], Any]] = []
    if discriminator == "model":
        only = choices[0] if len(choices) == 1 else None
        options.append(
            click.option("--model", "-m", default=only, required=only is None, help=f"One of: {', '.join(choices)}.")
        )
    else:
        options.append(click.argument(discriminator, type=click.Choice(choices)))
    for name, (schema, users) in fields.items():
        kind, allowed = describe(schema)
        text = kind + (f", one of {', '.join(map(str, dict.fromkeys(allowed)))}" if allowed else "")
        if len(users) < len(choices):
            text += f" (for {', '.join(users)})"
        flags = ["--" + name.replace("_", "-")] + (["-p"] if name == "prompt" else [])
        options.append(
            click.option(*flags, name, metavar=kind.split("|")[0].replace("string", "text").upper(), help=text + ".")
        )
    if has_params_block(operation_id):
        options += _JOB_OPTIONS
    options += _RUN_OPTIONS

    def run(**values: Any) -> int:
        choice = str(values.pop(discriminator))
        block, text_params = _params_block(values.pop("params", ()), values.pop("params_json", None))
        prompt = values.pop("prompt", None)
        request = build_request(
            operation_id,
            choice,
            prompt=prompt,
            params=block,
            text_params=text_params,
            text_fields={name: values[name] for name in fields if name != "prompt" and values.get(name) is not None},
            webhook_url=values["webhook_url"],
        )
        return run_job(_settings(), request, no_wait=values["no_wait"], out=values["out"], timeout=values["timeout"])

    name = operation_id.partition("_")[2].replace("_", "-")
    run.__doc__ = (
        f"Submit a job: {name.replace('-', ' ')} ({len(choices)} {discriminator}{'s' if len(choices) > 1 else ''}); "
        "show its progress, download the results into --out."
    )
    if discriminator == "model":
        run.__doc__ += "\n\n`apiframe models show MODEL` lists a model's parameters."
    return click.command(name)(connection_options(_options(options)(run)))


def _register_job_commands() -> None:
    """``apiframe images upscale``, ``apiframe music suno-action``...: one per job operation."""
    groups: dict[str, click.Group] = {}
    for operation_id in job_operations():
        prefix = operation_id.partition("_")[0]
        if prefix not in groups:
            group = click.Group(prefix, help=f"Submit {prefix} jobs: every operation the API has for {prefix}.")
            groups[prefix] = group
            cli.add_command(group)
        groups[prefix].add_command(_job_command(operation_id))


_register_job_commands()


def run_job(settings: Settings, request: GenerationRequest, *, no_wait: bool, out: Path, timeout: float) -> int:
    """Submit one checked request; unless ``no_wait``, show its progress and download its files."""
    if no_wait:
        accepted = request.submitter(settings.client())(**request.kwargs)
        settings.emit({"job_id": accepted.job_id, "status": accepted.status}, accepted.job_id)
        return EXIT_OK
    task = Task(1, request, key=str(uuid.uuid4()))
    try:
        _run(settings, [task], out, concurrency=1, timeout=timeout, on_change=lambda t: None)
    except KeyboardInterrupt:
        if task.job_id is None:
            raise
        settings.console.print(
            f"interrupted: job {task.job_id} keeps running. Resume waiting and downloading with:\n"
            f"  {resume_command(settings, task.job_id, out)}",
            highlight=False,
            soft_wrap=True,
        )
        raise click.exceptions.Exit(130) from None  # said once, here: not again as a bare "interrupted"
    if task.status == "completed":
        paths = [str(out / name) for name in task.files]
        settings.emit({"job_id": task.job_id, "status": "COMPLETED", "files": paths}, "\n".join(paths))
        return EXIT_OK
    message = task.error or task.note or task.status
    settings.console.print(f"[red]job {task.job_id or '-'} did not complete: {message}")
    if settings.json_output:
        settings.emit({"job_id": task.job_id, "status": task.status.upper(), "error": message})
    return EXIT_JOB_FAILED


def resume_command(settings: Settings, job_id: str, out: Path) -> str:
    """The command that carries on waiting for ``job_id`` and downloads its files into ``out``."""
    words = ["apiframe"]
    if settings.sandbox:
        words += ["--sandbox", "--sandbox-job-seconds", f"{settings.sandbox_job_seconds:g}"]
    elif settings.base_url:
        words += ["--base-url", settings.base_url]
    words += ["jobs", "download", job_id, "--wait", "--out", str(out)]
    return shlex.join(words)


def _run(
    settings: Settings,
    tasks: list[Task],
    out: Path | Saver,
    *,
    concurrency: int,
    timeout: float | None,
    on_change: Callable[[Task], Any],
) -> None:
    client = settings.async_client()
    display = Display(settings.console, tasks, enabled=not settings.json_output)

    async def changed(task: Task) -> None:
        result = on_change(task)
        if asyncio.iscoroutine(result):
            await result
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


class _BatchGroup(click.Group):
    """``apiframe batch FILE ...`` runs a batch (``batch run``); ``batch status OUT`` summarises one."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@cli.group(cls=_BatchGroup)
def batch() -> None:
    """Run a JSONL file of jobs, resumable and shardable (apiframe batch FILE --out OUT).

    apiframe batch status OUT summarises every shard of a batch from its store.
    """


@batch.command("run")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--out", "-o", required=True, help="Results and state go here: a folder or a URL (s3://bucket/run).")
@click.option("--shard", help="Run only shard K of N (K/N, 1 <= K <= N); each shard is resumable on its own.")
@click.option("--concurrency", "-c", type=click.IntRange(1, 256), default=4, show_default=True)
@click.option("--timeout", type=float, default=3600.0, show_default=True, help="Seconds to wait for each job.")
@click.option("--retry-failed", is_flag=True, help="Submit the lines that failed again (a new job each).")
@connection_options
def batch_run(file: Path, out: str, shard: str | None, concurrency: int, timeout: float, retry_failed: bool) -> int:
    """Run one job per JSONL line ({"model", "prompt", "params"}); resumable.

    A line may name any job operation: {"operation": "images_upscale", "model": ..., "params": ...},
    {"operation": "images_midjourney_action", "action": "upsample", "parent_job_id": ..., "index": 2}.
    Progress is kept beside the results in OUT/state/ (one record per step of a line): run the
    same command again after an interruption, on any machine that reaches OUT, and it carries
    on where it stopped, submitting nothing twice (keys are derived from OUT and the line).
    """
    settings = _settings()
    store = open_out(out)
    from ..batch._store import LocalStore

    if isinstance(store, LocalStore):
        settings.home = store.root
    run = prepare(file, store, shard, retry_failed=retry_failed)
    for problem in run.damaged:
        settings.console.print(
            f"[yellow]{problem}: ignored; that line is planned again", highlight=False, soft_wrap=True
        )
    tasks = run.tasks
    try:
        if not settings.json_output and run.shard.count > 1:
            settings.console.print(f"[dim]shard {run.shard}: {len(tasks)} of the file's lines", highlight=False)
        todo = [task for task in tasks if not task.done]
        if not settings.json_output and len(todo) < len(tasks):
            settings.console.print(f"[dim]resuming: {len(tasks) - len(todo)} of {len(tasks)} lines already finished")
        asyncio.run(run.start())
        _run(settings, tasks, _batch_saver(run), concurrency=concurrency, timeout=timeout, on_change=run.record)
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
                "lines": [
                    {
                        "line": t.line,
                        "model": t.model,
                        "job_id": t.job_id,
                        "status": t.status,
                        "files": [file_location(store, name) for name in t.files],
                        "error": t.error or t.note,
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
        if unfinished:
            settings.console.print(f"[yellow]{unfinished} line(s) unfinished: run the same command again to resume")
    return EXIT_OK if counts["completed"] == len(tasks) else EXIT_JOB_FAILED


def _batch_saver(run: Any) -> Saver:
    """The engine's saver, reporting each chunk as the display's download step."""
    from .._download import DownloadProgress

    async def save(client: Any, job: Any, progress: Callable[[Any], None]) -> list[str]:
        def shown(step: Any) -> None:
            progress(DownloadProgress(step.job_id, Path(step.name), step.received, step.total, step.index, step.count))

        names: list[str] = await run.save(client, job, shown)
        return names

    return save


@batch.command("status")
@click.argument("out")
@click.option("--shards", type=click.IntRange(1, 1_000_000), help="N of K/N, when OUT holds runs of several N.")
@click.option("--json", is_flag=True, expose_value=False, callback=_set("json_output"), help="JSON output.")
def batch_status(out: str, shards: int | None) -> int:
    """Summarise every shard of the batch in OUT (a folder or a URL): done, failed, running, pending."""
    settings = _settings()
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
        for failure in summary.failures[:20]:
            settings.out.print(
                f"line {failure.line} (shard {failure.shard}) failed: {failure.error}", highlight=False, markup=False
            )
        for damaged in summary.damaged[:20]:
            settings.console.print(f"[yellow]{damaged.name}: {damaged.reason}", highlight=False, soft_wrap=True)
    return EXIT_OK if summary.failed == 0 else EXIT_JOB_FAILED


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
@click.option(
    "--status",
    type=click.Choice(_query_choices("jobs_list", "status"), case_sensitive=False),
    help="Only jobs in this status (any case).",
)
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
    settings = _settings()
    tasks = _follow(settings, job_ids, out=None, timeout=timeout)
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


def _follow(settings: Settings, job_ids: Sequence[str], *, out: Path | None, timeout: float) -> list[Task]:
    """Wait for jobs submitted earlier (and download them into ``out``), with the live display."""
    tasks = [
        Task(n, None, key="", job_id=job_id, status="submitted", label=job_id, download=out is not None)
        for n, job_id in enumerate(dict.fromkeys(job_ids), 1)
    ]
    # All at once (the SDK shares list pages between concurrent waits), so --timeout holds for every job.
    _run(settings, tasks, out or Path("."), concurrency=len(tasks), timeout=timeout, on_change=lambda t: None)
    return tasks


@jobs.command("download")
@click.argument("job_ids", nargs=-1, required=True)
@click.option("--out", "-o", type=click.Path(path_type=Path), default=Path("."), show_default=True)
@click.option("--overwrite", is_flag=True, help="Replace files already there.")
@click.option("--wait", "wait_first", is_flag=True, help="Wait (with progress) for jobs still running first.")
@click.option("--timeout", type=float, default=900.0, show_default=True, help="Seconds to wait, with --wait.")
@connection_options
def jobs_download(job_ids: Sequence[str], out: Path, overwrite: bool, wait_first: bool, timeout: float) -> int:
    """Download the result files of completed jobs (--wait: of running jobs once they end)."""
    settings = _settings()
    code = EXIT_OK
    if wait_first and not overwrite:
        for task in _follow(settings, job_ids, out=out, timeout=timeout):
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


# -- the other resources ------------------------------------------------------------------------


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
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
    settings = _settings()
    lora = settings.client().loras.get(lora_id)
    settings.emit(lora, f"{lora.id}  {lora.name}  {lora.status}  ready={lora.is_ready}")
    return EXIT_OK


@cli.group()
def assets() -> None:
    """Register a file at a URL as an asset, and look assets up."""


def _body_choices(operation_id: str, name: str) -> list[str]:
    """The values the spec allows for a body property (``assets create --type``)."""
    body = operation(operation_id).body_schema or {}
    return [str(v) for v in resolve(body).get("properties", {}).get(name, {}).get("enum", [])]


@assets.command("create")
@click.option("--url", required=True, help="Public URL of the file.")
@click.option("--type", "type_", required=True, type=click.Choice(_body_choices("assets_create", "type")))
@connection_options
def assets_create(url: str, type_: str) -> int:
    """Create an asset from a URL; prints its id."""
    settings = _settings()
    created = settings.client().assets.create(url=url, type=type_)  # type: ignore[arg-type]
    settings.emit(created, created.asset_id)
    return EXIT_OK


@assets.command("get")
@click.argument("asset_id")
@connection_options
def assets_get(asset_id: str) -> int:
    """Show one asset."""
    settings = _settings()
    settings.emit(settings.client().assets.get(asset_id))
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


@cli.group(invoke_without_command=True)
@click.option("--modality", type=click.Choice(modalities()), help="Only models of this modality.")
@connection_options
@click.pass_context
def models(ctx: click.Context, modality: str | None) -> int:
    """List the models and what they generate; `models show MODEL` lists a model's parameters."""
    if ctx.invoked_subcommand is not None:
        return EXIT_OK
    settings = _settings()
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
    settings = _settings()
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


@cli.command()
@connection_options
def me() -> int:
    """Show the account: user, team and credits."""
    settings = _settings()
    account = settings.client().me()
    team = account.team
    credits = f"  credits {team.credits}" if team is not None else ""
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


from . import _listen  # noqa: E402, F401  (registers `apiframe webhooks listen`)


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
    return sandbox_main(list(args), prog="apiframe sandbox")


# -- entry point --------------------------------------------------------------------------------


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status instead of exiting."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        cli.main(args=args, prog_name="apiframe")
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else (EXIT_OK if stop.code is None else EXIT_JOB_FAILED)
    return EXIT_OK
