"""One upload in a fresh process, for the upload benchmark.

``python bench/_upload.py sdk|raw BASE_URL API_KEY PATH`` uploads the file and prints JSON:
seconds taken and the peak resident memory growth over the baseline measured just before.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def rss_bytes() -> int:
    """The process's current resident set size."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def main() -> None:
    side, base_url, api_key, path = sys.argv[1:5]
    import httpx

    from apiframe import Apiframe

    http = httpx.Client(timeout=600)
    client = Apiframe(api_key=api_key, base_url=base_url, http_client=http, timeout=600)
    baseline = rss_bytes()
    started = time.perf_counter()
    if side == "sdk":
        upload = client.uploads.create(path)
        size = upload.byte_size
    else:
        with open(path, "rb") as source:
            response = http.post(
                f"{base_url}/v2/uploads",
                files={"file": ("bench.mp4", source, "video/mp4")},
                headers={"X-API-Key": api_key},
            )
        response.raise_for_status()
        size = response.json()["byteSize"]
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    print(json.dumps({"seconds": seconds, "growth": max(0, peak - baseline), "size": size}))


if __name__ == "__main__":
    main()
