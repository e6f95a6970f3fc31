"""The installed SDK against an API that is newer than its spec: a sandbox started on a modified copy
of the spec (one more image model, one more midjourney parameter). Validation stays on by default, its
errors say how to bypass it, and the bypass (validate=False, extra_body) reaches the newer API."""

from __future__ import annotations

import asyncio
import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest

from apiframe import Apiframe, AsyncApiframe, InvalidRequestError, ValidationError
from apiframe.testing import Sandbox, SandboxConfig

from .conftest import find_spec

NEW_MODEL = "acme-pixel"
NEW_PARAM = "chaosLevel"


def newer_spec() -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(find_spec().read_text())
    union = spec["components"]["schemas"]["GenerateImageRequest"]["oneOf"]
    midjourney = next(v for v in union if v["properties"]["model"].get("enum") == ["midjourney"])
    assert NEW_PARAM not in midjourney["properties"], "pick another new parameter: the spec already has it"
    midjourney["properties"][NEW_PARAM] = {"type": "integer", "minimum": 0, "maximum": 100}
    variant = copy.deepcopy(midjourney)
    del variant["properties"]["midjourneyParams"], variant["properties"][NEW_PARAM]
    variant["properties"]["model"] = {"enum": [NEW_MODEL], "type": "string"}
    variant["properties"]["acmeParams"] = {
        "additionalProperties": False,
        "properties": {"style": {"enum": ["pixel", "voxel"], "type": "string"}},
        "type": "object",
    }
    union.append(variant)
    return spec


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.2, seed=5), spec=newer_spec()) as running:
        yield running


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[Apiframe]:
    with Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, max_retries=0) as c:
        yield c


def test_unknown_model_is_refused_before_sending_with_the_bypass_named(client: Apiframe) -> None:
    with pytest.raises(InvalidRequestError, match="validate=False") as error:
        client.images.generate(model=NEW_MODEL, prompt="a fox")  # type: ignore[call-overload]
    assert error.value.field == "model"


def test_unknown_model_reaches_the_newer_api_with_validate_false(client: Apiframe) -> None:
    handle = client.images.generate(
        model=NEW_MODEL, validate=False, extra_body={"prompt": "a fox", "acmeParams": {"style": "voxel"}}
    )
    assert handle._request_id
    done = client.jobs.wait(handle, timeout=30)
    assert done.status == "COMPLETED" and done.model == NEW_MODEL
    assert done.outputs


def test_a_new_parameter_reaches_the_newer_api_through_extra_body(client: Apiframe) -> None:
    with pytest.raises(InvalidRequestError, match="extra_body"):
        client.images.generate(model="midjourney", prompt="x", chaos_level=5)  # type: ignore[call-overload]
    handle = client.images.generate(model="midjourney", prompt="a fox", extra_body={NEW_PARAM: 40})
    assert client.jobs.wait(handle, timeout=30).status == "COMPLETED"


def test_what_the_bypass_sends_is_still_checked_by_the_api(client: Apiframe) -> None:
    with pytest.raises(ValidationError) as error:  # the server's own check: 400 with the field named
        client.images.generate(model="midjourney", prompt="a fox", extra_body={NEW_PARAM: 1000})
    assert error.value.status_code == 400


def test_async_bypass(sandbox: Sandbox) -> None:
    async def main() -> str:
        async with AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
            handle = await client.images.generate(
                model=NEW_MODEL, validate=False, extra_body={"prompt": "x", "acmeParams": {"style": "pixel"}}
            )
            return str((await handle.wait(timeout=30)).status)

    assert asyncio.run(main()) == "COMPLETED"
