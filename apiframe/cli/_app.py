"""The ``apiframe`` command: the top-level group and every command group registered on it.

Exit codes: 0 ok, 1 a job failed (or the API refused), 2 usage error. Each command group lives in
its own module under ``commands/``; this module only assembles them (nothing imports it back).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from typing import Any

import click

from .._client import HttpBackend
from .._errors import ApiframeError, ConfigurationError, InvalidRequestError
from .._version import __version__
from ._common import EXIT_JOB_FAILED, EXIT_OK, EXIT_USAGE, global_options, options
from ._context import Output, Settings
from ._messages import shell_message
from ._terminal import write
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
            write(f"error: {shell_message(error, command, url)}", err=True)
            usage = isinstance(error, InvalidRequestError | ConfigurationError)
            raise click.exceptions.Exit(EXIT_USAGE if usage else EXIT_JOB_FAILED) from None
        except KeyboardInterrupt as error:
            write("interrupted", err=True)
            raise click.exceptions.Exit(130) from error
        if isinstance(status, int) and status != EXIT_OK:
            raise click.exceptions.Exit(status)
        return status

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> int:
        """Run, printing click's own usage errors through the terminal guard too; the exit status."""
        try:
            result = super().main(args, prog_name, standalone_mode=False, **extra)
            code = result if isinstance(result, int) else EXIT_OK
        except click.ClickException as error:
            stream = io.StringIO()
            error.show(file=stream)
            write(stream.getvalue().rstrip("\n"), err=True)
            code = error.exit_code
        except click.Abort:
            write("interrupted", err=True)
            code = 130
        if standalone_mode:
            sys.exit(code)
        return code


@click.group(
    "apiframe", cls=_Command, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@options(global_options(after_command=False))
@click.option(
    "--sandbox-job-seconds",
    type=click.FloatRange(min=0),
    default=3.0,
    show_default=True,
    metavar="SECONDS",
    help="With --sandbox: how long each sandbox job runs.",
)
@click.version_option(__version__, prog_name="apiframe")
@click.pass_context
def cli(
    ctx: click.Context,
    api_key: str | None,
    base_url: str | None,
    sandbox: bool,
    json_output: bool,
    jsonl_output: bool,
    timeout: float | None,
    max_retries: int | None,
    http_backend: HttpBackend | None,
    sandbox_job_seconds: float,
) -> None:
    """Generate images, video and music with Apiframe, and get the files.

    \b
    apiframe --sandbox generate image --model flux-1.1-pro --prompt "a lighthouse" --out results
    apiframe models show flux-1.1-pro          # a model's parameters, for --param KEY=VALUE
    apiframe images upscale -m topaz-image-upscale --param image=URL
    apiframe batch requests.jsonl --out results --concurrency 8

    Output: text for people; --json prints one JSON document (an array for several items) and
    --jsonl one document a line, with the API's field names. Exit status: 0 done, 1 a job failed
    or the API refused, 2 usage error, 130 interrupted.
    """
    output: Output = "jsonl" if jsonl_output else "json" if json_output else "text"
    ctx.obj = Settings(
        api_key,
        base_url,
        sandbox,
        sandbox_job_seconds,
        output=output,
        timeout=timeout,
        max_retries=max_retries,
        http_backend=http_backend,
    )


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
    return cli.main(args=args, prog_name="apiframe", standalone_mode=False)
