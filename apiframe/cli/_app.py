"""The ``apiframe`` command: the top-level group and every command group registered on it.

Exit codes: 0 ok, 1 a job failed (or the API refused), 2 usage error. Each command group lives in
its own module under ``commands/``; this module only assembles them (nothing imports it back).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from .._errors import ApiframeError, ConfigurationError, InvalidRequestError
from .._version import __version__
from ._common import EXIT_JOB_FAILED, EXIT_OK, EXIT_USAGE
from ._context import Settings
from ._messages import shell_message
from .commands import account, assets, batch, generate, jobs, loras, mcp, models, sandbox, upload, webhooks

__all__ = ["cli", "run"]


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


for command in (
    generate.generate,
    *generate.job_groups(),
    batch.batch,
    jobs.jobs,
    upload.upload,
    loras.loras,
    assets.assets,
    models.models,
    account.me,
    webhooks.webhooks,
    sandbox.sandbox,
    mcp.mcp,
):
    cli.add_command(command)


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status instead of exiting."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        cli.main(args=args, prog_name="apiframe")
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else (EXIT_OK if stop.code is None else EXIT_JOB_FAILED)
    return EXIT_OK
