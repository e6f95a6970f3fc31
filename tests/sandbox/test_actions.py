"""Midjourney and Suno actions act on a completed parent job of their family."""

from __future__ import annotations

import uuid

import httpx
from sandbox_helpers import ClientFactory, submit, wait_for

from apiframe.testing import ManualClock, Sandbox

MJ_ACTION = "/v2/images/midjourney/action"
SUNO_ACTION = "/v2/music/suno/action"


def _grid(client: httpx.Client) -> str:
    job_id = submit(client, "/v2/images/generate", {"model": "midjourney", "prompt": "castle"})
    assert wait_for(client, job_id)["status"] == "COMPLETED"
    return job_id


def test_upsample_then_pan_chain(client: httpx.Client) -> None:
    grid = _grid(client)
    upsample = submit(client, MJ_ACTION, {"action": "upsample", "index": 3, "parentJobId": grid})
    single = wait_for(client, upsample)
    assert single["model"] == "midjourney"
    assert len(single["result"]["outputs"]) == 1
    pan = submit(client, MJ_ACTION, {"action": "pan", "direction": "left", "parentJobId": upsample})
    panned = wait_for(client, pan)
    assert len(panned["result"]["outputs"]) == 4
    variation = submit(client, MJ_ACTION, {"action": "variation", "index": 1, "parentJobId": pan})
    assert wait_for(client, variation)["status"] == "COMPLETED"


def test_unknown_parent_is_404(client: httpx.Client) -> None:
    body = {"action": "upsample", "index": 1, "parentJobId": str(uuid.uuid4())}
    assert client.post(MJ_ACTION, json=body).status_code == 404
    suno = {"action": "stems", "parentJobId": str(uuid.uuid4())}
    assert client.post(SUNO_ACTION, json=suno).status_code == 404


def test_parent_of_another_key_is_404(sandbox: Sandbox, client: httpx.Client, make_client: ClientFactory) -> None:
    grid = _grid(client)
    stranger = make_client(sandbox, key="afk_stranger")
    body = {"action": "upsample", "index": 1, "parentJobId": grid}
    assert stranger.post(MJ_ACTION, json=body).status_code == 404


def test_an_action_on_a_parent_still_running_is_409(
    manual: tuple[Sandbox, ManualClock], make_client: ClientFactory
) -> None:
    sandbox, _clock = manual  # the manual clock never moves: the parent stays PROCESSING however loaded the machine
    client = make_client(sandbox)
    running = submit(client, "/v2/images/generate", {"model": "midjourney", "prompt": "slow"})
    early = client.post(MJ_ACTION, json={"action": "upsample", "index": 1, "parentJobId": running})
    assert early.status_code == 409
    assert "COMPLETED" in early.json()["details"]["parentJobId"][0]


def test_an_action_the_parent_cannot_take_is_409(client: httpx.Client) -> None:
    grid = _grid(client)
    zoom = client.post(MJ_ACTION, json={"action": "outpaint", "zoomRatio": 2, "parentJobId": grid})
    assert zoom.status_code == 409
    assert "parentJobId" in zoom.json()["details"]

    upsample = submit(client, MJ_ACTION, {"action": "upsample", "index": 2, "parentJobId": grid})
    wait_for(client, upsample)
    again = client.post(MJ_ACTION, json={"action": "upsample", "index": 1, "parentJobId": upsample})
    assert again.status_code == 409

    flux = submit(client, "/v2/images/generate", {"model": "flux-2-pro", "prompt": "not mj"})
    wait_for(client, flux)
    foreign = client.post(MJ_ACTION, json={"action": "upsample", "index": 1, "parentJobId": flux})
    assert foreign.status_code == 409


def test_suno_actions_use_tracks_of_the_parent(client: httpx.Client) -> None:
    song = submit(client, "/v2/music/generate", {"model": "suno", "prompt": "sea shanty"})
    parent = wait_for(client, song)
    track = parent["result"]["outputs"][1]["trackId"]
    extend = submit(client, SUNO_ACTION, {"action": "extend", "parentJobId": song, "trackId": track})
    extended = wait_for(client, extend)
    assert extended["model"] == "suno" and len(extended["result"]["outputs"]) == 2
    stems = submit(client, SUNO_ACTION, {"action": "stems", "parentJobId": song, "index": 2})
    assert wait_for(client, stems)["status"] == "COMPLETED"

    bad_track = client.post(SUNO_ACTION, json={"action": "cover", "parentJobId": song, "trackId": "nope"})
    assert bad_track.status_code == 409
    assert "trackId" in bad_track.json()["details"]

    udio = submit(client, "/v2/music/generate", {"model": "udio", "prompt": "not suno"})
    wait_for(client, udio)
    wrong = client.post(SUNO_ACTION, json={"action": "stems", "parentJobId": udio})
    assert wrong.status_code == 409


def test_action_body_validation(sandbox: Sandbox, make_client: ClientFactory) -> None:
    client = make_client(sandbox)
    grid = _grid(client)
    invalid = client.post(MJ_ACTION, json={"action": "upsample", "index": 5, "parentJobId": grid})
    assert invalid.status_code == 400
    assert "index" in invalid.json()["details"]
    missing = client.post(MJ_ACTION, json={"action": "zoom", "parentJobId": grid})
    assert "action" in missing.json()["details"]
