"""--db: a restarted sandbox keeps jobs, uploads, idempotency keys, LoRAs and credits."""

from __future__ import annotations

from pathlib import Path

from sandbox_helpers import ClientFactory, png_bytes, submit, wait_for

from apiframe.testing import Sandbox, SandboxConfig


def test_restart_keeps_state(tmp_path: Path, make_client: ClientFactory) -> None:
    config = SandboxConfig(job_seconds=0.1, db_path=str(tmp_path / "sandbox.db"))
    key = {"Idempotency-Key": "persisted"}
    body = {"model": "flux-2-dev", "prompt": "a quiet harbour"}
    with Sandbox(config) as first:
        client = make_client(first)
        done = submit(client, "/v2/images/generate", body)
        wait_for(client, done)
        pending_config = SandboxConfig(job_seconds=0.1, db_path=config.db_path)
        replayed = submit(client, "/v2/images/generate", body, headers=key)
        upload = client.post("/v2/uploads", files={"file": ("p.png", png_bytes("kept"))}).json()
        asset = client.post("/v2/assets/create", json={"url": "https://x.test/a.mp4", "type": "video"}).json()[
            "assetId"
        ]
        spent = first.credits_spent()
        jobs_before = first.job_count()
    assert spent > 0

    with Sandbox(pending_config) as second:
        client = make_client(second)
        assert second.job_count() == jobs_before
        assert client.get(f"/v2/jobs/{done}").json()["status"] == "COMPLETED"
        assert wait_for(client, replayed)["status"] == "COMPLETED"
        again = client.post("/v2/images/generate", json=body, headers=key)
        assert again.json()["jobId"] == replayed
        assert second.job_count() == jobs_before
        fetched = client.get(upload["url"].replace(_origin(upload["url"]), second.base_url))
        assert fetched.status_code == 200 and fetched.content == png_bytes("kept")
        assert client.get(f"/v2/assets/{asset}").status_code == 200
        assert second.credits_spent() >= spent
        assert client.get("/v2/me").json()["team"]["credits"] == (config.initial_credits - second.credits_spent())


def _origin(url: str) -> str:
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{rest.split('/', 1)[0]}"
