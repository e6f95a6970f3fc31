"""What each tool does, on one :class:`~apiframe.AsyncApiframe`, independent of the MCP transport.

:meth:`Toolbox.call` runs a tool and always returns a result: a refusal (budget, folders,
read-only mode, an argument the schema does not take) or an SDK error becomes a tool error
carrying the SDK's message in the tool's own words (``params.aspect_ratio``, ``the
videos_generate tool``), so the assistant can correct the call. Nothing is sent before a
request has been checked completely against the spec.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio
import mcp.types as types

from .._bodies import BYPASS_KEY, bypass_model
from .._client import AsyncApiframe
from .._credits import PriceList
from .._errors import ApiframeError, InvalidRequestError, JobCancelledError, JobFailedError, WaitTimeoutError
from .._job_requests import GenerationRequest, build_request, command_name, job_operations, params_blocks
from .._jobs import Job
from .._logging import redact
from .._model_params import describe_model
from .._schema import validate
from .._text import without_escapes
from ._budget import CreditBudget
from ._errors import ToolRefused
from ._folders import Folders
from ._previews import Preview, fetch_previews, file_previews
from ._results import bounded, error_result, file_links, job_result, kind_of, result
from ._tools import ToolDef, tool_defs

__all__ = ["Progress", "ServerOptions", "Toolbox", "tool_words"]

logger = logging.getLogger("apiframe.mcp")

Progress = Callable[[float, float | None, str | None], Awaitable[None]]
"""``(progress, total, message)``: sends a progress notification for the running tool call."""

_NO_PROGRESS_MESSAGE = 200


@dataclass(frozen=True, slots=True)
class ServerOptions:
    """How one run of the server behaves (the ``apiframe mcp`` options)."""

    read_only: bool = False
    """Offer only the tools that spend no credits and send no files."""
    max_credits: float | None = None
    """This run's credit budget (None: no budget)."""
    folders: tuple[str, ...] = ()
    """Uploads read from, and downloads write into, these folders only."""


def tool_words(message: str) -> str:
    """An SDK message in the words of the tools: ``params.x`` for a params block, tool names for commands."""
    for operation_id in job_operations():
        message = message.replace(f"`{command_name(operation_id)}`", f"the {operation_id} tool")
    for block in sorted(params_blocks(), key=len, reverse=True):
        message = message.replace(f"{block}.", "params.").replace(f"{block}, ", "params, ")
        if message.endswith(block + ")"):
            message = message[: -len(block) - 1] + "params)"
    for hint in (BYPASS_KEY, bypass_model("model"), bypass_model("action")):
        message = message.replace(f"; {hint}", "").replace(hint, "")
    return message.replace("(--param)", "(params)").replace("`apiframe models`", "list_models")


def _problems(arguments: Mapping[str, Any], schema: Mapping[str, Any]) -> None:
    """Refuse arguments the tool's schema does not take, naming each one."""
    problems = validate(dict(arguments), schema)
    if problems:
        words = []
        for problem in problems[:5]:
            where = ".".join(str(part) for part in problem.path)
            words.append(f"{where}: {problem.message}" if where else problem.message)
        raise ToolRefused("invalid arguments: " + "; ".join(words))


class Toolbox:
    """The tools of one server run: a client, a credit budget, the allowed folders, the options."""

    def __init__(self, client: AsyncApiframe, options: ServerOptions) -> None:
        self.client = client
        self.options = options
        self.budget = CreditBudget(options.max_credits)
        self.folders = Folders(options.folders)
        self._catalog: dict[str, dict[str, Any]] | None = None
        self._prices: PriceList | None = None
        self._defs = {tool.name: tool for tool in tool_defs()}

    def offered(self) -> list[ToolDef]:
        """The tools this run offers."""
        return [tool for tool in self._defs.values() if self._refusal(tool) is None]

    def _refusal(self, tool: ToolDef) -> str | None:
        if self.options.read_only and tool.kind in ("submit", "upload"):
            return f"{tool.name} is not available: this server runs read-only (--read-only)"
        if not self.folders and tool.kind in ("upload", "download"):
            return f"{tool.name} is not available: this server was started without --folder"
        return None

    async def call(self, name: str, arguments: Mapping[str, Any] | None, progress: Progress) -> types.CallToolResult:
        """Run tool ``name``; every failure is a tool error that says what to fix."""
        tool = self._defs.get(name)
        if tool is None:
            return error_result(f"unknown tool {name[:100]!r}; tools/list lists them")
        try:
            refusal = self._refusal(tool)
            if refusal is not None:
                raise ToolRefused(refusal)
            args = dict(arguments or {})
            if tool.kind == "submit":
                return await self._submit(tool, args)
            _problems(args, tool.schema)
            if name == "wait_for_job":
                return await self._wait_for_job(args, progress)
            handler: Callable[[dict[str, Any]], Awaitable[types.CallToolResult]] = getattr(self, f"_{name}")
            return await handler(args)
        except ToolRefused as refused:
            return error_result(refused.message)
        except InvalidRequestError as error:
            return error_result(tool_words(error.message))
        except ApiframeError as error:
            return error_result(str(error))
        except Exception as error:  # a tool must answer; the text never holds request data
            logger.warning("tool %s failed: %s", name, type(error).__name__)
            return error_result(f"{name} failed unexpectedly ({type(error).__name__}); try again")

    # -- catalog ------------------------------------------------------------------------------

    async def _catalog_entries(self) -> dict[str, dict[str, Any]]:
        if self._catalog is None:
            catalog = await self.client.models.list()
            entries = [entry.to_dict() for entry in catalog.models]
            self._catalog = {str(entry.get("id")): entry for entry in entries}
            self._prices = PriceList(entries)
        return self._catalog

    @staticmethod
    def _cost(entry: Mapping[str, Any] | None) -> dict[str, Any] | None:
        if not entry:
            return None
        return {"min": entry.get("costMin"), "max": entry.get("costMax"), "pricing": entry.get("pricingMode")}

    async def _list_models(self, args: Mapping[str, Any]) -> types.CallToolResult:
        modality = args.get("modality")
        entries = (await self._catalog_entries()).values()
        models = [
            {
                "id": entry.get("id"),
                "label": entry.get("label"),
                "modality": entry.get("modality"),
                "cost_credits": self._cost(entry),
            }
            for entry in entries
            if modality is None or entry.get("modality") == modality
        ]
        return result({"models": models, "count": len(models)})

    async def _describe_model(self, args: Mapping[str, Any]) -> types.CallToolResult:
        model = str(args["model"])
        tools = []
        for entry in describe_model(model):
            parameters = []
            for parameter in entry["parameters"]:
                flag = str(parameter["flag"])
                name = (
                    "params." + flag[len("--param ") :] if flag.startswith("--param ") else flag[2:].replace("-", "_")
                )
                parameters.append({"name": name, **{k: v for k, v in parameter.items() if k != "flag"}})
            tools.append({"tool": entry["operation"], "parameters": parameters})
        try:
            cost = self._cost((await self._catalog_entries()).get(model))
        except ApiframeError:
            cost = None  # the parameters come from the spec; the catalog is only for the price
        return result({"model": model, "cost_credits": cost, "tools": tools})

    # -- submissions ---------------------------------------------------------------------------

    def _request(self, tool: ToolDef, args: dict[str, Any]) -> GenerationRequest:
        op = job_operations()[tool.name]
        key = str(op.discriminator)
        known = set(tool.schema["properties"])
        unknown = sorted(set(args) - known)
        if unknown:
            raise ToolRefused(
                f"{tool.name} does not take {', '.join(map(repr, unknown))}; it takes: {', '.join(sorted(known))}"
            )
        value = args.get(key)
        if not isinstance(value, str) or not value:
            raise ToolRefused(f"{key} is required: one of {', '.join(op.variants)}")
        params = args.get("params")
        if params is not None and not isinstance(params, dict):
            raise ToolRefused("params must be an object of the model's parameters")
        prompt = args.get("prompt")
        if prompt is not None and not isinstance(prompt, str):
            raise ToolRefused(f"prompt must be a string, got {type(prompt).__name__}")
        fields = {name: v for name, v in args.items() if name not in (key, "params", "prompt")}
        return build_request(tool.name, value, prompt=prompt, params=params, fields=fields)

    async def _worst_case(self, request: GenerationRequest) -> float | None:
        """The most a request can cost, in credits (``estimate_credits`` from the catalog), or None when unbounded."""
        await self._catalog_entries()
        assert self._prices is not None
        try:
            maximum = self._prices.estimate(request).maximum
        except InvalidRequestError:
            return None  # the catalog cannot price it: the budget refuses it
        return None if maximum is None else float(maximum)

    async def _submit(self, tool: ToolDef, args: dict[str, Any]) -> types.CallToolResult:
        request = self._request(tool, args)
        worst = await self._worst_case(request) if self.budget.limit is not None else None
        reservation = self.budget.reserve(worst, f"{tool.name} with {request.model}")
        try:
            accepted = await request.submitter(self.client)(**request.kwargs)
        except BaseException:
            self.budget.release(reservation)  # not accepted (or not known to be): nothing to settle
            raise
        self.budget.bind(reservation, accepted.job_id)
        return result(
            {
                "job_id": accepted.job_id,
                "status": accepted.status,
                "worst_case_credits": worst,
                "budget": self.budget.state(),
                "next": f"wait_for_job with job_id {accepted.job_id}",
            }
        )

    # -- jobs ----------------------------------------------------------------------------------

    async def _previews(self, job: Job, wanted: bool) -> list[Preview]:
        if not wanted or str(job.status) != "COMPLETED":
            return []
        images = [output for output in job.outputs if kind_of(output) == "image"]
        return await fetch_previews(self.client._session, images)

    async def _get_job(self, args: Mapping[str, Any]) -> types.CallToolResult:
        job = await self.client.jobs.get(str(args["job_id"]))
        self.budget.observe(job)
        return job_result(job, await self._previews(job, bool(args.get("previews", True))))

    async def _list_jobs(self, args: Mapping[str, Any]) -> types.CallToolResult:
        page = await self.client.jobs.list(**{k: v for k, v in args.items() if v is not None})
        for job in page.jobs:
            self.budget.observe(job)
        return result(
            {
                "jobs": [{k: v for k, v in self._job_summary(job).items() if v is not None} for job in page.jobs],
                "next_cursor": page.next_cursor,
                "has_more": page.has_more,
            }
        )

    @staticmethod
    def _job_summary(job: Job) -> dict[str, Any]:
        return {
            "job_id": job.id,
            "status": str(job.status),
            "model": job.model,
            "progress": job.progress,
            "files": len(job.outputs) or None,
        }

    async def _wait_for_job(self, args: Mapping[str, Any], progress: Progress) -> types.CallToolResult:
        job_id = str(args["job_id"])
        timeout = float(args.get("timeout_seconds", 120))
        send, receive = anyio.create_memory_object_stream[tuple[float, str]](16)

        def seen(job: Job) -> None:
            value = float(job.progress) if isinstance(job.progress, int | float) else 0.0
            # behind: skip this one; the forwarder gone (the call ended): the wait carries on regardless
            with contextlib.suppress(anyio.WouldBlock, anyio.BrokenResourceError, anyio.ClosedResourceError):
                send.send_nowait((value, f"{job.status} {value:g}%"))

        async def forward() -> None:
            async with receive:
                async for value, message in receive:
                    await progress(value, 100.0, without_escapes(redact(message[:_NO_PROGRESS_MESSAGE])))

        outcome: tuple[Job, str | None, bool] | None = None
        async with anyio.create_task_group() as group:
            group.start_soon(forward)
            try:
                outcome = await self._waited(job_id, timeout, seen)
            finally:
                send.close()
        assert outcome is not None
        job, note, error = outcome
        self.budget.observe(job)
        return job_result(job, await self._previews(job, bool(args.get("previews", True))), note=note, error=error)

    async def _waited(self, job_id: str, timeout: float, seen: Callable[[Job], None]) -> tuple[Job, str | None, bool]:
        """(the job, a note, whether it failed): a job that ended badly or is still running is a result too."""
        try:
            return await self.client.jobs.wait(job_id, timeout=timeout, on_progress=seen), None, False
        except (JobFailedError, JobCancelledError) as ended:
            return ended.job, f"the job ended {ended.job.status}", True
        except WaitTimeoutError as late:
            if late.last is None:
                raise
            return late.last, f"still {late.last.status} after {timeout:g} s: call wait_for_job again", False

    async def _get_credits(self, args: Mapping[str, Any]) -> types.CallToolResult:
        me = await self.client.me()
        credits = me.team.credits if me.team is not None else None
        return result({"credits": bounded(credits), "budget": self.budget.state()})

    # -- files ---------------------------------------------------------------------------------

    async def _upload_file(self, args: Mapping[str, Any]) -> types.CallToolResult:
        fd, name = await anyio.to_thread.run_sync(self.folders.open_file, str(args["path"]))
        with os.fdopen(fd, "rb") as file:
            upload = await self.client.uploads.create(file, filename=name)
        return result({**_upload_fields(upload), "url": upload.url, "file": name})

    async def _download_job(self, args: Mapping[str, Any]) -> types.CallToolResult:
        job_id = str(args["job_id"])
        folder = await anyio.to_thread.run_sync(self.folders.directory, args.get("folder"))
        job = await self.client.jobs.get(job_id)
        self.budget.observe(job)
        if str(job.status) in ("QUEUED", "PROCESSING"):
            raise ToolRefused(f"job {job_id} is {job.status}, not COMPLETED yet: call wait_for_job first")
        paths = await self.client.jobs.download(job, folder)
        images = [
            (output.index, str(path))
            for path, output in zip(paths, job.outputs, strict=False)
            if kind_of(output) == "image"
        ]
        previews = await file_previews(images) if args.get("previews", True) else []
        data = {"job_id": job_id, "folder": str(folder), "files": [str(path) for path in paths]}
        return result(data, previews=previews, links=file_links(job_id, _inside(paths, folder)))


def _inside(paths: Sequence[Path], folder: Path) -> list[Path]:
    return [path if path.is_absolute() else folder / path for path in paths]


def _upload_fields(upload: Any) -> dict[str, Any]:
    data: dict[str, Any] = upload.to_dict() if hasattr(upload, "to_dict") else {}
    return data
