"""Issue 22, point 5: the SDK's own messages say what to fix, as well as the command's do."""

from __future__ import annotations

import httpx
import pytest

from apiframe import Apiframe, ConflictError, InvalidRequestError, NotFoundError

JOB_ID = "0b6f3e1c-5f1a-4b8e-9a53-1f2b3c4d5e6f"


def _client(handler: object = None) -> Apiframe:
    def answer(request: httpx.Request) -> httpx.Response:
        return handler(request) if callable(handler) else httpx.Response(500)

    http = httpx.Client(transport=httpx.MockTransport(answer))
    return Apiframe(api_key="afk_unit", base_url="https://api.test", http_client=http, max_retries=0)


def _refused(call: object) -> InvalidRequestError:
    with pytest.raises(InvalidRequestError) as caught:
        call()  # type: ignore[operator]
    return caught.value


def test_a_model_of_another_modality_names_the_method_that_takes_it() -> None:
    client = _client()
    error = _refused(lambda: client.images.generate(model="kling-2.5-turbo-pro", prompt="x"))  # type: ignore[call-overload]
    assert "kling-2.5-turbo-pro is a video model: use client.videos.generate(model=...)" in str(error)
    other = _refused(lambda: client.images.generate(model="topaz-image-upscale", prompt="x"))  # type: ignore[call-overload]
    assert "topaz-image-upscale does not generate images; client.images.generate(model=...) takes these" in str(other)
    assert error.field == "model" and error.allowed and "midjourney" in error.allowed


def test_a_wire_name_given_as_an_argument_gets_its_python_name() -> None:
    client = _client()
    error = _refused(lambda: client.images.generate(model="midjourney", prompt="x", midjourneyParams={}))  # type: ignore[call-overload]
    assert "unknown argument 'midjourneyParams'; did you mean 'midjourney_params'?" in str(error)
    typo = _refused(lambda: client.images.generate(model="midjourney", prompt="x", midjurney_params={}))  # type: ignore[call-overload]
    assert "did you mean 'midjourney_params'?" in str(typo)


def test_a_missing_enum_lists_its_values_and_an_empty_string_is_called_empty() -> None:
    client = _client()
    index = _refused(lambda: client.images.midjourney_action(action="upsample", parent_job_id=JOB_ID))  # type: ignore[call-overload]
    assert "index is required (one of 1, 2, 3, 4)" in str(index)
    assert index.allowed == (1, 2, 3, 4)
    empty = _refused(lambda: client.images.generate(model="midjourney", prompt=""))
    assert "prompt: must not be empty" in str(empty) and "characters" not in str(empty)


def test_a_base_url_ending_in_v2_is_named_on_its_404() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"error": f"Not found: no route GET {request.url.path}"})

    http = httpx.Client(transport=httpx.MockTransport(answer))
    client = Apiframe(api_key="afk_unit", base_url="https://api.test/v2", http_client=http, max_retries=0)
    with pytest.raises(NotFoundError) as caught:
        client.me()
    message = str(caught.value)
    assert "base_url ends in /v2" in message and "https://api.test" in message
    assert "belongs to this key's team" not in message
    with pytest.raises(NotFoundError) as by_id:
        _client(answer).jobs.get(JOB_ID)
    assert "check the id and that it belongs to this key's team" in str(by_id.value)


def test_a_409_on_an_action_says_the_parent_is_not_ready_not_idempotency() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(409, json={"error": 'Parent job cannot take the "upsample" action'})

    client = _client(answer)
    with pytest.raises(ConflictError) as caught:
        client.images.midjourney_action(action="upsample", parent_job_id=JOB_ID, index=1)
    message = str(caught.value)
    assert "idempotency" not in message
    assert "parent job" in message and "wait" in message
    with pytest.raises(ConflictError) as keyed:
        client.images.generate(model="midjourney", prompt="x", idempotency_key="mine")
    assert "idempotency key" in str(keyed.value)
