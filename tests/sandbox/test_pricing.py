"""The sandbox's prices: a catalog entry per model of the spec by one rule, charges by it, holds, 402."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sandbox_helpers import ClientFactory, submit, wait_for

from apiframe import estimate_credits
from apiframe._credits import PriceList
from apiframe._job_requests import request_from_line
from apiframe.testing import ManualClock, Sandbox, SandboxConfig
from apiframe.testing._catalog import SpecIndex


@pytest.fixture
def small() -> Iterator[tuple[Sandbox, ManualClock]]:
    clock = ManualClock()
    with Sandbox(SandboxConfig(job_seconds=10, initial_credits=100), clock=clock) as running:
        yield running, clock


def test_every_model_has_a_price_and_all_three_modes_appear(
    sandbox: Sandbox, make_client: ClientFactory, spec_index: SpecIndex
) -> None:
    models = make_client(sandbox, key=None).get("/v2/models").json()["models"]
    assert {m["id"] for m in models} == {m.id for m in spec_index.catalog_models()}
    modes = {m["pricingMode"] for m in models}
    assert modes == {"flat", "per-second", "per-output"}
    prices = PriceList(models)
    assert all(m["id"] in prices for m in models)  # every entry is usable by the SDK's estimate
    assert all(0 < m["costMin"] <= m["costMax"] for m in models)
    by_id = {m["id"]: m for m in models}
    assert by_id["kling-2.1"]["pricingMode"] == "per-second"  # it has a duration parameter
    assert by_id["mureka"]["pricingMode"] == "per-output"  # it has an output count
    assert by_id["midjourney"]["pricingMode"] == "flat"


@pytest.mark.parametrize(
    "line",
    [
        {"model": "kling-2.1", "prompt": "a wave", "params": {"duration": 10}},
        {"model": "kling-2.1", "prompt": "a wave"},
        {"model": "elevenlabs-music", "prompt": "a hum", "params": {"music_length_ms": 12345}},
        {"model": "mureka", "prompt": "a jig"},
        {"model": "kling-image", "prompt": "a lamp", "params": {"n": 3}},
        {"model": "imagen-4", "prompt": "a cup"},
    ],
)
def test_jobs_are_charged_within_the_estimate_and_credits_go_down(
    sandbox: Sandbox, make_client: ClientFactory, line: dict[str, object]
) -> None:
    client = make_client(sandbox)
    request = request_from_line(line)
    estimate = estimate_credits(client.get("/v2/models").json(), request)
    before = client.get("/v2/me").json()["team"]["credits"]
    path = {"images_generate": "/v2/images/generate", "videos_generate": "/v2/videos/generate"}.get(
        request.operation_id, "/v2/music/generate"
    )
    job = wait_for(client, submit(client, path, dict(request.body)))
    assert estimate.maximum is not None and estimate.minimum <= job["creditCost"] <= estimate.maximum
    assert client.get("/v2/me").json()["team"]["credits"] == before - job["creditCost"]
    if estimate.pricing_mode == "per-output":
        assert len(job["result"]["urls"]) == estimate.units[0]  # the job makes what it is charged for


def test_running_jobs_hold_credits_and_a_team_that_runs_out_gets_402(
    small: tuple[Sandbox, ManualClock], make_client: ClientFactory
) -> None:
    sandbox, clock = small
    client = make_client(sandbox)
    body = {"model": "kling-2.1", "prompt": "a wave", "klingParams": {"duration": 5}}  # 8/s x 5 s = 40
    first = submit(client, "/v2/videos/generate", body)
    assert client.get("/v2/me").json()["team"]["credits"] == 60  # held while it runs
    submit(client, "/v2/videos/generate", body)
    refused = client.post("/v2/videos/generate", json=body)
    assert refused.status_code == 402  # the response matches InsufficientCredits (conformance fixture)
    assert refused.json() == {"error": "Insufficient credits", "creditsRequired": 40, "creditsAvailable": 20}
    clock.advance(10)
    sandbox.tick()
    assert client.get(f"/v2/jobs/{first}").json()["creditCost"] == 40
    assert sandbox.credits_spent() == 80
    assert client.get("/v2/me").json()["team"]["credits"] == 20
