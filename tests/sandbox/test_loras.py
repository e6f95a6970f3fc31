"""LoRA training: create from 15-30 images, lifecycle via the same-id job, list/get/delete."""

from __future__ import annotations

from typing import Any

import httpx
from sandbox_helpers import ClientFactory, png_bytes, wait_for

from apiframe.testing import FAIL_TRIGGER, LORA_JOB_MODEL, ManualClock, Sandbox, SandboxConfig


def _images(count: int) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("images", (f"{i}.png", png_bytes(f"face {i}"), "image/png")) for i in range(count)]


def _create(client: httpx.Client, count: int = 15, **fields: Any) -> httpx.Response:
    data = {"name": "Ada", "subjectKind": "person", "gender": "female", "ethnicity": "any"}
    data.update({k: str(v) for k, v in fields.items()})
    return client.post("/v2/loras", data=data, files=_images(count))


def test_lora_lifecycle_through_its_job(sandbox: Sandbox, client: httpx.Client) -> None:
    before = sandbox.job_count()
    response = _create(client, steps=800, loraRank=32)
    assert response.status_code == 202, response.text
    created = response.json()
    assert created["status"] == "PENDING" and created["imageCount"] == 15
    lora_id = created["id"]
    assert created["jobId"] == lora_id
    assert sandbox.job_count() == before + 1

    job = wait_for(client, lora_id)
    assert job["status"] == "COMPLETED" and job["model"] == LORA_JOB_MODEL
    assert job["result"]["loraId"] == lora_id
    lora = client.get(f"/v2/loras/{lora_id}").json()
    assert lora["status"] == "READY" and lora["isReady"] and lora["hasWeights"]
    assert (lora["steps"], lora["loraRank"], lora["gender"]) == (800, 32, "female")
    assert lora["startedAt"] and lora["completedAt"] and lora["triggerWord"]


def test_lora_statuses_follow_the_clock(make_client: ClientFactory) -> None:
    clock = ManualClock(start=1_800_000_000.0)
    with Sandbox(SandboxConfig(job_seconds=10), clock=clock) as sandbox:
        client = make_client(sandbox)
        lora_id = _create(client).json()["id"]
        statuses = []
        for step in (0, 5, 5):
            clock.advance(step)
            statuses.append(client.get(f"/v2/loras/{lora_id}").json()["status"])
        assert statuses == ["PENDING", "TRAINING", "READY"]


def test_lora_failure_via_name(client: httpx.Client) -> None:
    lora_id = _create(client, name=f"broken {FAIL_TRIGGER}").json()["id"]
    assert wait_for(client, lora_id)["status"] == "FAILED"
    lora = client.get(f"/v2/loras/{lora_id}").json()
    assert lora["status"] == "FAILED" and lora["error"] and not lora["isReady"]


def test_lora_validation(client: httpx.Client) -> None:
    too_few = _create(client, count=14)
    assert too_few.status_code == 400
    assert "images" in too_few.json()["details"]
    too_many = _create(client, count=31)
    assert too_many.status_code == 400
    no_gender = client.post("/v2/loras", data={"name": "Bo", "ethnicity": "x"}, files=_images(15))
    assert no_gender.status_code == 400
    assert "gender" in no_gender.json()["details"]
    style = client.post("/v2/loras", data={"name": "Ink", "subjectKind": "style"}, files=_images(15))
    assert style.status_code == 202
    bad_steps = _create(client, steps=10)
    assert "steps" in bad_steps.json()["details"]
    files = _images(15)
    files[3] = ("images", ("x.gif", b"GIF89a" + b"\0" * 20, "image/gif"))
    gif = client.post("/v2/loras", data={"name": "G", "subjectKind": "object"}, files=files)
    assert gif.status_code == 400
    assert "images.3" in gif.json()["details"]


def test_lora_list_get_delete(client: httpx.Client, make_client: ClientFactory, sandbox: Sandbox) -> None:
    ids = [_create(client, name=f"set {i}").json()["id"] for i in range(3)]
    first = client.get("/v2/loras", params={"limit": 2}).json()
    assert [item["id"] for item in first["items"]] == ids[::-1][:2]
    assert first["nextCursor"] == ids[1]
    rest = client.get("/v2/loras", params={"limit": 2, "cursor": first["nextCursor"]}).json()
    assert rest["items"][0]["id"] == ids[0]

    assert client.delete(f"/v2/loras/{ids[2]}").status_code == 204
    assert client.delete(f"/v2/loras/{ids[2]}").status_code == 204
    assert client.get(f"/v2/loras/{ids[2]}").json()["status"] == "ARCHIVED"
    visible = {item["id"] for item in client.get("/v2/loras", params={"limit": 100}).json()["items"]}
    assert ids[2] not in visible and ids[1] in visible
    everything = client.get("/v2/loras", params={"limit": 100, "includeArchived": "true"}).json()
    assert ids[2] in {item["id"] for item in everything["items"]}
    teammate = make_client(sandbox, key="afk_teammate")
    assert teammate.get(f"/v2/loras/{ids[0]}").status_code == 200
    bad_cursor = client.get("/v2/loras", params={"cursor": "00000000-0000-4000-8000-000000000000"})
    assert bad_cursor.status_code == 400


def test_lora_needs_credits(sandbox: Sandbox, make_client: ClientFactory) -> None:
    broke = make_client(sandbox, key="afk_nocredits_lora")
    response = _create(broke)
    assert response.status_code == 402
    assert response.json()["creditsRequired"] == sandbox.config.cost("lora")
