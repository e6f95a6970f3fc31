"""The generated resource methods: real signatures, docstrings, keyword-only misuse, and the escape
hatches for what the shipped spec does not know (extra_body, extra_query, validate=False)."""

from __future__ import annotations

import asyncio
import inspect
import pydoc
from typing import Any
from urllib.parse import parse_qs

import pytest
from apiframe_client.method_names import METHODS
from unit_support import Recorder, reply

from apiframe import Apiframe, AsyncApiframe, InvalidRequestError
from apiframe._schema import operation

ACCEPTED = {"jobId": "job_1", "status": "QUEUED"}


def method_of(client: Any, operation_id: str) -> Any:
    resource, name = METHODS[operation_id]
    return getattr(getattr(client, resource), name)


@pytest.mark.parametrize("operation_id", sorted(METHODS))
def test_every_job_method_has_a_real_keyword_only_signature(client: Apiframe, operation_id: str) -> None:
    op = operation(operation_id)
    params = inspect.signature(method_of(client, operation_id)).parameters
    assert params["request"].kind is inspect.Parameter.POSITIONAL_ONLY
    assert not any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    assert not any(p.kind is inspect.Parameter.VAR_POSITIONAL for p in params.values())
    keywords = {name for name, p in params.items() if p.kind is inspect.Parameter.KEYWORD_ONLY}
    assert {op.discriminator, "validate", "idempotency_key", "extra_body", "extra_query"} <= keywords


@pytest.mark.parametrize("operation_id", sorted(METHODS))
def test_docstring_names_every_model(client: Apiframe, async_client: AsyncApiframe, operation_id: str) -> None:
    for doc in (inspect.getdoc(method_of(client, operation_id)), inspect.getdoc(method_of(async_client, operation_id))):
        assert doc is not None
        for value in operation(operation_id).variants:
            assert f"``{value}``" in doc


def test_help_shows_the_arguments_and_the_models(client: Apiframe) -> None:
    text = pydoc.render_doc(client.images.generate, renderer=pydoc.plaintext)
    assert "prompt:" in text and "midjourney_params" in text and "``midjourney``" in text
    assert "MidjourneyParams" in text  # the params block is named


def test_async_methods_are_coroutine_functions(async_client: AsyncApiframe) -> None:
    for operation_id in METHODS:
        assert inspect.iscoroutinefunction(method_of(async_client, operation_id))


@pytest.mark.parametrize(
    "args",
    [("flux-1.1-pro", "x"), ("flux-1.1-pro",), (42,)],
    ids=["two positionals", "model as positional", "number"],
)
def test_positional_misuse_is_a_clear_typed_error(client: Apiframe, recorder: Recorder, args: tuple[Any, ...]) -> None:
    with pytest.raises(InvalidRequestError, match=r"images\.generate\(\) takes keyword arguments") as error:
        client.images.generate(*args)
    assert "model=" in str(error.value)
    assert recorder.requests == []


def test_positional_misuse_async(async_client: AsyncApiframe, recorder: Recorder) -> None:
    with pytest.raises(InvalidRequestError, match=r"videos\.generate\(\) takes keyword arguments"):
        asyncio.run(async_client.videos.generate("kling-2.1", "x"))  # type: ignore[call-overload]
    assert recorder.requests == []


def test_unknown_keyword_names_the_model_and_the_escape_hatch(client: Apiframe, recorder: Recorder) -> None:
    with pytest.raises(InvalidRequestError) as error:
        client.images.generate(model="midjourney", prompt="x", negative_prompt="blur")  # type: ignore[call-overload]
    assert error.value.field == "negative_prompt"
    assert "model 'midjourney' does not accept 'negative_prompt'" in str(error.value)
    assert "extra_body" in str(error.value)
    assert recorder.requests == []


def test_unknown_model_error_says_how_to_bypass(client: Apiframe, recorder: Recorder) -> None:
    with pytest.raises(InvalidRequestError, match="validate=False"):
        client.images.generate(model="acme-next", prompt="x")  # type: ignore[call-overload]
    assert recorder.requests == []


def test_extra_body_is_merged_after_the_checks(client: Apiframe, recorder: Recorder) -> None:
    recorder.queue(reply(202, ACCEPTED))
    client.images.generate(
        model="midjourney",
        prompt="a fox",
        midjourney_params={"aspect_ratio": "16:9"},
        extra_body={"midjourneyParams": {"newKnob": 3}, "seedBoost": True},
        extra_query={"trace": "yes"},
    )
    sent = recorder.json()
    assert sent == {
        "model": "midjourney",
        "prompt": "a fox",
        "midjourneyParams": {"aspect_ratio": "16:9", "newKnob": 3},
        "seedBoost": True,
    }
    assert parse_qs(recorder.requests[-1].url.query.decode()) == {"trace": ["yes"]}


def test_validate_false_sends_a_model_the_spec_does_not_know(client: Apiframe, recorder: Recorder) -> None:
    recorder.queue(reply(202, ACCEPTED))
    job = client.images.generate(model="acme-next", validate=False, extra_body={"prompt": "x", "acmeParams": {"a": 1}})
    assert job.job_id == "job_1"
    assert recorder.json() == {"model": "acme-next", "prompt": "x", "acmeParams": {"a": 1}}


def test_validate_false_still_maps_known_names(client: Apiframe, recorder: Recorder) -> None:
    recorder.queue(reply(202, ACCEPTED))
    client.images.generate(model="midjourney", prompt="x", midjourney_params={"aspect_ratio": "wide"}, validate=False)
    assert recorder.json()["midjourneyParams"] == {"aspect_ratio": "wide"}  # not checked


def test_validation_stays_on_by_default(client: Apiframe, recorder: Recorder) -> None:
    with pytest.raises(InvalidRequestError, match=r"midjourney_params\.aspect_ratio"):
        client.images.generate(model="midjourney", prompt="x", midjourney_params={"aspect_ratio": "wide"})
    assert recorder.requests == []


def test_extra_body_must_be_a_mapping(client: Apiframe, recorder: Recorder) -> None:
    with pytest.raises(InvalidRequestError, match="extra_body"):
        client.images.generate(model="midjourney", prompt="x", extra_body=["x"])  # type: ignore[call-overload]
    assert recorder.requests == []


def test_async_extra_body_and_unknown_model(async_client: AsyncApiframe, recorder: Recorder) -> None:
    recorder.queue(reply(202, ACCEPTED))

    async def main() -> None:
        job = await async_client.music.generate(model="acme-tune", validate=False, extra_body={"prompt": "la"})
        assert job.job_id == "job_1"
        with pytest.raises(InvalidRequestError, match="validate=False"):
            await async_client.music.generate(model="acme-tune", prompt="la")  # type: ignore[call-overload]
        await async_client.aclose()

    asyncio.run(main())
    assert recorder.json(0) == {"model": "acme-tune", "prompt": "la"}
    assert len(recorder.requests) == 1


def test_extra_query_on_a_plain_call(client: Apiframe, recorder: Recorder) -> None:
    recorder.queue(reply(200, {"models": []}))
    client.models.list(extra_query={"beta": "1"})
    assert parse_qs(recorder.requests[-1].url.query.decode()) == {"beta": ["1"]}


def test_errors_use_the_argument_name_type(client: Apiframe, recorder: Recorder) -> None:
    with pytest.raises(InvalidRequestError) as error:
        client.assets.create(url="https://cdn.example/a.png", type="sculpture")  # type: ignore[arg-type]
    assert error.value.field == "type"
    assert "type_" not in str(error.value)
    assert recorder.requests == []


@pytest.mark.parametrize("cls", [Apiframe, AsyncApiframe])
def test_help_lists_the_resources_and_hides_internal_arguments(cls: type[Any]) -> None:
    text = pydoc.render_doc(cls, renderer=pydoc.plaintext)
    for name in ("images", "videos", "music", "jobs", "uploads", "loras", "models", "assets"):
        assert f"\n |  {name}\n |      " in text, name  # listed, with its description under it
    assert "Image jobs: edit, generate, midjourney_action, remove_background, upscale." in text
    assert "clock" not in str(inspect.signature(cls))
    assert "clock" not in text


def test_resources_are_per_client_and_cannot_be_replaced(client: Apiframe) -> None:
    assert client.images is client.images
    assert client.with_options(max_retries=0).jobs is not client.jobs
    with pytest.raises(AttributeError):
        client.images = None  # type: ignore[assignment, misc]


@pytest.mark.parametrize("operation_id", sorted(METHODS))
def test_cli_requests_find_the_method_of_every_operation(client: Apiframe, operation_id: str) -> None:
    from apiframe._job_requests import GenerationRequest

    request = GenerationRequest(operation_id, "any", {}, {})
    assert request.submitter(client) == method_of(client, operation_id)
