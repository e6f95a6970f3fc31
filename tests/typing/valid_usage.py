"""Calls that must type-check under mypy --strict and pyright (checked by `make typecheck`)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import redis

from apiframe import (
    NOT_GIVEN,
    AcceptedJob,
    Apiframe,
    AsyncAcceptedJob,
    AsyncApiframe,
    AsyncPage,
    Job,
    Lora,
    RawResponse,
    WaitPolicy,
    WaitTimeoutError,
)
from apiframe import types as api_types
from apiframe.types import GenerateImageMidjourney, MidjourneyParams, Upload
from apiframe.webhooks import PushSource, RedisWebhookHub


def sync_calls(client: Apiframe) -> None:
    handle: AcceptedJob = client.images.generate(
        model="midjourney", prompt="a fox", midjourney_params={"aspect_ratio": "16:9"}, webhook_events=["completed"]
    )
    job: Job = handle.wait(timeout=60, on_progress=lambda j: print(j.progress))
    print(job.result, job.status, [output.url for output in job.outputs])
    paths: list[Path] = client.jobs.download(job, "results", on_progress=lambda p: print(p.received, p.total))
    print(paths[0].name, client.jobs.download("job-id", Path("results"), overwrite=True))
    client.images.generate(model="flux-1.1-pro", prompt="x")
    client.images.generate(model="midjourney", prompt="x", midjourney_params=MidjourneyParams(aspect_ratio="1:1"))
    client.images.generate(GenerateImageMidjourney(prompt="a whole request object"))
    client.images.midjourney_action(action="upsample", parent_job_id=job.id, index=2)
    client.images.generate(model="midjourney", prompt="x", idempotency_key="k", timeout=5.0, max_retries=0)
    client.videos.generate(model="veo-3", prompt="waves")
    client.music.generate(model="suno", prompt="lofi")
    upload: Upload = client.uploads.create(file=b"\x89PNG\r\n\x1a\n", filename="a.png")
    print(upload.url)
    for item in client.jobs.list(limit=5):
        print(item.id, item.outputs)  # list items are the same Job class as get and wait return
    same: api_types.Job = client.jobs.get("job-id")
    me = client.me()
    print(same.outputs, same.input, me.team.credits if me.team else None)
    client.jobs.wait("job-id", timeout=None)  # no deadline
    client.jobs.wait("job-id", policy=WaitPolicy(interval=0.5), timeout=NOT_GIVEN)
    client.assets.create(url="https://cdn.example/a.png", type="image")
    client.images.generate(model="a-model-this-sdk-does-not-know", validate=False, extra_body={"prompt": "x"})
    client.images.generate(model="midjourney", prompt="x", extra_body={"newKey": 1}, extra_query={"beta": "1"})
    raw_handle: RawResponse[AcceptedJob] = client.images.with_raw_response.generate(model="midjourney", prompt="x")
    raw_job: RawResponse[Job] = client.with_raw_response.jobs.get("job-id")
    print(raw_handle.request_id, raw_handle.headers.get("x-ratelimit-remaining"), raw_job.parse().outputs)
    print(client.with_raw_response.loras.delete("lora-id").status_code, handle._request_id, job._response)
    try:
        client.jobs.wait("job-id", timeout=1)
    except WaitTimeoutError as error:
        print(error.job_id, error.last)


async def async_calls(client: AsyncApiframe) -> None:
    handle: AsyncAcceptedJob = await client.images.generate(model="midjourney", prompt="a fox")
    job: Job = await handle.wait()
    saved: list[Path] = await client.jobs.download(job, "results")
    print(job.id, saved)
    async for done in client.jobs.wait_many([handle]):
        print(done.status)
    page = await client.jobs.list()
    async for item in page:
        print(item.id)
    async for listed in client.jobs.list(limit=10):  # every job of every page, no await first
        print(listed.outputs)
    loras: AsyncPage[Lora] = await client.loras.list()
    async for lora in client.loras.list():
        print(lora.id, len(loras))
    await handle.wait(timeout=None)
    raw_page = await client.jobs.with_raw_response.list()
    print(raw_page.request_id, raw_page.parse().jobs[0].outputs)
    raw_me = await client.with_raw_response.me()
    print(raw_me.parse().user.email)


def construct() -> None:
    Apiframe(api_key="afk_x", timeout=httpx.Timeout(10.0), max_retries=3, http_client=httpx.Client())
    asyncio.run(async_calls(AsyncApiframe(api_key="afk_x")))
    hub = RedisWebhookHub(client=redis.Redis(), api_key="afk_x")  # any sync redis-py client
    Apiframe(api_key="afk_x", push=PushSource(hub, "https://you.example/hook")).close()
