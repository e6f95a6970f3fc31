"""Jobs list: cursor pagination and filters."""

from __future__ import annotations

import uuid

from sandbox_helpers import ClientFactory, submit, wait_for

from apiframe.testing import FAIL_TRIGGER, Sandbox, SandboxConfig


def test_cursor_pagination_walks_every_job_once(make_client: ClientFactory) -> None:
    with Sandbox(SandboxConfig(job_seconds=0.05)) as sandbox:
        client = make_client(sandbox)
        created = [submit(client, "/v2/images/generate", {"model": "imagen-3", "prompt": f"n{i}"}) for i in range(7)]
        seen: list[str] = []
        cursor = None
        pages = 0
        while True:
            params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
            page = client.get("/v2/jobs", params=params).json()
            pages += 1
            seen.extend(job["id"] for job in page["jobs"])
            assert page["hasMore"] == (page["nextCursor"] is not None)
            if not page["hasMore"]:
                break
            cursor = page["nextCursor"]
        assert pages == 3
        assert seen == created[::-1]
        bad = client.get("/v2/jobs", params={"cursor": "garbage!"})
        assert bad.status_code == 400
        assert "cursor" in bad.json()["details"]


def test_filters_and_include_models(make_client: ClientFactory) -> None:
    with Sandbox(SandboxConfig(job_seconds=0.05)) as sandbox:
        client = make_client(sandbox)
        ok = submit(client, "/v2/images/generate", {"model": "dall-e-2", "prompt": "ok"})
        bad = submit(client, "/v2/music/generate", {"model": "producer", "prompt": f"x {FAIL_TRIGGER}"})
        wait_for(client, ok)
        wait_for(client, bad)
        by_status = client.get("/v2/jobs", params={"status": "FAILED"}).json()["jobs"]
        assert [job["id"] for job in by_status] == [bad]
        by_model = client.get("/v2/jobs", params={"model": "dall-e-2"}).json()["jobs"]
        assert [job["id"] for job in by_model] == [ok]
        found = client.get("/v2/jobs", params={"search": ok}).json()["jobs"]
        assert [job["id"] for job in found] == [ok]
        none = client.get("/v2/jobs", params={"search": str(uuid.uuid4())}).json()
        assert none == {"jobs": [], "nextCursor": None, "hasMore": False}
        assert client.get("/v2/jobs", params={"search": "nope"}).status_code == 400
        with_models = client.get("/v2/jobs", params={"include_models": "true"}).json()
        assert with_models["models"] == ["dall-e-2", "producer"]
        assert "models" not in client.get("/v2/jobs").json()
