"""Retries, idempotency keys, error mapping and logging of the request pipeline."""

from __future__ import annotations

import asyncio
import email.utils
import logging
import time
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from unit_support import API_KEY, FakeClock, Recorder, job, reply

import apiframe
from apiframe import (
    APIStatusError,
    AuthenticationError,
    ConflictError,
    InsufficientCreditsError,
    NetworkError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestTimeoutError,
    ServerError,
    ValidationError,
)
from apiframe._pipeline import _PLAIN_PATH
from apiframe._retry import backoff_delay, retry_after

ACCEPTED = {"jobId": "job_1", "status": "QUEUED"}


def submit(client: Any, **kwargs: Any) -> Any:
    return client.images.generate(model="midjourney", prompt="a fox", **kwargs)


def test_429_then_success_waits_retry_after_and_reuses_the_key(
    client: Any, recorder: Recorder, clock: FakeClock
) -> None:
    recorder.queue(
        reply(429, {"error": "slow down"}, **{"retry-after": "3"}),
        reply(503, {"error": "busy"}),
        reply(202, ACCEPTED),
    )
    handle = submit(client)
    assert handle.job_id == "job_1"
    keys = {r.headers["idempotency-key"] for r in recorder.requests}
    assert len(recorder.requests) == 3 and len(keys) == 1
    assert clock.sleeps[0] == 3.0
    assert 0 <= clock.sleeps[1] <= 0.5  # full jitter, attempt 1: uniform(0, 0.5)


def test_retry_after_http_date() -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    delay = retry_after({"retry-after": when})
    assert delay is not None and 28 <= delay <= 31
    assert retry_after({"retry-after": "soon"}) is None
    assert retry_after({}) is None
    assert retry_after({"retry-after": "-5"}) == 0.0


def test_backoff_is_full_jitter_capped() -> None:
    assert backoff_delay(0, rand=lambda: 1.0) == 0.25
    assert backoff_delay(3, rand=lambda: 1.0) == 2.0
    assert backoff_delay(20, rand=lambda: 1.0) == 8.0
    assert backoff_delay(5, rand=lambda: 0.0) == 0.0


def test_long_retry_after_raises_at_once(client: Any, recorder: Recorder, clock: FakeClock) -> None:
    recorder.queue(reply(429, {"error": "quota"}, **{"retry-after": "3600"}))
    with pytest.raises(RateLimitError) as caught:
        submit(client)
    assert caught.value.retry_after == 3600
    assert clock.sleeps == [] and len(recorder.requests) == 1


def test_retries_stop_at_max_retries(client: Any, recorder: Recorder) -> None:
    recorder.default = lambda request: reply(500, {"error": "boom"}, **{"x-request-id": "req_9"})
    with pytest.raises(ServerError) as caught:
        client.jobs.get("job_1")
    assert len(recorder.requests) == 3  # 1 + max_retries (2)
    assert caught.value.request_id == "req_9"
    assert "req_9" in str(caught.value) and "boom" in str(caught.value)


def test_per_call_and_with_options_max_retries(client: Any, recorder: Recorder) -> None:
    recorder.default = lambda request: reply(502, "<html>bad gateway</html>")
    with pytest.raises(ServerError):
        client.jobs.get("job_1", max_retries=0)
    assert len(recorder.requests) == 1
    with pytest.raises(ServerError):
        client.with_options(max_retries=4).jobs.get("job_1")
    assert len(recorder.requests) == 1 + 5


def test_network_errors_are_retried_then_typed(client: Any, recorder: Recorder) -> None:
    recorder.queue(httpx.ConnectError("refused"), reply(200, job()))
    assert client.jobs.get("job_1").id == "job_1"
    recorder.default = lambda request: (_ for _ in ()).throw(httpx.ReadError("reset"))
    with pytest.raises(NetworkError) as caught:
        client.jobs.get("job_1")
    assert "ReadError: reset" in str(caught.value)
    # httpx errors hold the request (and so the X-API-Key header): they are never chained.
    assert caught.value.__cause__ is None and caught.value.__context__ is None


def test_timeouts_become_request_timeout_error(client: Any, recorder: Recorder) -> None:
    recorder.default = lambda request: (_ for _ in ()).throw(httpx.ReadTimeout("slow"))
    with pytest.raises(RequestTimeoutError) as caught:
        client.jobs.get("job_1", timeout=2)
    assert isinstance(caught.value, TimeoutError) and isinstance(caught.value, NetworkError)
    assert "timeout=" in str(caught.value)
    assert recorder.requests[0].extensions["timeout"]["read"] == 2


def test_non_replayable_upload_is_not_retried(client: Any, recorder: Recorder) -> None:
    recorder.default = lambda request: reply(503, {"error": "busy"})

    def chunks() -> Any:
        yield b"\x89PNG\r\n\x1a\n"
        yield b"rest"

    with pytest.raises(ServerError):
        client.uploads.create(file=chunks(), filename="a.png")
    assert len(recorder.requests) == 1


def test_replayable_upload_is_resent_whole(client: Any, recorder: Recorder, tmp_path: Any) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 1000)
    recorder.queue(
        reply(503, {"error": "busy"}),
        reply(
            201,
            {
                "id": "up_1",
                "url": "https://x/u.png",
                "kind": "image",
                "contentType": "image/png",
                "byteSize": 1008,
                "expiresAt": "2026-11-24T10:00:00Z",
            },
        ),
    )
    upload = client.uploads.create(file=path)
    assert upload.id == "up_1"
    assert len(recorder.bodies) == 2 and recorder.bodies[0] == recorder.bodies[1]
    assert b"x" * 1000 in recorder.bodies[1]


@pytest.mark.parametrize(
    ("status", "cls", "body"),
    [
        (400, ValidationError, {"error": "Invalid request", "details": {"prompt": ["Required"]}}),
        (401, AuthenticationError, {"error": "Invalid API key"}),
        (
            402,
            InsufficientCreditsError,
            {"error": "Insufficient credits", "creditsRequired": 40, "creditsAvailable": 3},
        ),
        (403, PermissionDeniedError, {"error": "Forbidden"}),
        (404, NotFoundError, {"error": "Job not found"}),
        (409, ConflictError, {"error": "Conflict"}),
        (429, RateLimitError, {"error": "Too many"}),
        (500, ServerError, {"error": "Internal"}),
        (520, ServerError, "<html><body>Cloudflare 520</body></html>"),
    ],
)
def test_error_mapping(client: Any, recorder: Recorder, status: int, cls: type[APIStatusError], body: Any) -> None:
    recorder.default = lambda request: reply(status, body, **{"x-request-id": "req_42"})
    with pytest.raises(cls) as caught:
        client.jobs.get("job_1", max_retries=0)
    error = caught.value
    assert type(error) is cls
    assert error.status_code == status and error.request_id == "req_42"
    assert isinstance(error, apiframe.ApiframeError)
    assert "GET /v2/jobs/job_1" in str(error) and "req_42" in str(error)
    if isinstance(body, dict):
        assert error.body == body
        assert body["error"] in str(error)
    else:
        assert isinstance(error.body, str) and "520" in error.body
    if isinstance(error, ValidationError):
        assert error.details == {"prompt": ["Required"]}
        assert "prompt" in str(error)
    if isinstance(error, InsufficientCreditsError):
        assert (error.credits_required, error.credits_available) == (40, 3)


def test_truncated_and_huge_bodies_never_raise_decode_errors(client: Any, recorder: Recorder) -> None:
    recorder.queue(reply(500, b'{"error": "trunc'))
    with pytest.raises(ServerError) as caught:
        client.jobs.get("job_1", max_retries=0)
    assert caught.value.body == '{"error": "trunc'
    recorder.queue(reply(502, b"x" * 5_000_000))
    with pytest.raises(ServerError) as caught:
        client.jobs.get("job_1", max_retries=0)
    assert len(caught.value.body) == 2000


def test_success_with_non_json_body_is_a_typed_error(client: Any, recorder: Recorder) -> None:
    recorder.queue(reply(200, b"<html>proxy login</html>"))
    with pytest.raises(apiframe.APIResponseValidationError) as caught:
        client.jobs.get("job_1")
    assert "not JSON" in str(caught.value)


def test_success_with_wrong_shape_is_a_typed_error(client: Any, recorder: Recorder) -> None:
    recorder.queue(reply(200, {"unexpected": True}))
    with pytest.raises(apiframe.APIResponseValidationError):
        client.jobs.get("job_1")


def test_logging_shows_calls_but_never_the_key(
    client: Any, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    recorder.queue(reply(500, {"error": f"echo {API_KEY}"}), reply(200, job()))
    with caplog.at_level(logging.DEBUG, logger="apiframe"):
        client.jobs.get("job_1")
        recorder.queue(reply(401, {"error": f"bad key {API_KEY}"}))
        with pytest.raises(AuthenticationError) as caught:
            client.jobs.get("job_1")
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "GET /v2/jobs/job_1 -> 500" in text and "GET /v2/jobs/job_1 -> 200" in text
    assert "retry 1" in text
    assert API_KEY not in text
    assert API_KEY not in str(caught.value)


def test_async_retries_share_the_logic(async_client: Any, recorder: Recorder, clock: FakeClock) -> None:
    recorder.queue(reply(429, {}, **{"retry-after": "1"}), reply(202, ACCEPTED))

    async def go() -> Any:
        async with async_client:
            return await async_client.videos.generate(model="veo-3", prompt="x")

    handle = asyncio.run(go())
    assert handle.job_id == "job_1" and clock.sleeps == [1.0]
    assert recorder.requests[0].headers["idempotency-key"] == recorder.requests[1].headers["idempotency-key"]


@settings(max_examples=300, deadline=None)
@given(
    base=st.sampled_from(["http://127.0.0.1:8790", "https://api.apiframe.ai", "https://example.com/api/v9"]),
    path=st.from_regex(_PLAIN_PATH, fullmatch=True),
)
def test_a_plain_path_always_builds_so_the_url_check_may_skip_it(base: str, path: str) -> None:
    """request_flow skips the URL check for plain API paths: each of them must build under any checked base_url."""
    url = httpx.URL(base + path)  # what _check_url would do: it never raises here
    assert (url.scheme, url.netloc) == (httpx.URL(base).scheme, httpx.URL(base).netloc)


@pytest.mark.parametrize("job_id", ["a\x00b", "a\nb", "\ud800", "x" * 70_000])
def test_a_path_that_is_not_plain_still_gets_the_typed_url_check(client: Any, job_id: str) -> None:
    with pytest.raises(apiframe.InvalidRequestError):
        client._session.run(client._session.request("GET", f"/v2/jobs/{job_id}"))
