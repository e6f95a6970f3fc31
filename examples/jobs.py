"""List recent jobs page by page and wait for several jobs at once.

Run: APIFRAME_API_KEY=... python examples/jobs.py
"""

from __future__ import annotations

from apiframe import Apiframe


def main() -> None:
    with Apiframe() as client:
        handles = [client.images.generate(model="flux-1.1-pro", prompt=f"a paper boat, style {n}") for n in range(3)]
        for job in client.jobs.wait_many(handles, timeout=600):
            print(job.id, job.status)
        page = client.jobs.list(limit=2)
        print("first page:", [job.id for job in page.jobs], "more:", page.has_more)
        for n, item in enumerate(page):  # walks every page lazily
            if n >= 10:
                break
            print(" ", item.id, item.model, item.status)
        print("one job:", client.jobs.get(handles[0].job_id).status)


if __name__ == "__main__":
    main()
