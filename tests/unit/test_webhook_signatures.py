"""Webhook verification vectors, parsing, agreement with the sandbox signer, and a fuzz test."""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apiframe.testing._signing import sign_with_secret, signing_secret
from apiframe.webhooks import (
    SIGNATURE_HEADER,
    WebhookPayloadError,
    WebhookVerificationError,
    parse_webhook,
    sign_webhook,
    verify_webhook,
)

KEY = "afk_live_0123456789abcdef"
BODY = json.dumps({"type": "completed", "jobId": "job_1", "status": "COMPLETED", "progress": 100}).encode()
SIG = sign_webhook(api_key=KEY, body=BODY)


def test_header_name_and_format() -> None:
    assert SIGNATURE_HEADER == "X-Webhook-Signature"
    assert SIG.startswith("sha256=") and len(SIG) == 7 + 64


def test_agrees_with_the_sandbox_signer() -> None:
    assert sign_with_secret(signing_secret(KEY), BODY) == SIG


@pytest.mark.parametrize(
    "signature",
    [
        SIG,
        SIG[7:],
        SIG.upper().replace("SHA256=", "sha256="),
        "SHA256=" + SIG[7:],
        SIG[7:].upper(),
        SIG.encode(),
        f" {SIG} ",
    ],
)
def test_valid_signatures(signature: Any) -> None:
    assert verify_webhook(api_key=KEY, body=BODY, signature=signature)
    assert verify_webhook(api_key=KEY, body=BODY.decode(), signature=signature)


@pytest.mark.parametrize(
    ("key", "body", "signature"),
    [
        (KEY, BODY[:-1] + b"}" if not BODY.endswith(b"}") else BODY.replace(b"job_1", b"job_2"), SIG),
        (KEY, BODY + b" ", SIG),
        ("afk_other", BODY, SIG),
        ("", BODY, SIG),
        (KEY, BODY, SIG[:-1]),
        (KEY, BODY, SIG + "0"),
        (KEY, BODY, "sha256="),
        (KEY, BODY, "md5=" + SIG[7:]),
        (KEY, BODY, "sha256=" + "z" * 64),
        (KEY, BODY, "sha256=" + "é" * 64),
        (KEY, BODY, b"\xff\xfe"),
        (KEY, BODY, ""),
        (KEY, BODY, None),
        (KEY, None, SIG),
        (KEY, b"", SIG),
        (KEY, BODY, 12345),
        (KEY, 12345, SIG),
        (None, BODY, SIG),
    ],
)
def test_rejections_never_raise(key: Any, body: Any, signature: Any) -> None:
    assert verify_webhook(api_key=key, body=body, signature=signature) is False


def test_parse_returns_a_typed_event() -> None:
    event = parse_webhook(api_key=KEY, body=BODY, signature=SIG)
    assert (event.type, event.job_id, event.status, event.progress) == ("completed", "job_1", "COMPLETED", 100)
    assert event.is_terminal and event.raw["jobId"] == "job_1"


def test_unknown_event_types_and_fields_are_kept() -> None:
    body = json.dumps({"type": "archived", "jobId": "j", "status": "ARCHIVED", "extra": [1]})
    event = parse_webhook(api_key=KEY, body=body, signature=sign_webhook(api_key=KEY, body=body))
    assert event.type == "archived" and event.raw["extra"] == [1] and not event.is_terminal


def test_verification_happens_before_parsing() -> None:
    with pytest.raises(WebhookVerificationError) as caught:
        parse_webhook(api_key=KEY, body=b"not json at all", signature=SIG)
    assert KEY not in str(caught.value) and SIG[7:] not in str(caught.value)
    assert "raw request body" in str(caught.value)
    with pytest.raises(WebhookVerificationError, match="missing"):
        parse_webhook(api_key=KEY, body=BODY, signature=None)


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b'"text"', b"\xff\xfe"])
def test_signed_garbage_is_a_payload_error(body: bytes) -> None:
    with pytest.raises(WebhookPayloadError):
        parse_webhook(api_key=KEY, body=body, signature=sign_webhook(api_key=KEY, body=body))
    assert issubclass(WebhookPayloadError, ValueError)


FUZZ_EXAMPLES = int(os.environ.get("APIFRAME_FUZZ_EXAMPLES", "1000"))  # more: APIFRAME_FUZZ_EXAMPLES=100000


def _mutate(signature: str, how: int, data: st.DataObject) -> str | bytes | None:
    hexpart = signature[7:]
    if how == 0:  # flip one hex digit
        index = data.draw(st.integers(0, 63))
        digit = hexpart[index]
        replacement = data.draw(st.sampled_from([c for c in "0123456789abcdef" if c != digit]))
        return "sha256=" + hexpart[:index] + replacement + hexpart[index + 1 :]
    if how == 1:  # truncate
        return signature[: data.draw(st.integers(0, len(signature) - 1))]
    if how == 2:  # append
        return signature + data.draw(st.text(min_size=1, max_size=4))
    if how == 3:  # another prefix
        return data.draw(st.sampled_from(["sha1=", "sha512=", "", "sha256:", "v1="])) + hexpart + "x"
    if how == 4:  # random junk
        return data.draw(st.one_of(st.text(max_size=80), st.binary(max_size=80), st.none()))
    return signature


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(
    body=st.binary(max_size=256),
    key=st.text(min_size=1, max_size=40),
    other_key=st.text(min_size=1, max_size=40),
    how=st.integers(0, 6),
    data=st.data(),
)
def test_fuzz_zero_false_accepts(body: bytes, key: str, other_key: str, how: int, data: st.DataObject) -> None:
    signature = sign_webhook(api_key=key, body=body)
    if how == 5:  # right signature, wrong key
        assert verify_webhook(api_key=other_key, body=body, signature=signature) is (other_key == key)
        return
    if how == 6:  # right signature, changed body
        changed = body + b"\x00"
        assert verify_webhook(api_key=key, body=changed, signature=signature) is False
        assert verify_webhook(api_key=key, body=body, signature=signature) is True
        return
    mutated = _mutate(signature, how, data)
    accepted = verify_webhook(api_key=key, body=body, signature=mutated)
    if accepted:  # only an equivalent spelling of the true signature may pass
        assert isinstance(mutated, str | bytes)
        text = mutated.decode() if isinstance(mutated, bytes) else mutated
        assert text.strip().lower().removeprefix("sha256=") == signature[7:]


def test_deeply_nested_signed_body_is_a_payload_error() -> None:
    body = b"[" * 200_000
    with pytest.raises(WebhookPayloadError, match="nested too deeply"):
        parse_webhook(api_key=KEY, body=body, signature=sign_webhook(api_key=KEY, body=body))


def test_a_signed_body_past_the_sdks_nesting_limit_is_a_payload_error_without_a_chained_body() -> None:
    body = b'{"type": "completed", "jobId": "j", "result": ' + b"[" * 100 + b"]" * 100 + b"}"
    with pytest.raises(WebhookPayloadError, match="nested too deeply") as caught:
        parse_webhook(api_key=KEY, body=body, signature=sign_webhook(api_key=KEY, body=body))
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_object_error_is_kept_as_json_text() -> None:
    body = json.dumps({"type": "failed", "jobId": "j", "status": "FAILED", "error": {"code": "x"}})
    event = parse_webhook(api_key=KEY, body=body, signature=sign_webhook(api_key=KEY, body=body))
    assert event.error == '{"code":"x"}' and event.is_terminal
