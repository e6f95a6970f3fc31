"""The Python sides of the call-overhead benchmark, run by ``bench/run.py`` in a process of their own.

``python bench/_calls.py BASE_URL API_KEY JOB_ID COUNT`` makes COUNT sequential ``GET /v2/jobs/{id}``
calls through each of two sides, alternating call by call (after 200 warm-up calls each), and prints
one JSON line: each side's per-call seconds. The sides are ``raw`` (``httpx.Client`` GET plus
``json.loads``) and ``sdk`` (``Apiframe.jobs.get``), each on a client of its own.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

import httpx

from apiframe import Apiframe


def main() -> None:
    base, key, job_id, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    raw = httpx.Client()
    client = Apiframe(api_key=key, base_url=base)
    url = f"{base}/v2/jobs/{job_id}"
    headers = {"X-API-Key": key, "Accept": "application/json"}

    def raw_call() -> object:
        return json.loads(raw.get(url, headers=headers).content)

    def sdk_call() -> object:
        return client.jobs.get(job_id)

    sides: list[tuple[str, Callable[[], object], list[float]]] = [("raw", raw_call, []), ("sdk", sdk_call, [])]
    for _ in range(200):
        for _, call, _ in sides:
            call()
    clock = time.perf_counter
    for n in range(count):
        for _, call, samples in sides if n % 2 == 0 else sides[::-1]:
            started = clock()
            call()
            samples.append(clock() - started)
    client.close()
    raw.close()
    print(json.dumps({name: samples for name, _, samples in sides}), flush=True)


if __name__ == "__main__":
    main()
