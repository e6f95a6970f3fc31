"""The whole SDK, sync and async, over real HTTP against the local sandbox on 127.0.0.1."""

from __future__ import annotations

import asyncio
import contextlib
import http.server
import json
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from apiframe import (
    Apiframe,
    AsyncApiframe,
    AuthenticationError,
    InsufficientCreditsError,
    InvalidRequestError,
    JobFailedError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    ValidationError,
)
from apiframe.testing import Sandbox, SandboxConfig
from apiframe.testing._media import make_png

PNG = make_png("face")


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.3, seed=7)) as running:
        yield running


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[Apiframe]:
    with Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as c:
        yield c


def fast_wait(handle: Any, **kwargs: Any) -> Any:
    return handle.wait(interval=0.05, max_interval=0.2, timeout=20, **kwargs)


SUBMISSIONS: list[tuple[str, dict[str, Any]]] = [
    ("images.generate", {"model": "midjourney", "prompt": "a red fox", "midjourney_params": {"aspect_ratio": "1:1"}}),
    ("images.generate", {"model": "flux-1.1-pro", "prompt": "a lighthouse"}),
    ("images.upscale", {"model": "topaz-image-upscale", "topaz_upscale_params": {"image": "https://x.test/a.png"}}),
    (
        "images.edit",
        {
            "model": "flux-fill-pro",
            "flux_fill_params": {"image": "https://x.test/a.png", "prompt": "hat", "mode": "inpaint"},
        },
    ),
    (
        "images.remove_background",
        {"model": "bria-bg-remove", "bria_bg_remove_params": {"image": "https://x.test/a.png"}},
    ),
    ("videos.generate", {"model": "veo-3", "prompt": "waves at dusk"}),
    (
        "videos.upscale",
        {
            "model": "topaz-video-upscale",
            "topaz_video_params": {"video": "https://x.test/a.mp4", "target_resolution": "1080p", "target_fps": 30},
        },
    ),
    (
        "videos.edit",
        {"model": "wan-2.7-videoedit", "prompt": "snow", "wan_27_videoedit_params": {"video": "https://x.test/a.mp4"}},
    ),
    ("music.generate", {"model": "suno", "prompt": "lofi beat"}),
]


def _method(client: Any, dotted: str) -> Any:
    resource, name = dotted.split(".")
    return getattr(getattr(client, resource), name)


@pytest.mark.parametrize(("call", "kwargs"), SUBMISSIONS, ids=[f"{c}-{k['model']}" for c, k in SUBMISSIONS])
def test_submit_and_wait_sync(client: Apiframe, sandbox: Sandbox, call: str, kwargs: dict[str, Any]) -> None:
    handle = _method(client, call)(**kwargs)
    assert handle.status == "QUEUED"
    progress: list[int] = []
    job = fast_wait(handle, on_progress=lambda j: progress.append(j.progress or 0))
    assert job.status == "COMPLETED" and job.id == handle.job_id
    assert progress[-1] == 100 and progress == sorted(progress)
    assert job.result is not None
    assert sandbox.job_count() == 1


def test_every_submission_async(sandbox: Sandbox) -> None:
    async def go() -> list[str]:
        async with AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
            handles = [await _method(client, call)(**kwargs) for call, kwargs in SUBMISSIONS]
            done = [job async for job in client.jobs.wait_many(handles, interval=0.05, max_interval=0.2, timeout=20)]
            return sorted(str(job.status) for job in done)

    assert asyncio.run(go()) == ["COMPLETED"] * len(SUBMISSIONS)
    assert sandbox.job_count() == len(SUBMISSIONS)


def test_actions_on_parent_jobs(client: Apiframe) -> None:
    parent = fast_wait(client.images.generate(model="midjourney", prompt="a castle"))
    upsample = fast_wait(client.images.midjourney_action(action="upsample", parent_job_id=parent.id, index=2))
    assert upsample.status == "COMPLETED"
    song = fast_wait(client.music.generate(model="suno", prompt="a ballad"))
    extended = fast_wait(client.music.suno_action(action="extend", parent_job_id=song.id))
    assert extended.status == "COMPLETED"
    with pytest.raises(NotFoundError):
        client.images.midjourney_action(action="upsample", parent_job_id=str(uuid.uuid4()), index=1)


def test_failed_job_raises_with_the_reason(client: Apiframe) -> None:
    handle = client.images.generate(model="midjourney", prompt="a cat sandbox-fail")
    with pytest.raises(JobFailedError) as caught:
        fast_wait(handle)
    assert caught.value.job.status == "FAILED" and caught.value.job.error


def test_jobs_get_list_and_pagination(client: Apiframe) -> None:
    ids = {client.images.generate(model="midjourney", prompt=f"fox {n}").job_id for n in range(5)}
    assert client.jobs.get(next(iter(ids))).id in ids
    page = client.jobs.list(limit=2)
    assert len(page.jobs) == 2 and page.has_more
    assert {job.id for job in page} == ids


def test_idempotent_replay_returns_the_same_job(client: Apiframe, sandbox: Sandbox) -> None:
    key = str(uuid.uuid4())
    first = client.videos.generate(model="veo-3", prompt="rain", idempotency_key=key)
    second = client.videos.generate(model="veo-3", prompt="rain", idempotency_key=key)
    assert first.job_id == second.job_id
    assert sandbox.job_count() == 1


def test_retries_through_injected_faults_never_duplicate(client: Apiframe, sandbox: Sandbox) -> None:
    sandbox.set_faults(rate_503=0.3, drop_after=0.2, retry_after_seconds=0, seed=3)
    returned = []
    for n in range(20):
        with contextlib.suppress(ServerError, RateLimitError):
            returned.append(
                client.with_options(max_retries=6).images.generate(model="midjourney", prompt=f"p{n}").job_id
            )
    sandbox.clear_faults()
    assert len(set(returned)) == len(returned)
    assert sandbox.job_count() <= 20 and sandbox.job_count() >= len(returned)
    assert len(returned) >= 15


def test_upload_real_file_and_lora_training(client: Apiframe, tmp_path: Path) -> None:
    path = tmp_path / "face.png"
    path.write_bytes(PNG)
    upload = client.uploads.create(file=path)
    assert upload.byte_size == len(PNG) and upload.content_type == "image/png"
    created = client.loras.create(name="me", images=[PNG] * 15, gender="female", ethnicity="any")
    assert created.image_count == 15
    lora = client.loras.get(created.id)
    assert lora.id == created.id
    assert created.id in {item.id for item in client.loras.list()}
    client.loras.delete(created.id)  # archives it
    assert client.loras.get(created.id).status == "ARCHIVED"
    assert created.id not in {item.id for item in client.loras.list()}
    assert created.id in {item.id for item in client.loras.list(include_archived=True)}
    with pytest.raises(NotFoundError):
        client.loras.get(str(uuid.uuid4()))


def test_lora_image_count_checked_before_sending(client: Apiframe, sandbox: Sandbox) -> None:
    with pytest.raises(InvalidRequestError, match="15-30"):
        client.loras.create(name="me", images=[PNG] * 3, gender="female", ethnicity="any")


def test_models_me_assets(client: Apiframe) -> None:
    catalog = client.models.list(modality="image")
    assert any(entry.id == "midjourney" for entry in catalog.models)
    me = client.me()
    assert me.user.email
    asset = client.assets.create(url="https://x.test/a.png", type="image")
    assert client.assets.get(asset.asset_id)


NO_JOB = str(uuid.uuid4())


def test_error_statuses(sandbox: Sandbox, client: Apiframe) -> None:
    with pytest.raises(ValidationError) as invalid:
        client._session.run(client._session.request("POST", "/v2/images/generate", json={"model": "midjourney"}))
    assert invalid.value.status_code == 400 and invalid.value.details
    with pytest.raises(AuthenticationError):
        client.with_options(api_key="not-a-key").me()
    with pytest.raises(InsufficientCreditsError) as broke:
        client.with_options(api_key="afk_nocredits_1").images.generate(model="midjourney", prompt="x")
    assert broke.value.credits_required is not None
    with pytest.raises(PermissionDeniedError):
        client.with_options(api_key="afk_forbidden_1").images.generate(model="midjourney", prompt="x")
    with pytest.raises(NotFoundError) as missing:
        client.jobs.get(NO_JOB)
    assert missing.value.request_id
    sandbox.set_faults(rate_429=1.0, retry_after_seconds=0)
    with pytest.raises(RateLimitError):
        client.jobs.get(NO_JOB, max_retries=1)
    sandbox.set_faults(rate_500=1.0)
    with pytest.raises(ServerError):
        client.jobs.get(NO_JOB, max_retries=1)
    sandbox.clear_faults()


class _Receiver:
    def __init__(self) -> None:
        self.received: list[tuple[bytes, str | None]] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                outer.received.append((body, self.headers.get("X-Webhook-Signature")))
                self.send_response(200)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_webhooks_are_verified_with_apiframe_webhooks(client: Apiframe, sandbox: Sandbox) -> None:
    from apiframe.webhooks import parse_webhook, verify_webhook

    receiver = _Receiver()
    try:
        handle = client.images.generate(
            model="midjourney", prompt="hooked", webhook_url=receiver.url, webhook_events=["progress", "completed"]
        )
        fast_wait(handle)
        assert sandbox.wait_for_webhooks(timeout=10)
    finally:
        receiver.close()
    assert receiver.received
    for body, signature in receiver.received:
        assert verify_webhook(api_key=sandbox.api_key, body=body, signature=signature)
        assert not verify_webhook(api_key="afk_other", body=body, signature=signature)
        event = parse_webhook(api_key=sandbox.api_key, body=body, signature=signature)
        assert event.job_id == handle.job_id
    kinds = [json.loads(body).get("event") or json.loads(body).get("type") for body, _ in receiver.received]
    assert "completed" in kinds


def test_the_other_operations_async(sandbox: Sandbox, tmp_path: Path) -> None:
    path = tmp_path / "in.png"
    path.write_bytes(PNG)

    async def go() -> None:
        async with AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
            assert (await client.me()).user.email
            assert (await client.models.list()).models
            upload = await client.uploads.create(file=path)
            assert upload.byte_size == len(PNG)
            parent = await (await client.images.generate(model="midjourney", prompt="async parent")).wait(
                interval=0.05, timeout=20
            )
            action = await client.images.midjourney_action(action="variation", parent_job_id=parent.id, index=1)
            assert (await client.jobs.get(action.job_id)).id == action.job_id
            song = await (await client.music.generate(model="suno", prompt="a song")).wait(interval=0.05, timeout=20)
            await client.music.suno_action(action="extend", parent_job_id=song.id)
            page = await client.jobs.list(limit=1)
            assert len([job async for job in page]) == 4
            lora = await client.loras.create(name="async", images=[path] * 15, gender="male", ethnicity="any")
            assert (await client.loras.get(lora.id)).id == lora.id
            assert lora.id in {item.id for item in (await client.loras.list()).items}
            await client.loras.delete(lora.id)
            asset = await client.assets.create(url="https://x.test/b.png", type="image")
            assert await client.assets.get(asset.asset_id)

    asyncio.run(go())
