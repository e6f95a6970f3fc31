"""Every operation, sync and async: method, path, headers and JSON body on the wire."""

from __future__ import annotations

import asyncio
import io
import json
from typing import Any

import pytest
from unit_support import API_KEY, Recorder, job, reply

from apiframe import AcceptedJob, AsyncAcceptedJob, __version__

ACCEPTED = {"jobId": "job_1", "status": "QUEUED"}
LORA = {
    "id": "lora_1",
    "userId": "u",
    "teamId": "t",
    "name": "me",
    "subjectKind": "person",
    "gender": "female",
    "ethnicity": "x",
    "age": None,
    "status": "READY",
    "imageCount": 15,
    "steps": 1000,
    "loraRank": 16,
    "isReady": True,
    "error": None,
    "createdAt": "2026-11-23T10:00:00Z",
    "startedAt": None,
    "completedAt": None,
    "hasWeights": True,
    "triggerWord": "ohwx",
}
UPLOAD = {
    "id": "up_1",
    "url": "https://x/u.png",
    "kind": "image",
    "contentType": "image/png",
    "byteSize": 3,
    "expiresAt": "2026-11-24T10:00:00Z",
}
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def images(n: int) -> list[bytes]:
    return [PNG] * n


# (name, call, method, path, expected JSON body or None, response body, status)
CASES: list[tuple[str, str, str, str, dict[str, Any] | None, Any, int]] = [
    (
        "images.generate",
        "images.generate(model='midjourney', prompt='a fox', midjourney_params={'aspect_ratio': '16:9'},"
        " webhook_url='https://hooks.test/a', webhook_events=['completed'])",
        "POST",
        "/v2/images/generate",
        {
            "model": "midjourney",
            "prompt": "a fox",
            "midjourneyParams": {"aspect_ratio": "16:9"},
            "webhookUrl": "https://hooks.test/a",
            "webhookEvents": ["completed"],
        },
        ACCEPTED,
        202,
    ),
    (
        "images.upscale",
        "images.upscale(model='topaz-image-upscale', topaz_upscale_params={'image': 'https://x/a.png'})",
        "POST",
        "/v2/images/upscale",
        {"model": "topaz-image-upscale", "topazUpscaleParams": {"image": "https://x/a.png"}},
        ACCEPTED,
        202,
    ),
    (
        "images.edit",
        "images.edit(model='flux-fill-pro', "
        "flux_fill_params={'image': 'https://x/a.png', 'prompt': 'hat', 'mode': 'inpaint'})",
        "POST",
        "/v2/images/edit",
        None,
        ACCEPTED,
        202,
    ),
    (
        "images.remove_background",
        "images.remove_background(model='bria-bg-remove', bria_bg_remove_params={'image': 'https://x/a.png'})",
        "POST",
        "/v2/images/background-remove",
        {"model": "bria-bg-remove", "briaBgRemoveParams": {"image": "https://x/a.png"}},
        ACCEPTED,
        202,
    ),
    (
        "images.midjourney_action",
        "images.midjourney_action(action='upsample', parent_job_id='job_0', index=2)",
        "POST",
        "/v2/images/midjourney/action",
        {"action": "upsample", "parentJobId": "job_0", "index": 2},
        ACCEPTED,
        202,
    ),
    (
        "videos.generate",
        "videos.generate(model='veo-3', prompt='waves')",
        "POST",
        "/v2/videos/generate",
        {"model": "veo-3", "prompt": "waves"},
        ACCEPTED,
        202,
    ),
    (
        "videos.upscale",
        "videos.upscale(model='topaz-video-upscale', "
        "topaz_video_params={'video': 'https://x/a.mp4', 'target_resolution': '1080p', 'target_fps': 30})",
        "POST",
        "/v2/videos/upscale",
        None,
        ACCEPTED,
        202,
    ),
    (
        "videos.edit",
        "videos.edit(model='wan-2.7-videoedit', prompt='snow', wan_27_videoedit_params={'video': 'https://x/a.mp4'})",
        "POST",
        "/v2/videos/edit",
        None,
        ACCEPTED,
        202,
    ),
    (
        "music.generate",
        "music.generate(model='suno', prompt='lofi beat')",
        "POST",
        "/v2/music/generate",
        {"model": "suno", "prompt": "lofi beat"},
        ACCEPTED,
        202,
    ),
    (
        "music.suno_action",
        "music.suno_action(action='extend', parent_job_id='job_0')",
        "POST",
        "/v2/music/suno/action",
        None,
        ACCEPTED,
        202,
    ),
    ("jobs.get", "jobs.get('job_1')", "GET", "/v2/jobs/job_1", None, job(), 200),
    (
        "jobs.list",
        "jobs.list(status='COMPLETED', limit=5)",
        "GET",
        "/v2/jobs",
        None,
        {"jobs": [], "nextCursor": None, "hasMore": False},
        200,
    ),
    (
        "uploads.create",
        "uploads.create(file=PNG, filename='a.png')",
        "POST",
        "/v2/uploads",
        None,
        UPLOAD,
        201,
    ),
    (
        "loras.create",
        "loras.create(name='me', images=images(15), gender='female', ethnicity='x')",
        "POST",
        "/v2/loras",
        None,
        {"id": "lora_1", "status": "PENDING", "imageCount": 15},
        202,
    ),
    (
        "loras.list",
        "loras.list(limit=2)",
        "GET",
        "/v2/loras",
        None,
        {"items": [LORA], "nextCursor": None},
        200,
    ),
    ("loras.get", "loras.get('lora_1')", "GET", "/v2/loras/lora_1", None, LORA, 200),
    ("loras.delete", "loras.delete('lora_1')", "DELETE", "/v2/loras/lora_1", None, None, 204),
    (
        "models.list",
        "models.list(modality='image')",
        "GET",
        "/v2/models",
        None,
        {"models": []},
        200,
    ),
    (
        "me",
        "me()",
        "GET",
        "/v2/me",
        None,
        {"user": {"id": "u", "email": "a@b.c", "role": "OWNER"}, "team": None, "apiKey": None},
        200,
    ),
    (
        "assets.create",
        "assets.create(url='https://x/a.png', type='image')",
        "POST",
        "/v2/assets/create",
        {"url": "https://x/a.png", "type": "image"},
        {"assetId": "as_1"},
        201,
    ),
    ("assets.get", "assets.get('as_1')", "GET", "/v2/assets/as_1", None, {"assetId": "as_1"}, 200),
]


def _respond(recorder: Recorder, body: Any, status: int) -> None:
    if status == 204:
        recorder.queue(reply(204, b""))
    else:
        recorder.queue(reply(status, body, **{"x-request-id": "req_1"}))


def _check(recorder: Recorder, method: str, path: str, expected: dict[str, Any] | None) -> None:
    assert len(recorder.requests) == 1
    request = recorder.requests[0]
    assert request.method == method
    assert request.url.path == path
    assert request.headers["x-api-key"] == API_KEY
    assert request.headers["user-agent"] == f"apiframe-python/{__version__}"
    if method == "POST":
        assert len(request.headers["idempotency-key"]) >= 32
    else:
        assert "idempotency-key" not in request.headers
    if expected is not None:
        assert json.loads(recorder.bodies[0]) == expected


def test_every_operation_is_covered() -> None:
    names = {case[0] for case in CASES}
    assert len(names) == 21
    assert "jobs.wait" not in names  # covered by the waiting tests


@pytest.mark.parametrize(
    ("name", "call", "method", "path", "expected", "body", "status"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_sync(
    client: Any,
    recorder: Recorder,
    name: str,
    call: str,
    method: str,
    path: str,
    expected: dict[str, Any] | None,
    body: Any,
    status: int,
) -> None:
    _respond(recorder, body, status)
    result = eval("client." + call, {"client": client, "PNG": PNG, "images": images, "io": io})
    _check(recorder, method, path, expected)
    if body is ACCEPTED:
        assert isinstance(result, AcceptedJob)
        assert (result.job_id, result.status) == ("job_1", "QUEUED")


@pytest.mark.parametrize(
    ("name", "call", "method", "path", "expected", "body", "status"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_async(
    async_client: Any,
    recorder: Recorder,
    name: str,
    call: str,
    method: str,
    path: str,
    expected: dict[str, Any] | None,
    body: Any,
    status: int,
) -> None:
    _respond(recorder, body, status)

    async def go() -> Any:
        async with async_client:
            return await eval("async_client." + call, {"async_client": async_client, "PNG": PNG, "images": images})

    result = asyncio.run(go())
    _check(recorder, method, path, expected)
    if body is ACCEPTED:
        assert isinstance(result, AsyncAcceptedJob)
        assert result.job_id == "job_1"


def test_query_parameters_use_wire_names(client: Any, recorder: Recorder) -> None:
    recorder.queue(reply(200, {"items": [], "nextCursor": None}))
    client.loras.list(include_archived=True, limit=3)
    assert dict(recorder.requests[0].url.params) == {"includeArchived": "true", "limit": "3"}


def test_whole_request_object_is_accepted(client: Any, recorder: Recorder) -> None:
    from apiframe.types import GenerateImageMidjourney, MidjourneyParams

    recorder.queue(reply(202, ACCEPTED))
    client.images.generate(
        GenerateImageMidjourney(prompt="a fox", midjourney_params=MidjourneyParams(aspect_ratio="1:1"))
    )
    assert recorder.json() == {
        "model": "midjourney",
        "prompt": "a fox",
        "midjourneyParams": {"aspect_ratio": "1:1"},
    }


def test_params_block_as_attrs_class(client: Any, recorder: Recorder) -> None:
    from apiframe.types import MidjourneyParams

    recorder.queue(reply(202, ACCEPTED))
    client.images.generate(model="midjourney", prompt="x", midjourney_params=MidjourneyParams(aspect_ratio="2:3"))
    assert recorder.json()["midjourneyParams"] == {"aspect_ratio": "2:3"}


def test_per_call_headers_and_idempotency_key(client: Any, recorder: Recorder) -> None:
    recorder.queue(reply(202, ACCEPTED))
    client.music.generate(model="suno", prompt="x", idempotency_key="my-key-1", extra_headers={"X-Trace": "t1"})
    headers = recorder.requests[0].headers
    assert headers["idempotency-key"] == "my-key-1"
    assert headers["x-trace"] == "t1"
    assert "idempotency_key" not in recorder.json()


def test_accepted_job_wait_and_get(client: Any, recorder: Recorder) -> None:
    recorder.queue(
        reply(202, ACCEPTED),
        reply(200, job(status="PROCESSING", progress=50)),
        reply(200, job(status="COMPLETED", progress=100, result={"urls": ["https://x/1.png"]})),
    )
    handle = client.images.generate(model="midjourney", prompt="x")
    assert handle.get().status == "PROCESSING"
    assert handle.wait().status == "COMPLETED"
    assert [r.url.path for r in recorder.requests[1:]] == ["/v2/jobs/job_1", "/v2/jobs/job_1"]
