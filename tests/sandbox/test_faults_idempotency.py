"""Fault injection (seeded, deterministic) and idempotent replays."""

from __future__ import annotations

import httpx
import pytest
from sandbox_helpers import ClientFactory, submit

from apiframe.testing import FaultConfig, ManualClock, Sandbox, SandboxConfig

BODY = {"model": "seedream-4", "prompt": "a paper boat"}


def _statuses(sandbox: Sandbox, make_client: ClientFactory, count: int) -> list[object]:
    client = make_client(sandbox)
    outcomes: list[object] = []
    for _ in range(count):
        try:
            outcomes.append(client.get("/v2/me").status_code)
        except httpx.TransportError:
            outcomes.append("dropped")
    return outcomes


def test_same_seed_gives_same_faults(make_client: ClientFactory) -> None:
    faults = FaultConfig(rate_429=0.2, rate_500=0.1, rate_503=0.1, drop_before=0.1)
    runs = []
    for seed in (7, 7, 8):
        with Sandbox(SandboxConfig(seed=seed, faults=faults)) as sandbox:
            runs.append(_statuses(sandbox, make_client, 40))
    assert runs[0] == runs[1]
    assert runs[0] != runs[2]
    assert {429, 500, 503, "dropped", 200} <= set(runs[0])


def test_injected_429_carries_retry_after(sandbox: Sandbox, client: httpx.Client) -> None:
    sandbox.set_faults(rate_429=1.0, retry_after_seconds=3)
    try:
        response = client.get("/v2/jobs")
    finally:
        sandbox.clear_faults()
    assert response.status_code == 429
    assert response.headers["retry-after"] == "3"
    assert "error" in response.json()
    assert client.get("/v2/jobs").status_code == 200


@pytest.mark.parametrize(
    ("status", "faults"),
    [
        (500, FaultConfig(rate_500=1.0)),
        (502, FaultConfig(rate_502=1.0)),
        (503, FaultConfig(rate_503=1.0)),
    ],
)
def test_injected_server_errors(sandbox: Sandbox, client: httpx.Client, status: int, faults: FaultConfig) -> None:
    sandbox.set_faults(faults)
    try:
        response = client.post("/v2/images/generate", json=BODY)
        counts = sandbox.fault_counts()
    finally:
        sandbox.clear_faults()
    assert response.status_code == status
    assert counts == {str(status): 1}


def test_drop_before_processing_creates_nothing(sandbox: Sandbox, client: httpx.Client) -> None:
    before = sandbox.job_count()
    sandbox.set_faults(drop_before=1.0)
    try:
        with pytest.raises(httpx.TransportError):
            client.post("/v2/images/generate", json=BODY)
    finally:
        sandbox.clear_faults()
    assert sandbox.job_count() == before


def test_drop_after_commit_then_idempotent_retry(sandbox: Sandbox, client: httpx.Client) -> None:
    before = sandbox.job_count()
    key = {"Idempotency-Key": "retry-after-drop-1"}
    sandbox.set_faults(drop_after=1.0)
    try:
        with pytest.raises(httpx.TransportError):
            client.post("/v2/images/generate", json=BODY, headers=key)
    finally:
        sandbox.clear_faults()
    assert sandbox.job_count() == before + 1
    retry = client.post("/v2/images/generate", json=BODY, headers=key)
    assert retry.status_code == 202
    assert sandbox.job_count() == before + 1
    assert retry.json()["jobId"] == sandbox.jobs()[-1]["id"]


def test_latency_is_added_without_faults(sandbox: Sandbox, client: httpx.Client) -> None:
    sandbox.set_faults(latency_seconds=0.01, latency_jitter_seconds=0.01)
    try:
        assert client.get("/v2/me").status_code == 200
        counts = sandbox.fault_counts()
    finally:
        sandbox.clear_faults()
    assert counts == {"none": 1}


def test_fault_config_rejects_impossible_rates() -> None:
    with pytest.raises(ValueError, match="sum"):
        FaultConfig(rate_429=0.7, rate_500=0.6)
    with pytest.raises(ValueError, match="between 0 and 1"):
        FaultConfig(drop_after=1.5)


def test_idempotency_key_replays_the_original_job(
    sandbox: Sandbox, client: httpx.Client, make_client: ClientFactory
) -> None:
    key = {"Idempotency-Key": "same-key"}
    first = submit(client, "/v2/images/generate", BODY, headers=key)
    count = sandbox.job_count()
    second = client.post("/v2/images/generate", json=BODY, headers=key)
    assert second.status_code == 202
    assert second.json()["jobId"] == first
    assert sandbox.job_count() == count
    other_user = make_client(sandbox, key="afk_other_user")
    assert submit(other_user, "/v2/images/generate", BODY, headers=key) != first
    assert submit(client, "/v2/images/generate", BODY) != first


def test_idempotency_window_is_24_hours(make_client: ClientFactory) -> None:
    clock = ManualClock(start=1_800_000_000.0)
    with Sandbox(SandboxConfig(job_seconds=1.0), clock=clock) as sandbox:
        client = make_client(sandbox)
        key = {"Idempotency-Key": "daily"}
        first = submit(client, "/v2/music/generate", {"model": "mureka", "prompt": "x"}, headers=key)
        clock.advance(24 * 3600 - 1)
        replay = client.post("/v2/music/generate", json={"model": "mureka", "prompt": "x"}, headers=key)
        assert replay.json() == {"jobId": first, "status": "COMPLETED"}
        clock.advance(2)
        fresh = submit(client, "/v2/music/generate", {"model": "mureka", "prompt": "x"}, headers=key)
        assert fresh != first
        assert sandbox.job_count() == 2


def test_slow_requests_outlive_the_client_and_still_commit(sandbox: Sandbox, client: httpx.Client) -> None:
    before = sandbox.job_count()
    key = {"Idempotency-Key": "slow-then-retried"}
    sandbox.set_faults(rate_slow=1.0, slow_seconds=0.5)
    try:
        with pytest.raises(httpx.TimeoutException):
            client.post("/v2/images/generate", json=BODY, headers=key, timeout=0.1)
        counts = sandbox.fault_counts()
    finally:
        sandbox.clear_faults()
    assert counts == {"slow": 1}
    # The retry overtakes the held request and creates the job; the held one, processed
    # after its client left, replays it instead of creating a second one.
    retried = submit(client, "/v2/images/generate", BODY, headers=key)
    assert sandbox.wait_idle(timeout=10)
    assert sandbox.job_count() == before + 1
    assert sandbox.idempotency_keys()["slow-then-retried"] == retried


def test_a_slow_request_nobody_waits_for_still_creates_its_job(sandbox: Sandbox, client: httpx.Client) -> None:
    before = sandbox.job_count()
    sandbox.set_faults(rate_slow=1.0, slow_seconds=0.3)
    try:
        with pytest.raises(httpx.TimeoutException):
            client.post("/v2/images/generate", json=BODY, headers={"Idempotency-Key": "abandoned"}, timeout=0.05)
        assert sandbox.wait_idle(timeout=10)
    finally:
        sandbox.clear_faults()
    assert sandbox.in_flight() == 0
    assert sandbox.job_count() == before + 1
    assert sandbox.idempotency_keys()["abandoned"] == sandbox.jobs()[-1]["id"]


def test_a_patient_client_gets_the_slow_answer(sandbox: Sandbox, client: httpx.Client) -> None:
    sandbox.set_faults(rate_slow=1.0, slow_seconds=0.05)
    try:
        response = client.post("/v2/images/generate", json=BODY)
        counts = sandbox.fault_counts()
    finally:
        sandbox.clear_faults()
    assert response.status_code == 202 and response.json()["jobId"]
    assert counts == {"slow": 1}


def test_slow_faults_come_from_the_seeded_stream(make_client: ClientFactory) -> None:
    # The client's timeout is far below slow_seconds and far above a normal answer's time.
    faults = FaultConfig(rate_500=0.25, rate_slow=0.25, slow_seconds=1.5, seed=11)
    runs = []
    for _ in range(2):
        with Sandbox(SandboxConfig(faults=faults)) as sandbox:
            client = make_client(sandbox)
            outcomes: list[object] = []
            for _ in range(12):
                try:
                    outcomes.append(client.get("/v2/me", timeout=0.5).status_code)
                except httpx.TimeoutException:
                    outcomes.append("slow")
            counts = sandbox.fault_counts()
            assert sandbox.wait_idle(timeout=10)
        assert counts["slow"] == outcomes.count("slow") > 0
        assert counts["500"] == outcomes.count(500) > 0
        runs.append(outcomes)
    assert runs[0] == runs[1]


def test_fault_config_checks_the_slow_settings() -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        FaultConfig(rate_slow=1.5)
    with pytest.raises(ValueError, match="sum"):
        FaultConfig(rate_slow=0.6, rate_500=0.5)
    with pytest.raises(ValueError, match="slow_seconds"):
        FaultConfig(rate_slow=0.1, slow_seconds=-1)
    assert FaultConfig(rate_slow=0.1).active and not FaultConfig(slow_seconds=5).active
