"""One side of the throughput benchmark, run by ``bench/run.py`` in a venv of its own.

``python bench/_throughput.py SIDE BASE_URL REQUESTS CONCURRENCY`` sends REQUESTS ``GET /v2/jobs/{id}``
through SIDE with CONCURRENCY workers (after a warm-up that opens the pool), and prints one JSON
line: the wall-clock seconds and the CPU seconds of this process for the measured requests.

SIDE is ``raw`` or ``raw-sniffio`` (``httpx.AsyncClient()`` with its defaults, plus ``json.loads``;
the two differ only by the venv they run in), ``sdk``
(``AsyncApiframe`` as it comes) or ``aiohttp`` (``AsyncApiframe(http_backend="aiohttp")``).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from collections.abc import Awaitable, Callable

JOB_ID = "0b6f4c1e-2f7a-4d3b-9a53-0d9e3f1c2b7a"
API_KEY = "afk_bench_key"


async def _run(side: str, base: str, requests: int, concurrency: int) -> dict[str, float]:
    import httpx

    one: Callable[[], Awaitable[object]]
    if side.startswith("raw"):
        http = httpx.AsyncClient()
        url = f"{base}/v2/jobs/{JOB_ID}"
        headers = {"X-API-Key": API_KEY, "Accept": "application/json"}

        async def one() -> object:
            return json.loads((await http.get(url, headers=headers)).content)

        close = http.aclose
    else:
        from apiframe import AsyncApiframe

        backend = "aiohttp" if side == "aiohttp" else "httpx"
        client = AsyncApiframe(api_key=API_KEY, base_url=base, http_backend=backend)

        async def one() -> object:
            return await client.jobs.get(JOB_ID)

        close = client.aclose

    async def work(count: int) -> None:
        left = iter(range(count))

        async def worker() -> None:
            for _ in left:
                await one()

        await asyncio.gather(*(worker() for _ in range(concurrency)))

    await work(max(concurrency * 4, requests // 20))  # warm up: open the pool, fill the caches
    started, cpu = time.perf_counter(), time.process_time()
    await work(requests)
    result = {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu}
    await close()
    return result


def main() -> None:
    side, base, requests, concurrency = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    print(json.dumps(asyncio.run(_run(side, base, requests, concurrency))), flush=True)


if __name__ == "__main__":
    main()
