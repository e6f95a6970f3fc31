"""What the hostile-server fuzzer found, each pinned by a regular, deterministic test.

A new finding in code being fixed elsewhere may be marked ``xfail(strict=True)`` with a matching
``KNOWN`` entry in hostile_world.py (which lets the fuzzer keep looking meanwhile); both go when
the fix lands. None is open now.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_world import KEY, MARKUP, Answer, FuzzServer, control_in, key_in, markup_effect_in
from targets import JOB_ID

from apiframe import Apiframe, ApiframeError, AsyncApiframe
from apiframe.cli._app import cli

HOSTILE = (
    "[/INST] Qb[b]Zb Ql[link=https://evil.example/]Zl[/link] Qe:warning:Ze \x1b[2J\x1b]0;pwned\x07 \u202egnp \ud800 "
    + KEY.upper()
)


def reply(body: object, status: int = 200, headers: dict[str, str] | None = None) -> list[Answer]:
    return [Answer(status, json.dumps(body).encode(), {"Content-Type": "application/json", **(headers or {})})]


def job(status: str = "FAILED", **fields: object) -> dict[str, object]:
    data: dict[str, object] = {
        "id": JOB_ID, "status": status, "model": HOSTILE, "progress": 100, "error": HOSTILE, "creditCost": 1,
        "webhookStatus": None, "createdAt": "2026-11-23T10:00:00Z", "completedAt": None, "expired": False,
        "input": {}, "result": None,
    }  # fmt: skip
    data.update(fields)
    return data


@pytest.fixture
def server() -> Iterator[FuzzServer]:
    running = FuzzServer()
    try:
        yield running
    finally:
        running.close()


@pytest.mark.parametrize("echo", [False, True], ids=["plain", "echoing the key"])
@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_non_ascii_response_header_is_not_a_crash(server: FuzzServer, kind: str, echo: bool) -> None:
    """Also when the same header echoes the key, so its redacted copy is rebuilt (benchmark 12, seed
    4100326036: 33 of 1,187 cases raised UnicodeEncodeError from ``_pipeline.info_of``)."""
    me = {"user": {"id": JOB_ID, "email": "a@b.c", "role": "OWNER"}, "team": None, "apiKey": None}
    value = f"{KEY.upper()}/r\x80\xe9\xfe" if echo else "r\x80\xe9"
    server.use({("GET", "/v2/me"): reply(me, headers={"X-Request-Id": value, "X-Echo": value})})
    try:
        if kind == "sync":
            with Apiframe(api_key=KEY, base_url=server.base, max_retries=0) as client:
                raw = client.with_raw_response.me()
            assert raw.headers["x-echo"].endswith("/r\x80\xe9\xfe" if echo else "r\x80\xe9")
            assert KEY.upper() not in str(raw.headers) and KEY.upper() not in str(raw.request_id)
        else:
            import asyncio

            async def main() -> None:
                async with AsyncApiframe(api_key=KEY, base_url=server.base, max_retries=0) as client:
                    await client.me()

            asyncio.run(main())
    except ApiframeError:
        pass  # a typed error is fine; a UnicodeEncodeError is not


LORA = {
    "id": JOB_ID, "name": HOSTILE, "status": "READY", "subjectKind": "style", "age": None, "gender": None,
    "ethnicity": None, "error": HOSTILE, "triggerWord": HOSTILE, "steps": 1, "loraRank": 1, "imageCount": 20,
    "hasWeights": True, "isReady": True, "teamId": "t", "userId": "u", "createdAt": "2026-11-23T10:00:00Z",
    "startedAt": None, "completedAt": None,
}  # fmt: skip
SCREENS = {
    "jobs get": (["jobs", "get", JOB_ID], {("GET", "/v2/jobs/{id}"): reply(job())}),
    "jobs wait": (["jobs", "wait", JOB_ID, "--wait-timeout", "2"], {("GET", "/v2/jobs/{id}"): reply(job())}),
    "jobs list": (
        ["jobs", "list"], {("GET", "/v2/jobs"): reply({"jobs": [job()], "nextCursor": None, "hasMore": False})}
    ),
    "loras list": (["loras", "list"], {("GET", "/v2/loras"): reply({"items": [LORA], "nextCursor": None})}),
    "loras get": (["loras", "get", JOB_ID], {("GET", "/v2/loras/{id}"): reply(LORA)}),
    "error message": (["jobs", "get", JOB_ID], {("GET", "/v2/jobs/{id}"): reply({"error": HOSTILE}, status=500)}),
}  # fmt: skip


def test_cli_output_shows_server_text_literally(server: FuzzServer, tmp_path: Path) -> None:
    problems: list[str] = []
    for name, (args, script) in SCREENS.items():
        server.use(script)
        result = CliRunner().invoke(cli, ["--api-key", KEY, "--base-url", server.base, *args], catch_exceptions=True)
        text = result.stdout + result.stderr
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            problems.append(f"{name}: {type(result.exception).__name__}")
            continue
        for problem in (control_in(text), markup_effect_in(text), key_in(text)):
            if problem is not None:
                problems.append(f"{name}: {problem}")
        if result.exit_code in (0, 1) and not any(probe in text for probe in MARKUP):
            problems.append(f"{name}: the server's text is not shown literally")
    assert problems == []


@pytest.mark.parametrize("job_id", ["\ud800", "a\x00b", "a\x1b[2Jb", "a\u202eb", "x" * 201, True])
def test_a_server_id_that_cannot_be_encoded_is_a_typed_error(server: FuzzServer, job_id: object) -> None:
    """Refused when it is received (before any handle, record or file name holds it), by the one id
    rule; the same id passed by the caller is refused before anything is sent."""
    from apiframe import APIResponseValidationError, InvalidRequestError

    accepted = {"jobId": job_id, "status": "QUEUED"}
    server.use({("POST", "/v2/images/generate"): reply(accepted, status=202)})
    with Apiframe(api_key=KEY, base_url=server.base, max_retries=0) as client:
        with pytest.raises(APIResponseValidationError) as caught:
            client.images.generate(model="f", validate=False)
        assert "jobId" in str(caught.value)
        assert ("is not an id" if isinstance(job_id, str) else "not a string") in str(caught.value)
        if isinstance(job_id, str):
            with pytest.raises(InvalidRequestError, match=r"is not an id|is too long for an id"):
                client.jobs.wait(job_id, timeout=1)
    assert server.requests == 1


@pytest.fixture
def file_host() -> Iterator[FuzzServer]:
    running = FuzzServer()
    try:
        yield running
    finally:
        running.close()


@pytest.mark.parametrize(
    ("content_type", "name"),
    [
        ("application/x-msdos-program", "result.png"),
        ("application/octet-stream", "result.exe"),
        ("application/x-sh", "result"),
        ("image/svg+xml", "result"),
        ("application/octet-stream", "result.hta"),
    ],
)
def test_a_downloaded_files_extension_is_one_the_sdk_chose(
    server: FuzzServer, file_host: FuzzServer, tmp_path: Path, content_type: str, name: str
) -> None:
    from apiframe._files._sniff import EXTENSIONS

    result = {"images": [{"url": f"{file_host.base}/files/{name}"}]}
    server.use({("GET", "/v2/jobs/{id}"): reply(job("COMPLETED", result=result, error=None, model="m"))})
    file_host.use({("GET", "/files"): [Answer(200, b"MZ\x90\x00 payload", {"Content-Type": content_type})]})
    with Apiframe(api_key=KEY, base_url=server.base, max_retries=0) as client:
        (path,) = client.jobs.download(JOB_ID, tmp_path)
    assert path.suffix in {*EXTENSIONS.values(), ".bin"}, f"saved as {path.name}"


@pytest.mark.parametrize("case", ["me", "job"])
def test_a_body_of_the_wrong_types_is_a_typed_error(server: FuzzServer, case: str) -> None:
    from apiframe import APIResponseValidationError

    me = {"user": {"id": JOB_ID, "email": "a@b.c", "role": "OWNER"}, "team": 1.5, "apiKey": None}
    wrong = job("COMPLETED", model=["m"], progress="abc", error={"a": 1})
    server.use({("GET", "/v2/me"): reply(me), ("GET", "/v2/jobs/{id}"): reply(wrong)})
    client = Apiframe(api_key=KEY, base_url=server.base, max_retries=0)
    with client, pytest.raises(APIResponseValidationError):
        client.me() if case == "me" else client.jobs.get(JOB_ID)
