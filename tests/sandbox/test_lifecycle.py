"""Job lifecycle on a manual clock: statuses, progress, credits, results, expiry."""

from __future__ import annotations

from typing import Any

import httpx
from sandbox_helpers import ClientFactory, png_size, submit, wait_for, wav_frames

from apiframe.testing import FAIL_TRIGGER, ManualClock, Sandbox


def _job(client: httpx.Client, job_id: str) -> dict[str, Any]:
    data: dict[str, Any] = client.get(f"/v2/jobs/{job_id}").json()
    return data


def test_job_moves_queued_processing_completed(manual: tuple[Sandbox, ManualClock], make_client: ClientFactory) -> None:
    sandbox, clock = manual
    client = make_client(sandbox)
    credits_before = client.get("/v2/me").json()["team"]["credits"]
    job_id = submit(client, "/v2/images/generate", {"model": "imagen-4", "prompt": "a red fox"})

    queued = _job(client, job_id)
    assert (queued["status"], queued["progress"], queued["result"]) == ("QUEUED", 0, None)
    assert queued["creditCost"] is None and queued["completedAt"] is None

    seen = []
    for _ in range(9):
        clock.advance(1.0)
        job = _job(client, job_id)
        assert job["status"] == "PROCESSING"
        seen.append(job["progress"])
    assert seen == sorted(seen) and seen[0] < seen[-1] < 100

    clock.advance(1.0)
    done = _job(client, job_id)
    assert done["status"] == "COMPLETED"
    assert done["progress"] == 100
    cost = sandbox.config.cost("image")
    assert done["creditCost"] == cost
    assert done["completedAt"] is not None and done["expired"] is False
    assert client.get("/v2/me").json()["team"]["credits"] == credits_before - cost

    clock.advance(60)
    assert _job(client, job_id)["creditCost"] == cost
    assert client.get("/v2/me").json()["team"]["credits"] == credits_before - cost


def test_fail_trigger_ends_failed_without_charge(
    manual: tuple[Sandbox, ManualClock], make_client: ClientFactory
) -> None:
    sandbox, clock = manual
    client = make_client(sandbox)
    job_id = submit(client, "/v2/videos/generate", {"model": "veo-3", "prompt": f"a storm {FAIL_TRIGGER}"})
    clock.advance(4.0)
    assert _job(client, job_id)["status"] == "PROCESSING"
    clock.advance(1.0)
    failed = _job(client, job_id)
    assert failed["status"] == "FAILED"
    assert FAIL_TRIGGER in str(failed["error"])
    assert failed["creditCost"] is None and failed["result"] is None
    assert sandbox.credits_spent() == 0


def test_models_without_prompt_fail_on_trigger_in_any_string(
    manual: tuple[Sandbox, ManualClock], make_client: ClientFactory
) -> None:
    sandbox, clock = manual
    client = make_client(sandbox)
    job_id = submit(
        client,
        "/v2/images/upscale",
        {
            "model": "clarity-upscale",
            "clarityUpscaleParams": {"image": f"https://x.test/{FAIL_TRIGGER}.png"},
        },
    )
    clock.advance(10)
    assert _job(client, job_id)["status"] == "FAILED"


def test_expired_flips_after_retention_and_files_404(
    manual: tuple[Sandbox, ManualClock], make_client: ClientFactory
) -> None:
    sandbox, clock = manual
    client = make_client(sandbox)
    job_id = submit(client, "/v2/images/generate", {"model": "dall-e-3", "prompt": "a kite"})
    clock.advance(10)
    done = _job(client, job_id)
    url = done["result"]["urls"][0]
    assert client.get(url).status_code == 200
    clock.advance(sandbox.config.result_retention_seconds)
    expired = _job(client, job_id)
    assert expired["expired"] is True
    assert expired["status"] == "COMPLETED"
    assert client.get(url).status_code == 404


def test_result_files_are_real_media(client: httpx.Client) -> None:
    image = submit(client, "/v2/images/generate", {"model": "midjourney", "prompt": "a cat"})
    video = submit(client, "/v2/videos/generate", {"model": "sora-2", "prompt": "a cat"})
    music = submit(client, "/v2/music/generate", {"model": "suno", "prompt": "a cat"})
    other = submit(client, "/v2/images/generate", {"model": "midjourney", "prompt": "a dog"})

    image_job = wait_for(client, image)
    assert len(image_job["result"]["outputs"]) == 4  # a Midjourney grid
    first = client.get(image_job["result"]["urls"][0])
    assert first.headers["content-type"] == "image/png"
    assert png_size(first.content) == (1024, 1024)  # no size asked: a square of 1024
    again = client.get(image_job["result"]["urls"][0])
    assert again.content == first.content
    different = client.get(wait_for(client, other)["result"]["urls"][0])
    assert png_size(different.content) == (1024, 1024)
    assert different.content != first.content

    video_job = wait_for(client, video)
    clip = client.get(video_job["result"]["urls"][0])
    assert clip.headers["content-type"] == "video/mp4"
    assert clip.content[4:12] == b"ftypisom"  # decoded frame by frame in tests/sandbox/test_mp4.py

    music_job = wait_for(client, music)
    outputs = music_job["result"]["outputs"]
    assert len(outputs) == 2 and all(o["trackId"] for o in outputs)
    track = client.get(outputs[0]["url"])
    assert track.headers["content-type"] == "audio/wav"
    assert wav_frames(track.content) > 1000


def test_unknown_result_file_is_404(client: httpx.Client) -> None:
    job_id = submit(client, "/v2/images/generate", {"model": "reve-create", "prompt": "tea"})
    done = wait_for(client, job_id)
    url = done["result"]["urls"][0]
    assert client.get(url.replace("/1.png", "/9.png")).status_code == 404
    assert client.get(url.replace("/1.png", "/1.wav")).status_code == 404
