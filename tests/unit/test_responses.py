"""Every returned object carries the HTTP response it came from: status, headers, request id."""

from __future__ import annotations

import asyncio
import pickle
from typing import Any

import httpx
import pytest
from unit_support import API_KEY, Recorder, job, reply

from apiframe import AsyncApiframe, InvalidRequestError, Job, NotFoundError, RawResponse, ResponseInfo

ME = {
    "user": {"id": "u", "email": "a@b.c", "role": "OWNER"},
    "apiKey": None,
    "team": {"id": "t", "name": "n", "plan": "free", "credits": 10, "customerId": None},
}


def with_id(status: int, body: Any, request_id: str, **headers: str) -> httpx.Response:
    return reply(status, body, **{"x-request-id": request_id, **headers})


def test_submission_handle_carries_its_request_id(client: Any, recorder: Recorder) -> None:
    recorder.queue(with_id(202, {"jobId": "job_1", "status": "QUEUED"}, "req-submit", **{"x-ratelimit-remaining": "9"}))
    handle = client.images.generate(model="midjourney", prompt="x")
    assert handle._request_id == "req-submit"
    info = handle._response
    assert isinstance(info, ResponseInfo)
    assert (info.status_code, info.method, info.path) == (202, "POST", "/v2/images/generate")
    assert info.headers["x-ratelimit-remaining"] == "9"


def test_snapshots_and_list_items_carry_theirs(client: Any, recorder: Recorder) -> None:
    recorder.queue(
        with_id(200, job("a"), "req-get"),
        with_id(200, {"jobs": [job("b"), job("c")], "nextCursor": None, "hasMore": False}, "req-list"),
    )
    got = client.jobs.get("a")
    assert got._request_id == "req-get" and got._response.status_code == 200
    page = client.jobs.list()
    assert [j._request_id for j in page.jobs] == ["req-list", "req-list"]
    assert page.raw._request_id == "req-list"


def test_wait_returns_the_last_snapshot_with_its_request_id(client: Any, recorder: Recorder) -> None:
    recorder.queue(with_id(200, job(status="PROCESSING"), "r1"), with_id(200, job(status="COMPLETED"), "r2"))
    assert client.jobs.wait("job_1")._request_id == "r2"


def test_response_fields_do_not_change_equality_repr_or_to_dict(client: Any, recorder: Recorder) -> None:
    recorder.queue(with_id(200, job("a"), "req-1"))
    got = client.jobs.get("a")
    built = Job.from_dict(job("a"))
    assert built._response is None and built._request_id is None
    assert got == built
    assert "req-1" not in repr(got)
    assert "_response" not in got.to_dict() and "_request_id" not in got.to_dict()
    assert pickle.loads(pickle.dumps(got))._request_id == "req-1"


def test_an_echoed_api_key_never_reaches_the_headers(client: Any, recorder: Recorder) -> None:
    recorder.queue(with_id(200, ME, "req-me", **{"x-echo": f"key={API_KEY}"}))
    me = client.me()
    assert me.team.credits == 10
    assert API_KEY not in str(dict(me._response.headers))
    assert API_KEY not in repr(me._response) and API_KEY not in str(pickle.dumps(me))


def test_async_objects_carry_theirs(async_client: AsyncApiframe, recorder: Recorder) -> None:
    recorder.queue(with_id(202, {"jobId": "job_1", "status": "QUEUED"}, "req-a1"), with_id(200, ME, "req-a2"))

    async def main() -> tuple[str | None, str | None]:
        handle = await async_client.music.generate(model="suno", prompt="la")
        me = await async_client.me()
        await async_client.aclose()
        return handle._request_id, me._request_id

    assert asyncio.run(main()) == ("req-a1", "req-a2")


def test_with_raw_response_on_a_resource(client: Any, recorder: Recorder) -> None:
    recorder.queue(with_id(200, job("a"), "req-raw", **{"x-ratelimit-remaining": "3"}))
    response = client.jobs.with_raw_response.get("a")
    assert isinstance(response, RawResponse)
    assert (response.status_code, response.request_id) == (200, "req-raw")
    assert response.headers["x-ratelimit-remaining"] == "3"
    parsed = response.parse()
    assert isinstance(parsed, Job) and parsed.id == "a"


def test_with_raw_response_on_generated_methods_keeps_the_checks(client: Any, recorder: Recorder) -> None:
    recorder.queue(with_id(202, {"jobId": "job_9", "status": "QUEUED"}, "req-gen"))
    response = client.images.with_raw_response.generate(model="midjourney", prompt="x")
    assert (response.status_code, response.request_id, response.parse().job_id) == (202, "req-gen", "job_9")
    with pytest.raises(InvalidRequestError):
        client.images.with_raw_response.generate(model="midjurney", prompt="x")
    assert len(recorder.requests) == 1


def test_with_raw_response_for_a_call_that_returns_nothing(client: Any, recorder: Recorder) -> None:
    recorder.queue(with_id(204, b"", "req-del"))
    response = client.with_raw_response.loras.delete("lora_1")
    assert (response.status_code, response.request_id, response.parse()) == (204, "req-del", None)


def test_client_level_with_raw_response_and_errors_propagate(client: Any, recorder: Recorder) -> None:
    recorder.queue(with_id(200, ME, "req-me"), with_id(404, {"error": "nope"}, "req-404"))
    assert client.with_raw_response.me().parse().team.credits == 10
    with pytest.raises(NotFoundError) as error:
        client.with_raw_response.jobs.get("missing")
    assert error.value.request_id == "req-404"


def test_async_with_raw_response(async_client: AsyncApiframe, recorder: Recorder) -> None:
    recorder.queue(
        with_id(200, {"jobs": [job("b")], "nextCursor": None, "hasMore": False}, "req-al"),
        with_id(202, {"jobId": "job_2", "status": "QUEUED"}, "req-ag"),
    )

    async def main() -> tuple[Any, Any]:
        page = await async_client.jobs.with_raw_response.list(limit=1)
        handle = await async_client.with_raw_response.videos.generate(model="veo-3", prompt="waves")
        await async_client.aclose()
        return page, handle

    page, handle = asyncio.run(main())
    assert (page.request_id, [j.id for j in page.parse().jobs]) == ("req-al", ["b"])
    assert (handle.status_code, handle.parse().job_id) == (202, "job_2")
