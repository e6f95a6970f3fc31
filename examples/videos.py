"""Generate a video with Veo 3 and keep the job id to resume the wait later.

Run: APIFRAME_API_KEY=... python examples/videos.py
"""

from __future__ import annotations

from apiframe import Apiframe, WaitTimeoutError


def main() -> None:
    with Apiframe() as client:
        handle = client.videos.generate(model="veo-3", prompt="waves rolling onto a beach at sunset")
        print("submitted", handle.job_id)
        try:
            job = handle.wait(timeout=900)
        except WaitTimeoutError as error:
            print(f"still running ({error.last.status if error.last else 'unknown'}); resume with jobs.wait")
            job = client.jobs.wait(error.job_id, timeout=900)
        print("video:", job.result)


if __name__ == "__main__":
    main()
