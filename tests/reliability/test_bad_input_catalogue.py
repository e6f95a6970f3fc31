"""The bad-input catalogue: every way a call can go wrong, with the exact error class and a message
that says what to fix.

Request-side cases run against the sandbox on 127.0.0.1 through a client that records every
request it sends: each must be refused before anything goes out (a check that slipped would
reach the sandbox and come back as a different error). Response-side cases need answers no
healthy server gives, so they are served by ``httpx.MockTransport``.

Many of these also have a focused test in tests/unit; this file is the one place listing them all.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from apiframe import (
    Apiframe,
    ApiframeError,
    APIResponseValidationError,
    AsyncApiframe,
    AuthenticationError,
    ConfigurationError,
    InsufficientCreditsError,
    InvalidRequestError,
    NotFoundError,
    RateLimitError,
    ServerError,
    ValidationError,
    WaitTimeoutError,
)
from apiframe._pipeline import MAX_RESPONSE_BYTES
from apiframe.testing import Sandbox, SandboxConfig
from apiframe.testing._media import make_png

PNG = make_png("catalogue")
JOB_ID = "0b6f3a2e-7c1d-4e8a-9f21-5d6c7b8a9e10"
ID_RULE = "no '/', '..', '?', '#', '%' or whitespace"
URL = "https://x.test/in.png"
Call = Callable[[Any, Path], object]


@dataclass(frozen=True)
class Case:
    """One bad input: the call, the exact error class, a fragment of its message, the field it names.

    ``reply`` makes it a response-side case: the call is answered by this response (built on
    demand) instead of the sandbox.
    """

    name: str
    call: Call
    error: type[ApiframeError]
    fragment: str
    field: str | None = None
    reply: Callable[[], httpx.Response] | None = None


def job_body(status: str = "QUEUED", **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": JOB_ID,
        "status": status,
        "model": "midjourney",
        "progress": 100 if status == "COMPLETED" else 0,
        "error": None,
        "creditCost": None,
        "webhookStatus": None,
        "createdAt": "2026-11-23T10:00:00Z",
        "completedAt": None,
        "expired": False,
    }
    body.update(extra)
    return body


def text(
    status: int, content: str | bytes, content_type: str = "text/plain", **headers: str
) -> Callable[[], httpx.Response]:
    data = content.encode() if isinstance(content, str) else content
    return lambda: httpx.Response(status, content=data, headers={"content-type": content_type, **headers})


def get_job(client: Any, _: Path) -> object:
    return client.jobs.get(JOB_ID)


def submit(client: Any, _: Path) -> object:
    return client.images.generate(model="midjourney", prompt="a fox")


def generate(**kwargs: Any) -> Call:
    return lambda client, _: client.images.generate(**kwargs)


def upload(name: str) -> Call:
    return lambda client, files: client.uploads.create(files / name)


def lora(count: int, **kwargs: Any) -> Call:
    return lambda client, _: client.loras.create(name="me", images=[PNG] * count, **kwargs)


HTML_502 = (
    "<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title></head>\n"
    "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body>\n</html>\n"
)

REQUEST_SIDE = [
    # models and their params blocks
    Case(
        "unknown image model",
        generate(model="midjurney", prompt="x"),
        InvalidRequestError,
        "did you mean 'midjourney'",
        "model",
    ),
    Case(
        "unknown video model",
        lambda c, _: c.videos.generate(model="veo-9", prompt="x"),
        InvalidRequestError,
        "unknown model 'veo-9'",
        "model",
    ),
    Case("model missing", generate(prompt="x"), InvalidRequestError, "model= is required", "model"),
    Case(
        "params block of another image model",
        generate(model="midjourney", prompt="x", flux_params={"guidance": 3}),
        InvalidRequestError,
        "it belongs to model 'flux-1.1-pro'",
        "flux_params",
    ),
    Case(
        "params block of another video model",
        lambda c, _: c.videos.generate(model="veo-3", prompt="x", kling_params={"mode": "pro"}),
        InvalidRequestError,
        "it belongs to model 'kling-2.1'",
        "kling_params",
    ),
    Case(
        "params block of another music model",
        lambda c, _: c.music.generate(model="suno", prompt="x", udio_params={}),
        InvalidRequestError,
        "it belongs to model 'udio'",
        "udio_params",
    ),
    Case(
        "unknown top-level argument",
        generate(model="midjourney", prompt="x", negative_prompt="blur"),
        InvalidRequestError,
        "model 'midjourney' does not accept 'negative_prompt'",
        "negative_prompt",
    ),
    Case(
        "unknown param key, close to a real one",
        generate(model="midjourney", prompt="x", midjourney_params={"aspect": "1:1"}),
        InvalidRequestError,
        "did you mean 'aspect_ratio'",
        "midjourney_params.aspect",
    ),
    Case(
        "unknown param key",
        lambda c, _: c.music.generate(model="suno", prompt="x", suno_params={"model": "V5"}),
        InvalidRequestError,
        "suno_params.model is not accepted here",
        "suno_params.model",
    ),
    Case(
        "request object and keywords together",
        lambda c, _: c.images.generate({"model": "midjourney", "prompt": "x"}, prompt="y"),
        InvalidRequestError,
        "not both",
    ),
    # enum values and ranges
    Case(
        "enum string out of range",
        lambda c, _: c.music.generate(model="suno", prompt="x", suno_params={"model_version": "V9"}),
        InvalidRequestError,
        "'V9' is not one of",
        "suno_params.model_version",
    ),
    Case(
        "enum integer out of range",
        lambda c, _: c.videos.generate(model="veo-3", prompt="x", veo_params={"duration": 9}),
        InvalidRequestError,
        "9 is not one of [4, 6, 8]",
        "veo_params.duration",
    ),
    Case(
        "enum mode out of range",
        lambda c, _: c.videos.generate(model="kling-2.1", prompt="x", kling_params={"mode": "ultra"}),
        InvalidRequestError,
        "'ultra' is not one of ['standard', 'pro']",
        "kling_params.mode",
    ),
    Case(
        "enum resolution out of range",
        lambda c, _: c.videos.upscale(
            model="topaz-video-upscale", topaz_video_params={"video": URL, "target_resolution": "8k", "target_fps": 30}
        ),
        InvalidRequestError,
        "'8k' is not one of",
        "topaz_video_params.target_resolution",
    ),
    Case(
        "number below its minimum",
        generate(model="flux-1.1-pro", prompt="x", flux_params={"guidance": 0.5}),
        InvalidRequestError,
        "must be >= 1.5",
        "flux_params.guidance",
    ),
    Case(
        "webhook event out of range",
        generate(model="midjourney", prompt="x", webhook_events=["done"]),
        InvalidRequestError,
        "'done' is not one of ['progress', 'completed', 'failed']",
        "webhook_events[0]",
    ),
    Case(
        "action index out of range",
        lambda c, _: c.images.midjourney_action(action="upsample", parent_job_id=JOB_ID, index=9),
        InvalidRequestError,
        "9 is not one of [1, 2, 3, 4]",
        "index",
    ),
    Case(
        "unknown action",
        lambda c, _: c.images.midjourney_action(action="zoom", parent_job_id=JOB_ID),
        InvalidRequestError,
        "unknown action 'zoom'",
        "action",
    ),
    Case(
        "list status out of range",
        lambda c, _: c.jobs.list(status="DONE"),
        InvalidRequestError,
        "'DONE' is not one of",
        "status",
    ),
    Case("list limit below 1", lambda c, _: c.jobs.list(limit=0), InvalidRequestError, "must be >= 1", "limit"),
    Case(
        "asset type out of range",
        lambda c, _: c.assets.create(url=URL, type="pdf"),
        InvalidRequestError,
        "'pdf' is not one of ['image', 'video', 'audio']",
    ),
    # missing or malformed required fields
    Case("prompt missing", generate(model="midjourney"), InvalidRequestError, "prompt is required", "prompt"),
    Case("prompt empty", generate(model="midjourney", prompt=""), InvalidRequestError, "must not be empty", "prompt"),
    Case(
        "params block missing",
        lambda c, _: c.images.upscale(model="topaz-image-upscale"),
        InvalidRequestError,
        "topaz_upscale_params is required",
        "topaz_upscale_params",
    ),
    Case(
        "webhook URL not absolute",
        generate(model="midjourney", prompt="x", webhook_url="hooks/done"),
        InvalidRequestError,
        "is not an absolute URL",
        "webhook_url",
    ),
    Case(
        "asset URL not absolute",
        lambda c, _: c.assets.create(url="in.png", type="image"),
        InvalidRequestError,
        "is not an absolute URL",
        "url",
    ),
    # ids that cannot be one path segment: refused before they can reach a URL
    Case("job id with a slash", lambda c, _: c.jobs.get("abc/def"), InvalidRequestError, ID_RULE, "id"),
    Case("job id '..'", lambda c, _: c.jobs.get(".."), InvalidRequestError, ID_RULE, "id"),
    Case("job id with a space", lambda c, _: c.jobs.get("abc def"), InvalidRequestError, ID_RULE, "id"),
    Case("job id empty", lambda c, _: c.jobs.get(""), InvalidRequestError, ID_RULE, "id"),
    Case(
        "waiting on a traversal id",
        lambda c, _: c.jobs.wait("../me", timeout=5),
        InvalidRequestError,
        ID_RULE,
        "job_id",
    ),
    Case(
        "waiting on many, one id with a slash",
        lambda c, _: list(c.jobs.wait_many(["a/b"], timeout=5)),
        InvalidRequestError,
        ID_RULE,
        "job_id",
    ),
    Case("lora id with a slash", lambda c, _: c.loras.get("abc/def"), InvalidRequestError, ID_RULE, "id"),
    Case("lora id with '..' on delete", lambda c, _: c.loras.delete("../other"), InvalidRequestError, ID_RULE, "id"),
    Case("lora id with a space", lambda c, _: c.loras.get("my lora"), InvalidRequestError, ID_RULE, "id"),
    Case("asset id with a slash", lambda c, _: c.assets.get("a/b"), InvalidRequestError, ID_RULE, "asset_id"),
    Case("asset id '..'", lambda c, _: c.assets.get(".."), InvalidRequestError, ID_RULE, "asset_id"),
    Case("asset id with a tab", lambda c, _: c.assets.get("a\tb"), InvalidRequestError, ID_RULE, "asset_id"),
    Case(
        "parent job id with a slash",
        lambda c, _: c.images.midjourney_action(action="upsample", parent_job_id="../jobs", index=1),
        InvalidRequestError,
        ID_RULE,
        "parent_job_id",
    ),
    Case(
        "parent job id with a space",
        lambda c, _: c.music.suno_action(action="extend", parent_job_id="my song"),
        InvalidRequestError,
        ID_RULE,
        "parent_job_id",
    ),
    Case(
        "lora id in params with a slash",
        generate(model="flux-lora", prompt="x", flux_lora_params={"lora_id": "a/b"}),
        InvalidRequestError,
        ID_RULE,
        "flux_lora_params.lora_id",
    ),
    # upload paths
    Case("upload path missing", upload("nope.png"), InvalidRequestError, "no such file", "file"),
    Case(
        "upload path a dangling symlink",
        upload("dangling.png"),
        InvalidRequestError,
        "a symbolic link whose target is missing",
        "file",
    ),
    Case(
        "upload path a directory",
        upload("folder"),
        InvalidRequestError,
        "is a directory; pass the path of a file inside it",
        "file",
    ),
    Case("upload path a FIFO", upload("pipe.png"), InvalidRequestError, "is not a regular file", "file"),
    Case("upload path through a file", upload("ok.png/inner.png"), InvalidRequestError, "is not a usable path", "file"),
    Case(
        "upload iterator without a filename",
        lambda c, _: c.uploads.create(iter([PNG])),
        InvalidRequestError,
        "filename",
    ),
    # LoRA training sets
    Case(
        "lora with 14 images",
        lora(14, gender="female", ethnicity="any"),
        InvalidRequestError,
        "15-30 images, got 14",
        "images",
    ),
    Case(
        "lora with 31 images",
        lora(31, gender="female", ethnicity="any"),
        InvalidRequestError,
        "15-30 images, got 31",
        "images",
    ),
    Case(
        "lora with no images",
        lora(0, gender="female", ethnicity="any"),
        InvalidRequestError,
        "15-30 images, got 0",
        "images",
    ),
    Case("lora person without gender", lora(15), InvalidRequestError, "gender and ethnicity are required", "gender"),
    Case(
        "lora images a missing path",
        lambda c, files: c.loras.create(name="me", images=[files / "nope.png"] * 15, gender="male", ethnicity="any"),
        InvalidRequestError,
        "no such file",
    ),
    # request options
    Case(
        "empty idempotency key",
        lambda c, _: c.jobs.list(idempotency_key=""),
        ConfigurationError,
        "idempotency_key must be a non-empty string",
    ),
    Case(
        "unknown request option",
        lambda c, _: c.jobs.get(JOB_ID, retries=3),
        ConfigurationError,
        "unknown request option ['retries']",
    ),
]

RESPONSE_SIDE = [
    Case(
        "error body plain text",
        get_job,
        ServerError,
        "500 Internal Server Error: upstream exploded",
        reply=text(500, "upstream exploded\nat line 3"),
    ),
    Case(
        "error body empty",
        get_job,
        ServerError,
        "503 Service Unavailable - the API failed; retry later",
        reply=text(503, ""),
    ),
    Case(
        "error body JSON cut off",
        get_job,
        ServerError,
        '500 Internal Server Error: {"error": "bo',
        reply=text(500, '{"error": "bo', "application/json"),
    ),
    Case(
        "400 without JSON",
        submit,
        ValidationError,
        "check the arguments against the model's parameters",
        reply=text(400, "Bad Request"),
    ),
    Case("401 without JSON", get_job, AuthenticationError, "check the API key", reply=text(401, "Unauthorized")),
    Case(
        "402 without JSON",
        submit,
        InsufficientCreditsError,
        "add credits to the team",
        reply=text(402, "Payment Required"),
    ),
    Case(
        "404 as XML",
        get_job,
        NotFoundError,
        "check the id",
        reply=text(404, "<?xml version='1.0'?><Error>NoSuchKey</Error>", "application/xml"),
    ),
    Case(
        "429 as HTML with Retry-After",
        get_job,
        RateLimitError,
        "retry after 7 s",
        reply=text(429, "<html><body>slow down</body></html>", "text/html", **{"retry-after": "7"}),
    ),
    Case(
        "502 HTML page",
        get_job,
        ServerError,
        "an HTML page (502 Bad Gateway) instead of JSON",
        reply=text(502, HTML_502, "text/html"),
    ),
    Case(
        "502 HTML page without a content type",
        get_job,
        ServerError,
        "an HTML page (502 Bad Gateway)",
        reply=text(502, HTML_502, ""),
    ),
    Case("status 520", get_job, ServerError, "failed with 520", reply=text(520, "error code: 520")),
    Case(
        "truncated JSON in a 200",
        get_job,
        APIResponseValidationError,
        "was cut off on the way; retry",
        reply=text(200, '{"id": "0b6f", "sta', "application/json"),
    ),
    Case(
        "truncated JSON in a 202",
        submit,
        APIResponseValidationError,
        "was cut off on the way; retry",
        reply=text(202, '{"jobId": "0b', "application/json"),
    ),
    Case(
        "HTML page in a 200",
        get_job,
        APIResponseValidationError,
        "an HTML page (Sign in) instead of JSON",
        reply=text(200, "<html><title>Sign in</title></html>", "text/html"),
    ),
    Case(
        "empty 200", get_job, APIResponseValidationError, "an empty body where JSON was expected", reply=text(200, "")
    ),
    Case(
        "JSON list in a 200",
        get_job,
        APIResponseValidationError,
        "a JSON list where a Job object was expected",
        reply=text(200, "[1, 2]", "application/json"),
    ),
    Case(
        "JSON object of the wrong shape in a 200",
        get_job,
        APIResponseValidationError,
        "with a body that does not match Job",
        reply=text(200, '{"unexpected": true}', "application/json"),
    ),
    Case(
        "oversized 200",
        get_job,
        APIResponseValidationError,
        "limit for API responses; it was not parsed",
        reply=lambda: httpx.Response(200, content=b'{"id": "' + b"x" * MAX_RESPONSE_BYTES + b'"}'),
    ),
]

CASES = REQUEST_SIDE + RESPONSE_SIDE


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.2)) as running:
        yield running


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bad-inputs")
    (root / "ok.png").write_bytes(PNG)
    (root / "folder").mkdir()
    os.mkfifo(root / "pipe.png")
    (root / "dangling.png").symlink_to(root / "deleted-target.png")
    return root


def _recording_client(sandbox: Sandbox, sent: list[httpx.Request]) -> Apiframe:
    http = httpx.Client(event_hooks={"request": [sent.append]})
    return Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, http_client=http, max_retries=0)


def _mock_client(reply: Callable[[], httpx.Response]) -> Apiframe:
    http = httpx.Client(transport=httpx.MockTransport(lambda request: reply()))
    return Apiframe(api_key="afk_catalogue", base_url="https://api.test", http_client=http, max_retries=0)


def test_the_catalogue_is_complete() -> None:
    assert len(CASES) >= 40 and len(REQUEST_SIDE) >= 40
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input(case: Case, sandbox: Sandbox, files: Path) -> None:
    sent: list[httpx.Request] = []
    client = _mock_client(case.reply) if case.reply is not None else _recording_client(sandbox, sent)
    try:
        with pytest.raises(ApiframeError) as caught:
            case.call(client, files)
    finally:
        client._http.close()
    error = caught.value
    assert type(error) is case.error, f"{type(error).__name__}: {error}"
    assert case.fragment in str(error)
    if case.field is not None:
        assert isinstance(error, InvalidRequestError) and error.field == case.field
    assert sent == [], "refused client-side, so nothing may be sent"


def test_an_unknown_job_status_is_kept_and_is_not_terminal() -> None:
    """A status the SDK does not know (added to the API later) is kept as the raw string; waiting
    goes on polling through it and returns the job once it is COMPLETED."""
    replies = iter(["ARCHIVING", "REVIEW_PENDING", "COMPLETED"])
    http = httpx.Client(
        transport=httpx.MockTransport(lambda request: httpx.Response(200, json=job_body(next(replies))))
    )
    seen: list[str] = []
    with Apiframe(api_key="afk_catalogue", base_url="https://api.test", http_client=http, max_retries=0) as client:
        assert client.jobs.get(JOB_ID).status == "ARCHIVING"
        done = client.jobs.wait(JOB_ID, interval=0.01, timeout=10, on_progress=lambda job: seen.append(str(job.status)))
    assert done.status == "COMPLETED"
    assert seen == ["REVIEW_PENDING", "COMPLETED"]


def test_a_job_stuck_in_an_unknown_status_ends_at_the_deadline() -> None:
    async def go() -> WaitTimeoutError:
        http = httpx.AsyncClient(
            transport=httpx.MockTransport(lambda request: httpx.Response(200, json=job_body("ARCHIVING")))
        )
        async with AsyncApiframe(api_key="afk_catalogue", base_url="https://api.test", http_client=http) as client:
            with pytest.raises(WaitTimeoutError) as caught:
                await client.jobs.wait(JOB_ID, interval=0.01, max_interval=0.05, timeout=0.3)
        await http.aclose()
        return caught.value

    error = asyncio.run(go())
    assert error.job_id == JOB_ID and str(error.last.status) == "ARCHIVING"
    assert "wait again with a longer timeout=" in str(error)


def test_a_bad_id_among_many_waited_for_is_a_typed_error(sandbox: Sandbox) -> None:
    sent: list[str] = []
    http = httpx.Client(event_hooks={"request": [lambda request: sent.append(request.url.path)]})
    with Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, max_retries=0, http_client=http) as client:
        good = client.images.generate(model="midjourney", prompt="fine").job_id
        with pytest.raises(InvalidRequestError) as caught:
            list(client.jobs.wait_many([good, "../../me"], interval=0.05, timeout=10))
    http.close()
    assert ID_RULE in str(caught.value) and caught.value.field == "job_id"
    assert sent == ["/v2/images/generate"]  # the bad id was refused before any wait request


@contextlib.contextmanager
def _unprivileged() -> Iterator[None]:
    """Act as an ordinary user, so file permissions apply (they do not to root)."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(65534)
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def test_unreadable_upload_paths(sandbox: Sandbox) -> None:
    """chmod 000 and an unsearchable parent directory. Root reads anything, so when the suite runs
    as root the checks run with the effective uid of ``nobody`` (restored right after)."""
    root = Path(tempfile.mkdtemp(prefix="apiframe-unreadable-"))
    try:
        root.chmod(0o755)
        locked = root / "locked.png"
        locked.write_bytes(PNG)
        locked.chmod(0o000)
        hidden = root / "hidden"
        hidden.mkdir()
        (hidden / "inside.png").write_bytes(PNG)
        hidden.chmod(0o000)
        sent: list[httpx.Request] = []
        client = _recording_client(sandbox, sent)
        with _unprivileged():
            with pytest.raises(InvalidRequestError) as unreadable:
                client.uploads.create(locked)
            with pytest.raises(InvalidRequestError) as unsearchable:
                client.uploads.create(hidden / "inside.png")
            with pytest.raises(InvalidRequestError) as in_a_lora:
                client.loras.create(name="me", images=[locked] * 15, gender="male", ethnicity="any")
        client._http.close()
    finally:
        (root / "hidden").chmod(0o755)
        shutil.rmtree(root)
    assert "permission denied reading" in str(unreadable.value) and "chmod u+r" in str(unreadable.value)
    assert unreadable.value.field == "file"
    assert "is not a usable path" in str(unsearchable.value) and "Permission denied" in str(unsearchable.value)
    assert "permission denied reading" in str(in_a_lora.value)
    assert sent == []
