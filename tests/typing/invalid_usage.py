"""Calls the type checkers must reject: each line ending in ``# expect-error`` (see test_typing.py)."""

from __future__ import annotations

import redis.asyncio

from apiframe import Apiframe, AsyncApiframe
from apiframe.types import Job
from apiframe.webhooks import RedisWebhookHub

client = Apiframe(api_key="afk_x")
client.images.generate(model="midjurney", prompt="misspelt model")  # expect-error
client.images.generate(model="midjourney", prompt="x", flux_params={"steps": 20})  # expect-error
client.images.generate(model="midjourney", prompt="x", midjourney_params={"aspect": "16:9"})  # expect-error
client.images.generate(model="midjourney", prompt="x", webhook_events=["done"])  # expect-error
client.images.generate(model="midjourney", prompt=42)  # expect-error
client.videos.generate(model="midjourney", prompt="an image model on the video resource")  # expect-error
client.images.midjourney_action(action="zoom", parent_job_id="j", index=1)  # expect-error
client.images.generate(model="midjourney", prompt="x", idempotency_key=123)  # expect-error
client.jobs.get(123)  # expect-error
client.models.list(modality="audio")  # expect-error
job: Job = client.images.generate(model="midjourney", prompt="x")  # expect-error
client.images.generate(model="midjourney", prompt="x", negative_prompt="blur")  # expect-error
client.images.generate(model="a-model-this-sdk-does-not-know", prompt="x")  # expect-error
client.images.generate(model="midjourney", prompt="x", extra_body=["not", "a", "mapping"])  # expect-error
client.jobs.wait("job-id", policy=5)  # expect-error
client.assets.create(url="https://cdn.example/a.png", type_="image")  # expect-error
print(client.me().team.credits_)  # expect-error
client.images.with_raw_response.generate(model="midjurney", prompt="x")  # expect-error
number: int = client.jobs.with_raw_response.get("id").parse()  # expect-error
RedisWebhookHub(client="redis://localhost:6379/0")  # expect-error
RedisWebhookHub(client=redis.asyncio.Redis())  # expect-error


async def use_async(a: AsyncApiframe) -> None:
    job: Job = await a.jobs.get("id")
    handle = a.images.generate(model="midjourney", prompt="x")
    print(handle.job_id)  # expect-error
    print(job)
    for item in a.jobs.list():  # expect-error
        print(item)
