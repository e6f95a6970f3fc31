"""``apiframe generate MODALITY`` and one command per job operation of the spec (``apiframe images upscale``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from ..._job_requests import (
    build_request,
    describe,
    field_options,
    generate_operation,
    has_params_block,
    job_operations,
    modalities,
)
from .._common import (
    connection_options,
    current_settings,
    json_object,
    options,
    out_option,
    params_block,
    wait_timeout_option,
)
from .._runner import run_job

__all__ = ["generate", "job_groups"]

_JOB_OPTIONS = [
    click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A model parameter; repeatable."),
    click.option("--params-json", metavar="JSON", help="Model parameters as one JSON object."),
]
_ESCAPE_OPTIONS = [
    click.option(
        "--extra-body",
        metavar="JSON",
        help="A JSON object merged into the request body unchecked, in the API's wire names: for a field"
        " this version does not know yet.",
    ),
    click.option(
        "--no-validate",
        is_flag=True,
        help="Send without checking against this version's spec (a model it does not know yet; put its"
        " parameters in --extra-body).",
    ),
]
_RUN_OPTIONS = [
    click.option("--webhook-url", metavar="URL", help="Also deliver job events to this URL."),
    click.option("--no-wait", is_flag=True, help="Print the job id and return at once."),
    out_option,
    wait_timeout_option(900.0, "the job"),
]


@click.command()
@click.argument("modality", type=click.Choice(modalities()))
@click.option("--model", "-m", required=True, help="Model id (`apiframe models` lists them).")
@click.option("--prompt", "-p", help="The prompt.")
@options(_JOB_OPTIONS + _ESCAPE_OPTIONS + _RUN_OPTIONS)
@connection_options
def generate(
    modality: str,
    model: str,
    prompt: str | None,
    params: Sequence[str],
    params_json: str | None,
    extra_body: str | None,
    no_validate: bool,
    webhook_url: str | None,
    no_wait: bool,
    out: Path,
    wait_timeout: float,
) -> int:
    """Submit a generation, show its progress, download the results into --out.

    `apiframe models show MODEL` lists a model's parameters (--param KEY=VALUE).
    """
    block, text = params_block(params, params_json)
    request = build_request(
        generate_operation(modality),
        model,
        prompt=prompt,
        params=block,
        text_params=text,
        webhook_url=webhook_url,
        extra_body=json_object(extra_body, "extra_body"),
        validate=not no_validate,
    )
    return run_job(current_settings(), request, no_wait=no_wait, out=out, wait_timeout=wait_timeout)


_RESERVED = {
    "params",
    "params_json",
    "extra_body",
    "no_validate",
    "webhook_url",
    "no_wait",
    "out",
    "wait_timeout",
    "timeout",
    "max_retries",
    "model",
}


def _job_command(operation_id: str) -> click.Command:
    """The command for one job operation of the spec, with an option per top-level field."""
    op = job_operations()[operation_id]
    discriminator = str(op.discriminator)
    choices = sorted(op.variants)
    fields = {name: spec for name, spec in field_options(operation_id).items() if name not in _RESERVED}
    decorators: list[Callable[[Any], Any]] = []
    if discriminator == "model":
        only = choices[0] if len(choices) == 1 else None
        decorators.append(
            click.option("--model", "-m", default=only, required=only is None, help=f"One of: {', '.join(choices)}.")
        )
    else:
        decorators.append(click.argument(discriminator, type=click.Choice(choices), metavar=discriminator.upper()))
    for name, (schema, users) in fields.items():
        kind, allowed = describe(schema)
        text = kind + (f", one of {', '.join(map(str, dict.fromkeys(allowed)))}" if allowed else "")
        if len(users) < len(choices):
            text += f" (for {', '.join(users)})"
        flags = ["--" + name.replace("_", "-")] + (["-p"] if name == "prompt" else [])
        decorators.append(
            click.option(*flags, name, metavar=kind.split("|")[0].replace("string", "text").upper(), help=text + ".")
        )
    if has_params_block(operation_id):
        decorators += _JOB_OPTIONS
    decorators += _ESCAPE_OPTIONS + _RUN_OPTIONS

    def run(**values: Any) -> int:
        choice = str(values.pop(discriminator))
        block, text_params = params_block(values.pop("params", ()), values.pop("params_json", None))
        prompt = values.pop("prompt", None)
        request = build_request(
            operation_id,
            choice,
            prompt=prompt,
            params=block,
            text_params=text_params,
            text_fields={name: values[name] for name in fields if name != "prompt" and values.get(name) is not None},
            webhook_url=values["webhook_url"],
            extra_body=json_object(values["extra_body"], "extra_body"),
            validate=not values["no_validate"],
        )
        return run_job(
            current_settings(),
            request,
            no_wait=values["no_wait"],
            out=values["out"],
            wait_timeout=values["wait_timeout"],
        )

    name = operation_id.partition("_")[2].replace("_", "-")
    run.__doc__ = (
        f"Submit a job: {name.replace('-', ' ')} ({len(choices)} {discriminator}{'s' if len(choices) > 1 else ''}); "
        "show its progress, download the results into --out."
    )
    if discriminator == "model":
        run.__doc__ += "\n\n`apiframe models show MODEL` lists a model's parameters."
    else:
        run.__doc__ += f"\n\n{discriminator.upper()} is one of: {', '.join(choices)}."
    return click.command(name)(options(decorators)(connection_options(run)))


def job_groups() -> list[click.Group]:
    """``apiframe images upscale``, ``apiframe music suno-action``...: one per job operation, grouped."""
    groups: dict[str, click.Group] = {}
    for operation_id in job_operations():
        prefix = operation_id.partition("_")[0]
        if prefix not in groups:
            group = click.Group(prefix, help=f"Submit {prefix} jobs: every operation the API has for {prefix}.")
            groups[prefix] = group
        groups[prefix].add_command(_job_command(operation_id))
    return list(groups.values())
