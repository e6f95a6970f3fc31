"""The sandbox answers like the API where independent contract testing found it did not.

Bad discriminators are 400s (never 500s), idempotency keys are validated, scoped and
bound to their body, a 405 lists every method of the path, and messages speak JSON.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from sandbox_helpers import ClientFactory, submit

from apiframe.testing import Sandbox
from apiframe.testing._catalog import SpecIndex, SpecOperation

GENERATE = {"model": "flux-1.1-pro", "prompt": "a lighthouse at dusk"}
MUSIC = {"model": "mureka", "prompt": "a sea shanty"}
_PYTHON_SPELLINGS = re.compile(r"\bNone\b|\bTrue\b|\bFalse\b|\{'|\['|'[^']*'")


def _variant_endpoints(index: SpecIndex) -> list[tuple[SpecOperation, str]]:
    """Every JSON operation whose body is a union told apart by one property."""
    found: list[tuple[SpecOperation, str]] = []
    for op in index.operations:
        if op.json_body_pointer is None:
            continue
        union = index.discriminator(op.json_body_pointer)
        if union is not None:
            found.append((op, union.property))
    return found


def _messages(response: httpx.Response) -> list[str]:
    data: dict[str, Any] = response.json()
    details: dict[str, list[str]] = data.get("details", {})
    return [str(data["error"]), *(message for messages in details.values() for message in messages)]


@pytest.mark.parametrize("value", [{"a": 1}, [1, 2], None, True, 7])
def test_a_discriminator_of_the_wrong_type_is_400_on_every_variant_endpoint(
    client: httpx.Client, spec_index: SpecIndex, value: Any
) -> None:
    endpoints = _variant_endpoints(spec_index)
    assert len(endpoints) >= 10
    for op, name in endpoints:
        response = client.post(op.path, json={name: value, "prompt": "x"})
        assert response.status_code == 400, (op.path, response.text)
        assert list(response.json()["details"]) == [name]


def test_messages_render_request_values_as_json(client: httpx.Client) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"model": None, "prompt": "x"}, "Invalid value null;"),
        ({"model": {"a": [1]}, "prompt": "x"}, 'Invalid value {"a": [1]};'),
        ({"model": False, "prompt": "x"}, "Invalid value false;"),
        ({**GENERATE, "webhookUrl": "not a url"}, '"not a url"'),
        ({**GENERATE, "prompt": True}, "received boolean"),
        ({**GENERATE, "unexpected": 1}, 'Unrecognized key "unexpected"'),
    ]
    for body, fragment in cases:
        response = client.post("/v2/images/generate", json=body)
        assert response.status_code == 400, response.text
        messages = _messages(response)
        assert any(fragment in message for message in messages), (fragment, messages)
        for message in messages:
            assert not _PYTHON_SPELLINGS.search(message), message


def test_choices_in_messages_are_json_strings(client: httpx.Client) -> None:
    response = client.post("/v2/music/suno/action", json={"action": "remix", "parentJobId": "x"})
    (message,) = response.json()["details"]["action"]
    assert message.startswith('Invalid value "remix"; expected one of "')
    assert "'" not in message


# -- idempotency keys ---------------------------------------------------------------------


def test_a_used_key_does_not_replay_an_invalid_body(sandbox: Sandbox, client: httpx.Client) -> None:
    key = {"Idempotency-Key": "validate-first"}
    submit(client, "/v2/images/generate", GENERATE, headers=key)
    count = sandbox.job_count()
    invalid_here = client.post("/v2/images/generate", json={"model": "flux-1.1-pro"}, headers=key)
    assert invalid_here.status_code == 400
    assert "prompt" in invalid_here.json()["details"]
    invalid_elsewhere = client.post("/v2/videos/generate", json={"model": 3}, headers=key)
    assert invalid_elsewhere.status_code == 400
    assert sandbox.job_count() == count


def test_keys_are_scoped_to_the_endpoint(sandbox: Sandbox, client: httpx.Client) -> None:
    key = {"Idempotency-Key": "per-endpoint"}
    image = submit(client, "/v2/images/generate", GENERATE, headers=key)
    music = submit(client, "/v2/music/generate", MUSIC, headers=key)
    assert music != image
    assert client.post("/v2/music/generate", json=MUSIC, headers=key).json()["jobId"] == music
    assert client.post("/v2/images/generate", json=GENERATE, headers=key).json()["jobId"] == image


def test_a_key_reused_with_another_body_is_409(sandbox: Sandbox, client: httpx.Client) -> None:
    key = {"Idempotency-Key": "one-body-only"}
    submit(client, "/v2/images/generate", GENERATE, headers=key)
    count = sandbox.job_count()
    other = client.post("/v2/images/generate", json={**GENERATE, "prompt": "another"}, headers=key)
    assert other.status_code == 409
    error = other.json()["error"]
    assert '"one-body-only"' in error and "different request body" in error
    reordered = dict(reversed(list(GENERATE.items())))
    assert client.post("/v2/images/generate", json=reordered, headers=key).status_code == 202
    assert sandbox.job_count() == count


@pytest.mark.parametrize("key", ["", "k" * 256])
def test_an_empty_or_over_long_key_is_400(sandbox: Sandbox, client: httpx.Client, key: str) -> None:
    count = sandbox.job_count()
    response = client.post("/v2/images/generate", json=GENERATE, headers={"Idempotency-Key": key})
    assert response.status_code == 400
    assert list(response.json()["details"]) == ["Idempotency-Key"]
    assert sandbox.job_count() == count


def test_keys_of_two_api_keys_stay_apart(sandbox: Sandbox, client: httpx.Client, make_client: ClientFactory) -> None:
    key = {"Idempotency-Key": "shared-text"}
    mine = submit(client, "/v2/images/generate", GENERATE, headers=key)
    other = make_client(sandbox, key="afk_someone_else")
    theirs = submit(other, "/v2/images/generate", {**GENERATE, "prompt": "theirs"}, headers=key)
    assert theirs != mine


# -- 405 ----------------------------------------------------------------------------------------


def test_a_405_allows_every_method_the_path_has(client: httpx.Client, spec_index: SpecIndex) -> None:
    methods: dict[str, set[str]] = {}
    for op in spec_index.operations:
        methods.setdefault(op.path, set()).add(op.method)
    assert {"GET", "POST"} <= methods["/v2/loras"]
    for path, allowed in methods.items():
        concrete = re.sub(r"\{[^}]+\}", "00000000-0000-4000-8000-000000000000", path)
        for method in {"GET", "POST", "PUT", "PATCH", "DELETE"} - allowed:
            response = client.request(method, concrete)
            assert response.status_code == 405, (method, path)
            assert {m.strip() for m in response.headers["allow"].split(",")} == allowed, (method, path)
            assert response.json()["error"].startswith(f"Method {method} not allowed")


def test_multipart_messages_render_request_values_as_json(client: httpx.Client) -> None:
    wrong_type = client.post("/v2/uploads", content=b"x", headers={"Content-Type": "text/plain"})
    assert wrong_type.status_code == 400
    (message,) = wrong_type.json()["details"]["file"]
    assert '(got Content-Type "text/plain")' in message
    big_field = client.post("/v2/loras", files={"name": (None, "n" * (64 * 1024 + 1))})
    assert big_field.status_code == 400
    assert any('form field "name" exceeds' in m for m in _messages(big_field)), big_field.text


def test_not_found_messages_quote_the_id_as_json(client: httpx.Client) -> None:
    missing = "00000000-0000-4000-8000-000000000000"
    for path in (f"/v2/jobs/{missing}", f"/v2/loras/{missing}", "/v2/assets/asset-nope"):
        response = client.get(path)
        assert response.status_code == 404
        assert f'"{path.rsplit("/", 1)[1]}" not found' in response.json()["error"]
    parent = client.post("/v2/music/suno/action", json={"action": "stems", "parentJobId": missing})
    assert parent.status_code == 404
    assert parent.json()["error"] == f'Parent job "{missing}" not found'
