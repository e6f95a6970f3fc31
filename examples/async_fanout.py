"""Submit several jobs concurrently with the async client and handle them as they finish.

Run: APIFRAME_API_KEY=... python examples/async_fanout.py
"""

from __future__ import annotations

import asyncio

from apiframe import AsyncApiframe


async def main() -> None:
    async with AsyncApiframe() as client:
        handles = await asyncio.gather(
            client.images.generate(model="midjourney", prompt="a fox in the snow"),
            client.videos.generate(model="veo-3", prompt="a fox running through snow"),
            client.music.generate(model="suno", prompt="a winter lullaby"),
        )
        async for job in client.jobs.wait_many(handles, timeout=900):  # in completion order
            if job.status == "FAILED":
                print(job.id, "failed:", job.error)
            else:
                print(job.id, job.model, job.status, job.result)


if __name__ == "__main__":
    asyncio.run(main())
