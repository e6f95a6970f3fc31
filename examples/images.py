"""Generate an image with Midjourney, wait for it, then upscale one of the four.

Run: APIFRAME_API_KEY=... python examples/images.py   (or against `apiframe sandbox` with APIFRAME_BASE_URL)
"""

from __future__ import annotations

from apiframe import Apiframe


def main() -> None:
    with Apiframe() as client:
        job = client.images.generate(
            model="midjourney",
            prompt="a lighthouse on a cliff at dawn, oil painting",
            midjourney_params={"aspect_ratio": "16:9"},
        ).wait(on_progress=lambda j: print(f"  {j.status} {j.progress or 0}%"))
        print("grid:", job.result, "request id:", job._request_id)
        upscaled = client.images.midjourney_action(action="upsample", parent_job_id=job.id, index=2).wait()
        print("upsampled:", upscaled.result)
        no_background = client.images.remove_background(
            model="bria-bg-remove", bria_bg_remove_params={"image": "https://example.com/portrait.png"}
        ).wait()
        print("background removed:", no_background.result)


if __name__ == "__main__":
    main()
