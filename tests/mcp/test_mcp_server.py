"""``apiframe mcp`` with the MCP SDK's own client (ClientSession), over stdio and HTTP, against the sandbox."""

from __future__ import annotations

import base64
import os
import re
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
import httpx
import httpx2
import mcp.types as types
import pytest
from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.memory import create_client_server_memory_streams

from apiframe import Apiframe, AsyncApiframe, estimate_credits
from apiframe._job_requests import job_operations
from apiframe.mcp import ServerOptions, Toolbox, build_server
from apiframe.mcp._png import png_size
from apiframe.testing import Sandbox, SandboxConfig

TOKEN = "test-token-0123456789abcdef"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.3, seed=20)) as running:
        yield running


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("APIFRAME_")}
    return {**env, **extra}


@asynccontextmanager
async def _stdio(sandbox: Sandbox, *args: str) -> AsyncIterator[ClientSession]:
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "apiframe", "mcp", *args],
        env=_env(APIFRAME_API_KEY=sandbox.api_key, APIFRAME_BASE_URL=sandbox.base_url),
    )
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        yield session


def _text(result: types.CallToolResult) -> str:
    return "\n".join(block.text for block in result.content if isinstance(block, types.TextContent))


def _everything(results: list[types.CallToolResult]) -> str:
    return "\n".join(result.model_dump_json() for result in results)


@pytest.mark.slow
def test_stdio_generate_wait_download_budget_and_refusals(sandbox: Sandbox, tmp_path: Path) -> None:
    folder, outside = tmp_path / "files", tmp_path / "outside"
    folder.mkdir()
    outside.mkdir()
    (outside / "secret.png").write_bytes(b"\x89PNG secret")
    os.symlink(outside / "secret.png", folder / "escape.png")
    seen: list[types.CallToolResult] = []
    with Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
        worst = estimate_credits(client.models.list(), model="midjourney", prompt="a fox").maximum
    assert worst is not None and worst >= 1
    limit = worst + 0.5  # room for one job, whatever it really costs

    async def scenario() -> None:
        async with _stdio(sandbox, "--folder", str(folder), "--max-credits", str(limit)) as session:
            listed = {tool.name: tool for tool in (await session.list_tools()).tools}
            assert set(job_operations()) <= set(listed)
            assert {"list_models", "describe_model", "get_job", "list_jobs", "wait_for_job", "get_credits"} <= set(
                listed
            )
            assert {"upload_file", "download_job"} <= set(listed)
            generate = listed["images_generate"].input_schema
            assert "midjourney" in generate["properties"]["model"]["enum"] and "params" in generate["properties"]
            assert listed["get_job"].annotations is not None and listed["get_job"].annotations.read_only_hint

            async def call(name: str, arguments: dict[str, Any], **kw: Any) -> types.CallToolResult:
                result = await session.call_tool(name, arguments, **kw)
                seen.append(result)
                return result

            bad = await call(
                "images_generate", {"model": "midjourney", "prompt": "a fox", "params": {"aspect_ratio": "wide"}}
            )
            assert bad.is_error and "params.aspect_ratio: 'wide' does not match" in _text(bad)
            wrong = await call("images_generate", {"model": "kling-2.5-turbo-pro", "prompt": "a fox"})
            assert wrong.is_error and "use the videos_generate tool" in _text(wrong)

            accepted = await call("images_generate", {"model": "midjourney", "prompt": "a fox in the snow"})
            assert not accepted.is_error, _text(accepted)
            job_id = accepted.structured_content["job_id"]
            assert accepted.structured_content["worst_case_credits"] == worst

            progress: list[float] = []

            async def on_progress(value: float, total: float | None, message: str | None) -> None:
                progress.append(value)

            done = await call("wait_for_job", {"job_id": job_id}, progress_callback=on_progress)
            assert not done.is_error and done.structured_content["status"] == "COMPLETED"
            assert progress and progress[-1] == 100
            images = [block for block in done.content if isinstance(block, types.ImageContent)]
            links = [block for block in done.content if isinstance(block, types.ResourceLink)]
            assert len(images) == 4 and len(links) == 4 and job_id in _text(done)
            assert png_size(base64.b64decode(images[0].data)) == (512, 512)  # the sandbox's 1024 px, scaled down

            refused = await call("images_generate", {"model": "midjourney", "prompt": "another"})
            cost = done.structured_content["credit_cost"]
            left = limit - cost
            assert (
                refused.is_error and f"up to {worst:g} credits" in _text(refused) and f"{left:g} left" in _text(refused)
            )
            credits = await call("get_credits", {})
            assert credits.structured_content["budget"] == {"limit": limit, "spent": cost, "reserved": 0, "left": left}

            saved = await call("download_job", {"job_id": job_id, "folder": "out"})
            assert not saved.is_error, _text(saved)
            files = sorted((folder / "out").iterdir())
            assert [path.name for path in files] == [f"{job_id}-{n}.png" for n in range(1, 5)]
            file_links = [b for b in saved.content if isinstance(b, types.ResourceLink)]
            assert [link.uri for link in file_links] == [path.as_uri() for path in files]
            assert sum(isinstance(b, types.ImageContent) for b in saved.content) == 4

            uploaded = await call("upload_file", {"path": f"out/{job_id}-1.png"})
            assert not uploaded.is_error and uploaded.structured_content["url"].startswith("http")
            for path in ("../outside/secret.png", str(outside / "secret.png"), "escape.png"):
                escaped = await call("upload_file", {"path": path})
                assert escaped.is_error and "secret" not in str(escaped.structured_content)
            for where in ("../outside", str(outside)):
                escaped = await call("download_job", {"job_id": job_id, "folder": where})
                assert escaped.is_error
            assert sorted(path.name for path in outside.iterdir()) == ["secret.png"]

            unknown = await call("get_job", {"job_id": job_id, "extra": 1})
            assert unknown.is_error and "extra" in _text(unknown)

    anyio.run(scenario)
    assert sandbox.api_key not in _everything(seen)


def _serve_http(cwd: Path, *args: str, env: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "apiframe",
            "--sandbox",
            "--sandbox-job-seconds",
            "0.3",
            "mcp",
            "--http",
            "--port",
            "0",
            *args,
        ],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    for line in process.stderr:
        found = re.search(r"serving on (http://127\.0\.0\.1:\d+/mcp)", line)
        if found:
            return process, found.group(1)
    process.kill()
    raise AssertionError("the server did not start")


def test_http_needs_the_token_and_read_only_offers_no_spending(tmp_path: Path) -> None:
    process, url = _serve_http(tmp_path, "--read-only", env=_env(APIFRAME_MCP_TOKEN=TOKEN))
    try:
        hello = {"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}}
        headers = {"Accept": "application/json, text/event-stream"}
        assert httpx.post(url, json=hello, headers=headers).status_code == 401
        wrong = {**headers, "Authorization": "Bearer not-the-token-at-all"}
        assert httpx.post(url, json=hello, headers=wrong).status_code == 401

        async def scenario() -> None:
            client = httpx2.AsyncClient(headers={"Authorization": f"Bearer {TOKEN}"})
            async with (
                client,
                streamable_http_client(url, http_client=client) as (read, write),
                ClientSession(read, write) as session,
            ):
                await session.initialize()
                names = {tool.name for tool in (await session.list_tools()).tools}
                assert "list_models" in names and "download_job" not in names  # no --folder: no file tools
                assert not names & set(job_operations()) and "upload_file" not in names
                refused = await session.call_tool("images_generate", {"model": "midjourney", "prompt": "x"})
                assert refused.is_error and "read-only" in _text(refused)
                models = await session.call_tool("list_models", {"modality": "video"})
                assert not models.is_error and {m["modality"] for m in models.structured_content["models"]} == {"video"}

        anyio.run(scenario)
    finally:
        process.terminate()
        process.wait(timeout=10)
        assert process.stderr is not None
        process.stderr.close()
    assert (tmp_path / ".apiframe-sandbox").is_dir()  # --sandbox: the embedded sandbox served it


class _Watched(Toolbox):
    """A toolbox that tells when a wait has stopped."""

    stopped: anyio.Event

    async def _waited(self, *args: Any) -> Any:
        try:
            return await super()._waited(*args)
        finally:
            self.stopped.set()


@asynccontextmanager
async def _in_memory(toolbox: Toolbox) -> AsyncIterator[ClientSession]:
    """A ClientSession connected to the server of ``toolbox`` through memory streams."""
    server = build_server(toolbox)
    async with (
        create_client_server_memory_streams() as (client_streams, server_streams),
        anyio.create_task_group() as group,
    ):
        group.start_soon(lambda: server.run(*server_streams, server.create_initialization_options()))
        async with ClientSession(*client_streams) as session:
            await session.initialize()
            yield session
        group.cancel_scope.cancel()


def test_cancelling_a_wait_stops_it() -> None:
    async def scenario() -> None:
        with Sandbox(SandboxConfig(job_seconds=60)) as slow:
            async with AsyncApiframe(api_key=slow.api_key, base_url=slow.base_url) as client:
                toolbox = _Watched(client, ServerOptions())
                toolbox.stopped = anyio.Event()
                job = await client.images.generate(model="midjourney", prompt="slow")
                first = anyio.Event()

                async def on_progress(value: float, total: float | None, message: str | None) -> None:
                    first.set()

                async with _in_memory(toolbox) as session:

                    async def wait() -> None:
                        await session.call_tool("wait_for_job", {"job_id": job.job_id}, progress_callback=on_progress)

                    async with anyio.create_task_group() as calls:
                        calls.start_soon(wait)
                        await first.wait()
                        calls.cancel_scope.cancel()  # the client sends notifications/cancelled
                    with anyio.fail_after(10):
                        await toolbox.stopped.wait()
                    assert (await client.jobs.get(job.job_id)).status in ("QUEUED", "PROCESSING")

    anyio.run(scenario)


def test_video_and_audio_results_describe_model_and_list_jobs_over_the_protocol(sandbox: Sandbox) -> None:
    """The result kinds other than images (resource links, no previews), ``describe_model`` and
    ``list_jobs``, each called through the MCP SDK's ClientSession (in memory, against the sandbox)."""

    async def scenario() -> None:
        async with (
            AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client,
            _in_memory(Toolbox(client, ServerOptions())) as session,
        ):
            made: dict[str, str] = {}
            for tool, model, kind in (
                ("videos_generate", "kling-2.5-turbo-pro", "video"),
                ("music_generate", "suno", "audio"),
            ):
                accepted = await session.call_tool(tool, {"model": model, "prompt": f"a {kind} of a fox"})
                assert not accepted.is_error, _text(accepted)
                job_id = made[kind] = accepted.structured_content["job_id"]
                done = await session.call_tool("wait_for_job", {"job_id": job_id})
                assert not done.is_error and done.structured_content["status"] == "COMPLETED", _text(done)
                outputs = done.structured_content["outputs"]
                links = [block for block in done.content if isinstance(block, types.ResourceLink)]
                assert outputs and {output["kind"] for output in outputs} == {kind}
                assert [str(link.uri) for link in links] == [output["url"] for output in outputs]
                assert all(link.mime_type and link.mime_type.startswith(f"{kind}/") for link in links), links
                assert links[0].title == f"{kind} 1 of job {job_id}"
                assert not [block for block in done.content if isinstance(block, types.ImageContent)]  # no preview

            described = await session.call_tool("describe_model", {"model": "suno"})
            assert not described.is_error, _text(described)
            tools = described.structured_content["tools"]
            assert [tool["tool"] for tool in tools] == ["music_generate"]
            prompt = next(p for p in tools[0]["parameters"] if p["name"] == "prompt")
            assert prompt["description"].startswith("required; at least 1 character;"), prompt
            unknown = await session.call_tool("describe_model", {"model": "sunno"})
            assert unknown.is_error and "suno" in _text(unknown)  # a did-you-mean

            listed = await session.call_tool("list_jobs", {"limit": 100})
            assert not listed.is_error, _text(listed)
            jobs = {job["job_id"]: job for job in listed.structured_content["jobs"]}
            assert {made["video"], made["audio"]} <= set(jobs)
            assert jobs[made["audio"]]["model"] == "suno" and jobs[made["audio"]]["status"] == "COMPLETED"
            page = await session.call_tool("list_jobs", {"limit": 1})
            assert len(page.structured_content["jobs"]) == 1 and page.structured_content["has_more"] is True
            assert page.structured_content["next_cursor"]
            bad = await session.call_tool("list_jobs", {"limit": "many"})
            assert bad.is_error

    anyio.run(scenario)
