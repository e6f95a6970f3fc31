"""The tools the server offers, derived from the shipped spec: names, descriptions, argument schemas.

One submit tool per job operation of the spec (its operation id is the tool's name:
``images_generate``, ``images_midjourney_action``, ``music_suno_action``...), plus the tools that
read the catalog, the jobs and the account, and the two that move files. Which are offered
depends on the run: ``--read-only`` drops every tool that spends credits or sends files, and
without ``--folder`` the file tools are not offered.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import mcp.types as types

from .._job_requests import job_operations
from ._schemas import job_tool_schema, list_jobs_schema, modality_schema, plain_schema

__all__ = ["ToolDef", "tool_defs"]

Kind = Literal["read", "submit", "upload", "download"]

_JOB_ID = {"type": "string", "minLength": 1, "maxLength": 200, "description": "The job id a submit tool returned"}
_PREVIEWS = {
    "type": "boolean",
    "default": True,
    "description": "Show a completed image job's images (small previews) in the result",
}


@dataclass(frozen=True, slots=True)
class ToolDef:
    """One tool: what the assistant sees, and what kind of effect it has."""

    name: str
    description: str
    schema: dict[str, Any]
    kind: Kind

    def tool(self) -> types.Tool:
        reads = self.kind == "read"
        return types.Tool(
            name=self.name,
            description=self.description,
            input_schema=self.schema,
            annotations=types.ToolAnnotations(
                read_only_hint=reads,
                destructive_hint=False,
                idempotent_hint=reads or self.kind == "download",
                open_world_hint=True,
            ),
        )


def _what(operation_id: str) -> str:
    group, _, action = operation_id.partition("_")
    if action == "generate":
        return f"generates {group}"
    return f"runs {group} {action.replace('_', ' ')}"


def _submit_tool(operation_id: str) -> ToolDef:
    op = job_operations()[operation_id]
    key = str(op.discriminator)
    description = (
        f"Submit a job that {_what(operation_id)} ({op.method} {op.path}); returns its job_id at once. "
        f"Everything is checked against the {key} before anything is sent. Spends credits: refused when its "
        "worst-case cost is more than this server run's budget has left. Then call wait_for_job."
    )
    return ToolDef(operation_id, description, job_tool_schema(operation_id), "submit")


@cache
def tool_defs() -> tuple[ToolDef, ...]:
    """Every tool this server can offer, in the order they are listed."""
    read = [
        ToolDef(
            "list_models",
            "The model catalog: each model's id, label, modality and cost range in credits.",
            plain_schema({"modality": modality_schema()}),
            "read",
        ),
        ToolDef(
            "describe_model",
            "One model's parameters, for each tool that runs it: type, allowed values, default, description "
            "(from the API spec), and its cost range in credits.",
            plain_schema({"model": {"type": "string", "minLength": 1, "maxLength": 200}}, ("model",)),
            "read",
        ),
    ]
    submit = [_submit_tool(operation_id) for operation_id in job_operations()]
    jobs = [
        ToolDef(
            "get_job",
            "A job's status, progress, cost and error; once COMPLETED, its result files (image previews and links).",
            plain_schema({"job_id": _JOB_ID, "previews": _PREVIEWS}, ("job_id",)),
            "read",
        ),
        ToolDef("list_jobs", "The account's jobs, newest first, one page at a time.", list_jobs_schema(), "read"),
        ToolDef(
            "wait_for_job",
            "Wait until a job ends (sending progress notifications), then return it as get_job does. "
            "A job still running at timeout_seconds is returned as it stands: call again to keep waiting.",
            plain_schema(
                {
                    "job_id": _JOB_ID,
                    "timeout_seconds": {"type": "number", "exclusiveMinimum": 0, "maximum": 3600, "default": 120},
                    "previews": _PREVIEWS,
                },
                ("job_id",),
            ),
            "read",
        ),
        ToolDef(
            "get_credits",
            "The account's credit balance, and this server run's budget (limit, spent, held for running jobs, left).",
            plain_schema({}),
            "read",
        ),
    ]
    files = [
        ToolDef(
            "upload_file",
            "Upload a file from the allowed folders; returns a short-lived URL to pass as an image, audio or video "
            "input of a submit tool. path: relative to the first allowed folder, or absolute inside one.",
            plain_schema({"path": {"type": "string", "minLength": 1, "maxLength": 1024}}, ("path",)),
            "upload",
        ),
        ToolDef(
            "download_job",
            "Save a COMPLETED job's result files into an allowed folder (folder: relative to the first allowed "
            "folder, or absolute inside one; default the first); returns the paths, links and image previews. "
            "Files already there are kept.",
            plain_schema(
                {
                    "job_id": _JOB_ID,
                    "folder": {"type": "string", "minLength": 1, "maxLength": 1024},
                    "previews": _PREVIEWS,
                },
                ("job_id",),
            ),
            "download",
        ),
    ]
    return (*read, *submit, *jobs, *files)
