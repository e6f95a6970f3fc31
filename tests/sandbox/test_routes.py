"""Every route answers with the statuses and bodies the spec declares."""

from __future__ import annotations

import uuid

import httpx
import pytest
from sandbox_helpers import ClientFactory, minimal_instance, submit, wait_for

from apiframe.testing import Sandbox
from apiframe.testing._app import unhandled_operations
from apiframe.testing._catalog import SpecIndex

GENERATE = {"model": "flux-1.1-pro", "prompt": "a lighthouse at dusk"}


def test_every_spec_operation_has_a_handler(sandbox: Sandbox) -> None:
    assert unhandled_operations(sandbox.state) == []


@pytest.mark.parametrize(
    ("headers", "fragment"),
    [({}, "Missing API key"), ({"X-API-Key": "sk_live_123"}, "start with 'afk_'")],
)
def test_missing_or_malformed_key_is_401(
    sandbox: Sandbox, make_client: ClientFactory, headers: dict[str, str], fragment: str
) -> None:
    anonymous = make_client(sandbox, key=None, headers=headers)
    for method, path in [("GET", "/v2/me"), ("GET", "/v2/jobs"), ("POST", "/v2/images/generate")]:
        response = anonymous.request(method, path, json=GENERATE)
        assert response.status_code == 401
        assert fragment in response.json()["error"]


def test_forbidden_key_is_403(sandbox: Sandbox, make_client: ClientFactory) -> None:
    forbidden = make_client(sandbox, key="afk_forbidden_abc")
    assert forbidden.get("/v2/me").status_code == 403
    assert forbidden.post("/v2/images/generate", json=GENERATE).status_code == 403


def test_no_credit_key_is_402_with_numbers(sandbox: Sandbox, make_client: ClientFactory) -> None:
    broke = make_client(sandbox, key="afk_nocredits_abc")
    before = sandbox.job_count()
    response = broke.post("/v2/videos/generate", json={"model": "veo-3", "prompt": "waves"})
    assert response.status_code == 402
    body = response.json()
    assert body["creditsRequired"] == sandbox.config.cost("video")
    assert body["creditsAvailable"] == 0
    assert sandbox.job_count() == before
    assert broke.get("/v2/me").json()["team"]["credits"] == 0


def test_models_catalog_is_public_and_filterable(
    sandbox: Sandbox, make_client: ClientFactory, spec_index: SpecIndex
) -> None:
    anonymous = make_client(sandbox, key=None)
    everything = anonymous.get("/v2/models").json()["models"]
    assert {m["id"] for m in everything} == {m.id for m in spec_index.catalog_models()}
    videos = anonymous.get("/v2/models", params={"modality": "video"}).json()["models"]
    assert videos and all(m["modality"] == "video" for m in videos)
    assert {"veo-3", "topaz-video-upscale"} <= {m["id"] for m in videos}
    bad = anonymous.get("/v2/models", params={"modality": "smell"})
    assert bad.status_code == 400
    assert "modality" in bad.json()["details"]


def test_me_reports_user_team_and_key(client: httpx.Client, sandbox: Sandbox) -> None:
    me = client.get("/v2/me").json()
    assert me["apiKey"]["prefix"] == sandbox.api_key[:8]
    assert me["team"]["credits"] == sandbox.config.initial_credits - sandbox.credits_spent()
    assert me["user"]["role"] == "OWNER"
    assert sandbox.api_key not in str(me)


def test_body_validation_details_are_keyed_by_path(client: httpx.Client) -> None:
    response = client.post(
        "/v2/images/generate",
        json={
            "model": "midjourney",
            "prompt": "",
            "midjourneyParams": {"aspect_ratio": "wide", "chaos": 3},
            "webhookUrl": "not a url",
            "webhookEvents": ["done"],
        },
    )
    assert response.status_code == 400
    details = response.json()["details"]
    assert set(details) == {
        "prompt",
        "midjourneyParams.aspect_ratio",
        "midjourneyParams.chaos",
        "webhookUrl",
        "webhookEvents.0",
    }
    assert all(isinstance(m, list) and m for m in details.values())


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ({"prompt": "x"}, "model"),
        ({"model": "no-such-model", "prompt": "x"}, "model"),
        ({"model": "flux-1.1-pro"}, "prompt"),
        ([1, 2], "body"),
    ],
)
def test_union_errors_name_the_field(client: httpx.Client, body: object, key: str) -> None:
    response = client.post("/v2/images/generate", json=body)
    assert response.status_code == 400
    assert key in response.json()["details"]


def test_invalid_json_is_400(client: httpx.Client) -> None:
    response = client.post("/v2/music/generate", content=b"{nope", headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert "body" in response.json()["details"]


def test_query_and_path_parameters_are_validated(client: httpx.Client) -> None:
    assert client.get("/v2/jobs", params={"limit": 0}).json()["details"].keys() == {"limit"}
    assert client.get("/v2/jobs", params={"limit": "many"}).status_code == 400
    assert client.get("/v2/jobs", params={"status": "DONE"}).status_code == 400
    assert client.get("/v2/jobs/not-a-uuid").status_code == 400
    assert client.get("/v2/loras/not-a-uuid").status_code == 400
    long_key = {"Idempotency-Key": "k" * 256}
    response = client.post("/v2/images/generate", json=GENERATE, headers=long_key)
    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()["details"]


def test_unknown_path_is_404_and_wrong_method_405(client: httpx.Client) -> None:
    missing = client.get("/v2/nothing-here")
    assert missing.status_code == 404
    assert "error" in missing.json()
    wrong = client.put("/v2/jobs")
    assert wrong.status_code == 405
    assert "GET" in wrong.headers["allow"]
    assert client.get("/v2/images/generate").status_code == 405


def test_unknown_job_and_lora_are_404(client: httpx.Client) -> None:
    assert client.get(f"/v2/jobs/{uuid.uuid4()}").status_code == 404
    assert client.get(f"/v2/loras/{uuid.uuid4()}").status_code == 404
    assert client.delete(f"/v2/loras/{uuid.uuid4()}").status_code == 404


def test_jobs_are_private_to_their_key(sandbox: Sandbox, client: httpx.Client, make_client: ClientFactory) -> None:
    job_id = submit(client, "/v2/images/generate", GENERATE)
    other = make_client(sandbox, key="afk_someone_else")
    assert other.get(f"/v2/jobs/{job_id}").status_code == 404
    assert job_id not in {j["id"] for j in other.get("/v2/jobs").json()["jobs"]}
    team = other.get("/v2/jobs", params={"scope": "team", "limit": 100}).json()["jobs"]
    assert job_id in {j["id"] for j in team}
    member = make_client(sandbox, key="afk_member_1")
    assert member.get("/v2/jobs", params={"scope": "team"}).status_code == 403


def test_every_model_of_every_route_accepts_a_minimal_body(
    client: httpx.Client, spec_index: SpecIndex, sandbox: Sandbox
) -> None:
    before = sandbox.job_count()
    models = spec_index.catalog_models()
    for model in models:
        body = minimal_instance(spec_index, {"$ref": "#" + model.variant_pointer})
        body["model"] = model.id
        response = client.post(model.path, json=body)
        assert response.status_code == 202, (model.id, body, response.text)
        job = client.get(f"/v2/jobs/{response.json()['jobId']}").json()
        assert job["model"] == model.id
        assert job["input"] == body
    assert sandbox.job_count() == before + len(models)


def test_assets_create_and_get(client: httpx.Client) -> None:
    created = client.post("/v2/assets/create", json={"url": "https://x.test/v.mp4", "type": "video"})
    assert created.status_code == 201
    asset_id = created.json()["assetId"]
    asset = client.get(f"/v2/assets/{asset_id}")
    assert asset.status_code == 200
    assert asset.json()["url"] == "https://x.test/v.mp4"
    assert client.get("/v2/assets/asset-unknown").status_code == 404
    bad = client.post("/v2/assets/create", json={"url": "nope", "type": "gif"})
    assert bad.status_code == 400
    assert set(bad.json()["details"]) == {"url", "type"}
    upstream = client.post("/v2/assets/create", json={"url": "https://x.test/sandbox-fail.mp4", "type": "video"})
    assert upstream.status_code == 502


def test_completed_job_lists_with_expired_flag(client: httpx.Client) -> None:
    job_id = submit(client, "/v2/music/generate", {"model": "suno", "prompt": "rain"})
    done = wait_for(client, job_id)
    assert done["status"] == "COMPLETED"
    listed = client.get("/v2/jobs", params={"search": job_id}).json()["jobs"]
    assert [j["id"] for j in listed] == [job_id]
    assert listed[0]["expired"] is False
    assert "input" not in listed[0]
