"""Pages: async list calls are awaitable (one page) and async-iterable (every item); list items,
snapshots and waits share one Job class."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from unit_support import Recorder, job, reply

import apiframe
import apiframe.types
from apiframe import AsyncApiframe, AsyncPager, Job

RESULT = {"images": [{"url": "https://cdn.example/1.png", "contentType": "image/png"}]}


def listing(ids: list[str], next_cursor: str | None) -> httpx.Response:
    jobs = [job(i, status="COMPLETED", progress=100, result=RESULT) for i in ids]
    return reply(200, {"jobs": jobs, "nextCursor": next_cursor, "hasMore": next_cursor is not None})


def lora(lora_id: str) -> dict[str, Any]:
    return {
        "id": lora_id,
        "name": "n",
        "status": "READY",
        "subjectKind": "style",
        "age": None,
        "gender": None,
        "ethnicity": None,
        "error": None,
        "triggerWord": None,
        "steps": 1000,
        "loraRank": 16,
        "imageCount": 20,
        "hasWeights": True,
        "isReady": True,
        "teamId": "t",
        "userId": "u",
        "createdAt": "2026-11-23T10:00:00Z",
        "startedAt": None,
        "completedAt": None,
    }


def test_one_job_class_everywhere(client: Any, recorder: Recorder) -> None:
    assert apiframe.types.Job is apiframe.Job
    recorder.queue(listing(["a"], None), reply(200, job("b", status="COMPLETED", progress=100, result=RESULT)))
    listed = list(client.jobs.list())
    fetched = client.jobs.get("b")
    assert [type(j) for j in (*listed, fetched)] == [Job, Job]
    assert listed[0].outputs[0].url == "https://cdn.example/1.png"
    assert listed[0].outputs == fetched.outputs


def test_async_list_is_awaitable_for_one_page(async_client: AsyncApiframe, recorder: Recorder) -> None:
    recorder.queue(listing(["a", "b"], "c1"))

    async def main() -> list[str]:
        pager = async_client.jobs.list(limit=2)
        assert isinstance(pager, AsyncPager)
        assert recorder.requests == []  # nothing sent before await or async for
        page = await pager
        await async_client.aclose()
        return [j.id for j in page.jobs]

    assert asyncio.run(main()) == ["a", "b"]
    assert len(recorder.requests) == 1


def test_async_list_is_iterable_over_every_page(async_client: AsyncApiframe, recorder: Recorder) -> None:
    recorder.queue(listing(["a", "b"], "c1"), listing(["c"], None))

    async def main() -> list[Job]:
        seen = [item async for item in async_client.jobs.list(limit=2)]
        await async_client.aclose()
        return seen

    seen = asyncio.run(main())
    assert [j.id for j in seen] == ["a", "b", "c"]
    assert all(isinstance(j, Job) and j.outputs for j in seen)
    assert recorder.requests[1].url.params["cursor"] == "c1"


def test_async_loras_pager(async_client: AsyncApiframe, recorder: Recorder) -> None:
    recorder.queue(
        reply(200, {"items": [lora("l1")], "nextCursor": "n1"}),
        reply(200, {"items": [lora("l2")], "nextCursor": None}),
        reply(200, {"items": [lora("l1")], "nextCursor": "n1"}),
    )

    async def main() -> tuple[list[str], int]:
        ids = [item.id async for item in async_client.loras.list()]
        first = await async_client.loras.list()
        await async_client.aclose()
        return ids, len(first)

    assert asyncio.run(main()) == (["l1", "l2"], 1)
