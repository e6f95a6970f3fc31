"""Bad input is refused with a typed error before anything is sent; errors pickle; 409 has a class.

Observations 10, 11 and 12. Every case asserts that the server saw no request at all.
"""

from __future__ import annotations

import gzip
import inspect
import json
import math
import pickle
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hostile_server import KEY, HostileServer, job_body, respond, respond_json

import apiframe
from apiframe import (
    Apiframe,
    ApiframeError,
    APIStatusError,
    ConfigurationError,
    ConflictError,
    InvalidRequestError,
    NetworkError,
)

Call = Callable[[Apiframe], object]

REFUSED: list[tuple[str, Call, type[ApiframeError], str]] = [
    (
        "lone-surrogate-prompt",
        lambda c: c.images.generate(model="midjourney", prompt="a fox \udc80"),
        InvalidRequestError,
        "lone surrogate",
    ),
    (
        "non-ascii-idempotency-key",
        lambda c: c.images.generate(model="midjourney", prompt="a fox", idempotency_key="clé"),
        ConfigurationError,
        "idempotency_key",
    ),
    (
        "crlf-idempotency-key",
        lambda c: c.images.generate(model="midjourney", prompt="a", idempotency_key="k\r\nX-Evil: 1"),
        ConfigurationError,
        "idempotency_key",
    ),
    (
        "nul-idempotency-key",
        lambda c: c.images.generate(model="midjourney", prompt="a", idempotency_key="k\x00"),
        ConfigurationError,
        "idempotency_key",
    ),
    ("header-int-value", lambda c: c.jobs.get("job_1", extra_headers={"X": 5}), ConfigurationError, "str()"),
    (
        "header-crlf-value",
        lambda c: c.jobs.get("job_1", extra_headers={"X": "a\r\nX-Evil: 1"}),
        ConfigurationError,
        "line break",
    ),
    (
        "header-padded-value",
        lambda c: c.jobs.get("job_1", extra_headers={"X": " a "}),
        ConfigurationError,
        "ends with whitespace",
    ),
    ("header-non-ascii", lambda c: c.jobs.get("job_1", extra_headers={"X": "é"}), ConfigurationError, "non-ASCII"),
    ("header-bad-name", lambda c: c.jobs.get("job_1", extra_headers={"X Y": "1"}), ConfigurationError, "header name"),
    ("timeout-nan", lambda c: c.jobs.get("job_1", timeout=math.nan), ConfigurationError, "finite"),
    ("timeout-inf", lambda c: c.jobs.get("job_1", timeout=math.inf), ConfigurationError, "finite"),
    ("timeout-negative-phase", lambda c: c.jobs.get("job_1", timeout=httpx.Timeout(-1)), ConfigurationError, "phase"),
    ("id-100k", lambda c: c.jobs.get("x" * 100_000), InvalidRequestError, "too long"),
]


@pytest.mark.parametrize(("call", "error", "fragment"), [case[1:] for case in REFUSED], ids=[c[0] for c in REFUSED])
def test_bad_input_is_refused_before_anything_is_sent(
    call: Call, error: type[ApiframeError], fragment: str, client: Apiframe, server: HostileServer
) -> None:
    server.handler = respond_json(200, job_body("job_1"))
    with pytest.raises(error) as caught:
        call(client)
    assert fragment in str(caught.value)
    assert server.requests == []


@pytest.mark.parametrize(
    "settings",
    [
        {"timeout": math.nan},
        {"timeout": math.inf},
        {"timeout": httpx.Timeout(-1)},
        {"timeout": httpx.Timeout(5, read=math.nan)},
        {"base_url": "https://api.example.com/?x=1"},
        {"base_url": "https://api.example.com/#top"},
        {"base_url": "https://user:pw@api.example.com"},
        {"base_url": "ftp://api.example.com"},
        {"default_headers": {"X": 5}},
        {"default_headers": {"X": "a\nb"}},
    ],
    ids=lambda settings: repr(settings)[:40],
)
def test_bad_client_settings_are_refused_at_construction(settings: dict[str, Any]) -> None:
    with pytest.raises(ConfigurationError):
        Apiframe(api_key=KEY, **settings)


def test_a_broken_compressed_body_is_a_typed_network_error(server: HostileServer) -> None:
    server.handler = respond(200, b"\x1f\x8bnot gzip at all", {"Content-Encoding": "gzip"})
    with Apiframe(api_key=KEY, base_url=server.url, max_retries=1) as client, pytest.raises(NetworkError) as caught:
        client.jobs.get("job_1")
    assert "could not be decoded" in str(caught.value)
    assert len(server.requests) == 2  # a GET is retried


def test_a_well_compressed_body_still_works(client: Apiframe, server: HostileServer) -> None:
    body = gzip.compress(json.dumps(job_body("job_1")).encode())
    server.handler = respond(200, body, {"Content-Encoding": "gzip", "Content-Type": "application/json"})
    assert client.jobs.get("job_1").id == "job_1"


def test_409_is_a_conflict_error(client: Apiframe, server: HostileServer) -> None:
    server.handler = respond_json(409, {"error": "Idempotency key reused with a different request body"})
    with pytest.raises(ConflictError) as caught:
        client.images.generate(model="midjourney", prompt="a fox", idempotency_key="k1")
    assert caught.value.status_code == 409 and isinstance(caught.value, APIStatusError)
    assert "use a new key" in str(caught.value)  # not an action: the key is named
    assert apiframe.ConflictError is ConflictError


def _sample(parameter: inspect.Parameter) -> Any:
    samples = {"status_code": 418, "job_id": "job_1", "request_id": "req_1", "retry_after": 2.5, "field": "prompt"}
    if parameter.name in samples:
        return samples[parameter.name]
    if parameter.name == "allowed":
        return ("a", "b")
    if parameter.name == "headers":
        return {"x-request-id": "req_1"}
    return {"sample": parameter.name}


ERRORS = sorted(
    (getattr(apiframe, name) for name in apiframe.__all__ if isinstance(getattr(apiframe, name), type)),
    key=lambda cls: cls.__name__,
)
ERRORS = [cls for cls in ERRORS if issubclass(cls, ApiframeError)]


@pytest.mark.parametrize("cls", ERRORS, ids=[cls.__name__ for cls in ERRORS])
def test_every_public_error_pickles_with_its_fields(cls: type[ApiframeError]) -> None:
    keywords = {
        name: _sample(parameter)
        for name, parameter in inspect.signature(cls).parameters.items()
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY
    }
    error = cls(f"{cls.__name__} happened", **keywords)
    restored = pickle.loads(pickle.dumps(error))
    assert type(restored) is cls
    assert str(restored) == str(error) and restored.args == error.args
    assert vars(restored) == vars(error)
    assert set(keywords) <= set(vars(restored))


def test_the_error_catalogue_is_complete() -> None:
    assert len(ERRORS) >= 22 and ConflictError in ERRORS
