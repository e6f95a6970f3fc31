"""``with_raw_response`` returns the real response with its body; ``with_streaming_response.download``
hands a result file's body to the caller as it arrives (issue 19)."""

from __future__ import annotations

import asyncio
import json
import pickle
from typing import Any

import pytest
from unit_support import API_KEY, Recorder, job, reply

from apiframe import (
    Apiframe,
    AsyncApiframe,
    DownloadError,
    InvalidRequestError,
    Job,
    RawResponse,
    ResultExpiredError,
)

CDN = "https://cdn.example.test"


def completed(urls: list[str]) -> Job:
    return Job.from_dict(job("job_1", "COMPLETED", 100, result={"urls": urls}))


def test_a_raw_response_is_the_response_with_its_body(client: Any, recorder: Recorder) -> None:
    recorder.queue(reply(200, job("a"), **{"x-request-id": "req-raw", "x-echo": f"k={API_KEY}"}))
    response = client.jobs.with_raw_response.get("a")
    assert isinstance(response, RawResponse)
    assert response.json() == json.loads(response.read()) == json.loads(response.text) == job("a")
    assert str(response.url) == "https://api.test/v2/jobs/a"
    assert response.parse().id == "a"
    assert API_KEY not in response.headers["x-echo"] and API_KEY not in repr(response)
    with pytest.raises(TypeError, match="pickle"):
        pickle.dumps(response)


def test_a_raw_wait_is_the_last_response_of_the_wait(client: Any, recorder: Recorder) -> None:
    recorder.queue(
        reply(200, job(status="PROCESSING"), **{"x-request-id": "r1"}),
        reply(200, job(status="COMPLETED"), **{"x-request-id": "r2"}),
    )
    response = client.jobs.with_raw_response.wait("job_1")
    assert (response.request_id, response.json()["status"], response.parse().status) == ("r2", "COMPLETED", "COMPLETED")


def test_every_raw_view_is_generated() -> None:
    client = Apiframe(api_key=API_KEY)
    names = ("jobs", "loras", "uploads", "assets", "models", "images")
    views = [client.with_raw_response, *(getattr(client, name).with_raw_response for name in names)]
    assert {type(view).__module__ for view in views} == {"apiframe.resources._generated"}


def test_a_streamed_download_hands_over_the_body_and_never_the_key(client: Any, recorder: Recorder) -> None:
    recorder.queue(reply(200, b"\x89PNG" + b"x" * 100, **{"content-type": "image/png"}))
    with client.jobs.with_streaming_response.download(completed([f"{CDN}/a.png"])) as file:
        assert (file.job_id, file.output.index, file.status_code, file.content_type) == ("job_1", 1, 200, "image/png")
        body = b"".join(file.iter_bytes())
    assert body == b"\x89PNG" + b"x" * 100
    assert "x-api-key" not in recorder.requests[0].headers


def test_a_streamed_download_refuses_html_a_wrong_index_and_a_purged_file(client: Any, recorder: Recorder) -> None:
    two = completed([f"{CDN}/a.png", f"{CDN}/b.png"])
    with pytest.raises(InvalidRequestError, match="index must be 1 to 2, got 3"):
        client.jobs.with_streaming_response.download(two, index=3)
    recorder.queue(reply(200, b"<!DOCTYPE html><title>login</title>", **{"content-type": "application/octet-stream"}))
    with client.jobs.with_streaming_response.download(two, index=2) as file, pytest.raises(DownloadError, match="HTML"):
        file.read()
    assert str(recorder.requests[-1].url) == f"{CDN}/b.png"
    recorder.queue(reply(404, "gone"))
    with pytest.raises(ResultExpiredError):
        client.jobs.with_streaming_response.download(two)


def test_an_async_streamed_download(async_client: AsyncApiframe, recorder: Recorder) -> None:
    recorder.queue(
        reply(200, job("job_1", "COMPLETED", 100, result={"url": f"{CDN}/v.mp4"})), reply(200, b"\x00\x00mp4")
    )

    async def main() -> bytes:
        async with async_client.jobs.with_streaming_response.download("job_1") as file:
            return b"".join([chunk async for chunk in file.iter_bytes()])

    assert asyncio.run(main()) == b"\x00\x00mp4"
    assert [request.url.host for request in recorder.requests] == ["api.test", "cdn.example.test"]
