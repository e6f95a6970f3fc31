"""The hostile-server fuzzer over every ``apiframe`` command that talks to the API, in process
(click's runner), with and without ``--json``.

Invariants: the exit status is 0, 1 or 2 and no traceback is printed; the output holds no
control character but newline and tab and shows no markup effect (a probe like ``Qb[b]Zb``
printed as ``QbZb``); the key is in no message (stderr) nor in the human output; nothing outside
the folder named is written or deleted; the command ends (a watchdog).

Commands left out: ``webhooks listen`` and ``mcp`` (they serve until interrupted; tests/push and
tests/mcp cover them), ``webhooks verify``, ``batch report`` and ``sandbox`` (no API answer
reaches them).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_world import (
    KEY,
    FuzzServer,
    Tree,
    control_in,
    fuzz_case,
    key_in,
    known,
    markup_effect_in,
    plant,
    record,
    scripts,
    watchdog,
)
from hypothesis import strategies as st
from targets import JOB_ID, JOBS, PNG

from apiframe.cli._app import cli

T = "0.15"
URL = "https://example.com/a.png"
Route = tuple[str, str]


def job(*args: str, route: str, wait: bool = True) -> tuple[list[str], list[Route]]:
    """A job-creating command: it submits, then (unless --no-wait) waits and downloads into --out."""
    if not wait:
        return [*args, "--no-wait"], [("POST", route)]
    return [*args, "-o", "{out}", "--wait-timeout", T], [("POST", route), *JOBS]


IMAGE = ["--param", f"image={URL}"]
VIDEO = ["--param", "video=https://example.com/a.mp4"]
COMMANDS: dict[str, tuple[list[str], list[Route]]] = {
    "generate image": job("generate", "image", "-m", "midjourney", "-p", "p", route="/v2/images/generate"),
    "generate video": job("generate", "video", "-m", "grok-imagine-video", "-p", "p", route="/v2/videos/generate"),
    "generate music": job("generate", "music", "-m", "elevenlabs-music", "-p", "p", route="/v2/music/generate"),
    "images generate": job("images", "generate", "-m", "midjourney", "-p", "p", route="/v2/images/generate"),
    "images upscale": job("images", "upscale", "-m", "clarity-upscale", *IMAGE, route="/v2/images/upscale"),
    "images edit": job(
        "images", "edit", "-m", "flux-fill-pro", *IMAGE, "--param", "prompt=p", "--param", "mode=inpaint",
        route="/v2/images/edit",
    ),
    "images background-remove": job(
        "images", "background-remove", "-m", "851-bg-remove", *IMAGE, route="/v2/images/background-remove"
    ),
    "images midjourney-action": job(
        "images", "midjourney-action", "upsample", "--index", "1", "--parent-job-id", JOB_ID,
        route="/v2/images/midjourney/action",
    ),
    "videos generate": job(
        "videos", "generate", "-m", "grok-imagine-video", "-p", "p", route="/v2/videos/generate", wait=False
    ),
    "videos upscale": job(
        "videos", "upscale", "-m", "topaz-video-upscale", "--params-json",
        '{"video": "https://example.com/a.mp4", "target_resolution": "1080p", "target_fps": 30}',
        route="/v2/videos/upscale",
    ),
    "videos edit": job("videos", "edit", "-m", "wan-2.7-videoedit", "-p", "p", *VIDEO, route="/v2/videos/edit"),
    "music generate": job("music", "generate", "-m", "elevenlabs-music", "-p", "p", route="/v2/music/generate"),
    "music suno-action": job("music", "suno-action", "cover", "--parent-job-id", JOB_ID, route="/v2/music/suno/action"),
    "jobs get": (["jobs", "get", JOB_ID], JOBS),
    "jobs list": (["jobs", "list", "--limit", "5"], JOBS),
    "jobs wait": (["jobs", "wait", JOB_ID, "--wait-timeout", T], JOBS),
    "jobs download": (["jobs", "download", JOB_ID, "-o", "{out}"], JOBS),
    "jobs download --wait": (["jobs", "download", JOB_ID, "-o", "{out}", "--wait", "--wait-timeout", T], JOBS),
    "upload": (["upload", "{root}/in/a.png"], [("POST", "/v2/uploads")]),
    "loras create": (
        ["loras", "create", *["{root}/in/a.png"] * 15, "--name", "n", "--subject-kind", "style"],
        [("POST", "/v2/loras")],
    ),
    "loras list": (["loras", "list", "--limit", "3"], [("GET", "/v2/loras")]),
    "loras get": (["loras", "get", JOB_ID], [("GET", "/v2/loras/{id}")]),
    "loras delete": (["loras", "delete", JOB_ID], [("DELETE", "/v2/loras/{id}")]),
    "assets create": (["assets", "create", "--url", URL, "--type", "image"], [("POST", "/v2/assets/create")]),
    "assets get": (["assets", "get", "asset-1"], [("GET", "/v2/assets/{assetId}")]),
    "models show": (["models", "show", "midjourney"], [("GET", "/v2/models")]),
    "me": (["me"], [("GET", "/v2/me")]),
    "batch": (
        ["batch", "{root}/in/batch.jsonl", "--out", "{out}", "--wait-timeout", "0.3"],
        [("POST", "/v2/images/generate"), *JOBS],
    ),
    "batch --dry-run": (["batch", "{root}/in/batch.jsonl", "--dry-run"], [("GET", "/v2/me"), ("GET", "/v2/models")]),
}  # fmt: skip
BATCH = '{"model": "midjourney", "prompt": "a"}\n{"model": "midjourney", "prompt": "b"}\n'


def check_output(command: str, code: int | None, stdout: str, stderr: str, json_output: bool) -> str:
    """The CLI's invariants on one run; the outcome (exit status, or the known finding it hit)."""
    both = stdout + stderr
    finding = known(both)
    if finding is not None:
        return f"known finding ({finding.branch}): {finding.test}"
    tolerated = None
    assert code in (0, 1, 2), f"{command} exited {code}:\n{both[-3000:]}"
    assert "Traceback" not in both, f"{command} printed a traceback:\n{both[-3000:]}"
    shown = [stderr] if json_output else [stdout, stderr]  # --json is exact: the data as sent
    for text in shown:
        for problem in (
            f"control character {control_in(text)}" if control_in(text) else None,
            markup_effect_in(text),
            f"the key ({key_in(text)})" if key_in(text) else None,
        ):
            if problem is None:
                continue
            finding = known(f"terminal: {problem}")
            if finding is None:
                raise AssertionError(f"{command} printed {problem}: {text[:500]!r}")
            tolerated = f"known finding ({finding.branch}): {finding.test}"
    return tolerated or f"exit {code}"


def run_command(servers: tuple[FuzzServer, FuzzServer], data: st.DataObject, command: str) -> None:
    api, files = servers
    args, routes = COMMANDS[command]
    api.use(data.draw(scripts(routes, files.base), label="api"))
    files.use(data.draw(scripts([], files.base), label="files"))
    json_output = data.draw(st.booleans(), label="--json")
    root = Path(tempfile.mkdtemp(prefix="apiframe-fuzz-cli-"))
    try:
        plant(root)
        (root / "in").mkdir()
        (root / "in" / "a.png").write_bytes(PNG)
        (root / "in" / "batch.jsonl").write_text(BATCH)
        (root / "cwd").mkdir()
        out = root / "out"
        argv = [arg.replace("{out}", str(out)).replace("{root}", str(root)) for arg in args]
        head = ["--api-key", KEY, "--base-url", api.base, *(["--json"] if json_output else [])]
        before = Tree.of(root)
        runner = CliRunner()
        env = {"APIFRAME_API_KEY": None, "APIFRAME_BASE_URL": None, "APIFRAME_PUSH_URL": None, "COLUMNS": "60"}
        here = os.getcwd()
        os.chdir(root / "cwd")  # what a command writes where it runs is outside --out too
        try:
            result, error, _ = watchdog(60, lambda: runner.invoke(cli, [*head, *argv], env=env, catch_exceptions=True))
        finally:
            os.chdir(here)
        assert error is None, f"{command}: the runner itself failed: {error!r}"
        code = result.exit_code
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            import traceback

            shown = "".join(traceback.format_exception(result.exception))
            finding = known(shown)
            if finding is None:
                raise AssertionError(f"{command} raised {type(result.exception).__name__}:\n{shown[-3000:]}")
            record("cli", command, f"known finding ({finding.branch}): {finding.test}")
            return
        outcome = check_output(command, code, result.stdout, result.stderr, json_output)
        after = Tree.of(root, skip=out)
        assert after.entries == before.entries, f"{command} wrote or deleted outside --out: {after.entries}"
        assert not files.key_left_origin, f"{command} sent the key to the file host"
        record("cli", command, outcome)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.parametrize("command", sorted(COMMANDS))
@fuzz_case
def test_command_against_a_hostile_server(
    servers: tuple[FuzzServer, FuzzServer], command: str, data: st.DataObject
) -> None:
    if os.environ.get("APIFRAME_SERVER_FUZZ_TRACE"):
        print(command)
    run_command(servers, data, command)
