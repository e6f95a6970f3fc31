"""Messages: text from outside that errors and log records keep is redacted (the key in any case,
URL- or base64-encoded, or a long enough piece of it), inert (no control or invisible characters:
one line that cannot repaint a terminal or forge a log record) and bounded in length."""

from __future__ import annotations

import base64
import logging
import pickle
from typing import Any
from urllib.parse import quote

import pytest
from hostile_server import KEY, HostileServer, Request, Wire, job_body, respond_json

from apiframe import Apiframe, APIStatusError, JobFailedError, ServerError, WaitTimeoutError
from apiframe._logging import FRAGMENT, MESSAGE_LIMIT, clean_message, outside, redact, register_secret

ECHOES = {
    "upper": KEY.upper(),
    "url-encoded": quote(KEY + "/+=", safe=""),
    "truncated": KEY[: FRAGMENT + 3] + "...",
    "tail": "..." + KEY[-FRAGMENT:],
    "base64": base64.b64encode(KEY.encode()).decode(),
    "mixed": KEY[:10].upper() + KEY[10:],
}
HOSTILE = (
    "\x1b[2J\x1b]8;;https://evil.example/\x07billing\x1b]8;;\x07 \r\n[2026 apiframe INFO] forged line"
    " \u202egnp.exe\u202c \x00 \x9b31m \U000e0041\U000e0042 zero\u200bwidth \u2028"
)
CONTROL = [chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))] + ["\u202e", "\u200b", "\u2028", "\U000e0041"]


def assert_clean(text: str, *, limit: int = MESSAGE_LIMIT + 20) -> None:
    lowered = text.lower()
    for name, echo in ECHOES.items():
        core = echo.strip(".")
        assert core.lower() not in lowered, f"the key ({name}) is in {text[:200]!r}"
    assert KEY.lower()[:FRAGMENT] not in lowered
    for char in CONTROL:
        assert char not in text, f"{char!r} is in the message"
    assert len(text) <= limit


def echo_error(status: int, text: str) -> Any:
    def handler(request: Request, wire: Wire) -> None:
        respond_json(status, {"error": text}, {"X-Request-Id": "req-" + KEY.upper()})(request, wire)

    return handler


@pytest.mark.parametrize("name", list(ECHOES))
def test_a_key_echoed_in_any_form_never_reaches_an_errors_message(
    name: str, client: Apiframe, server: HostileServer
) -> None:
    server.handler = echo_error(500, f"bad key {ECHOES[name]} for you")
    with pytest.raises(ServerError) as caught:
        client.jobs.get("job_1")
    error = caught.value
    assert_clean(str(error))
    assert "[redacted]" in str(error)
    assert_clean(repr(error.body)), assert_clean(repr(error.headers))
    assert KEY.encode() not in pickle.dumps(error) and KEY.upper().encode() not in pickle.dumps(error)


def test_server_text_in_a_message_is_one_inert_bounded_line(client: Apiframe, server: HostileServer) -> None:
    server.handler = echo_error(400, HOSTILE + "x" * 200_000)
    with pytest.raises(APIStatusError) as caught:
        client.jobs.get("job_1")
    message = str(caught.value)
    assert_clean(message)
    assert "billing" in message and "gnp.exe" in message and "]8;" not in message  # sequences removed, text kept
    assert "\\x00" in message and "\\x0d\\x0a" in message  # the other controls shown, not acted on
    assert "request id req-" in message, "the request id survives however long the server's text"


def test_a_failed_jobs_error_is_inert_and_bounded_in_the_wait_error(client: Apiframe, server: HostileServer) -> None:
    failed = {**job_body("job_1", status="FAILED"), "error": HOSTILE + KEY.upper() + "y" * 100_000}
    server.handler = respond_json(200, failed)
    with pytest.raises(JobFailedError) as caught:
        client.jobs.wait("job_1", timeout=5)
    assert_clean(str(caught.value))
    assert caught.value.job.error.startswith(HOSTILE)  # the field keeps the data as sent, for code


def test_log_records_are_redacted_and_inert(
    client: Apiframe, server: HostileServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.handler = respond_json(200, job_body("job_1"), {"X-Request-Id": "r\x1b[31m-" + quote(KEY, safe="")})
    with caplog.at_level(logging.DEBUG, logger="apiframe"):
        client.jobs.get("job_1")
    messages = [record.getMessage() for record in caplog.records]
    assert messages, "the request was logged"
    for message in messages:
        assert_clean(message)


def test_the_guard_functions() -> None:
    register_secret(KEY)
    for name, echo in ECHOES.items():
        assert "[redacted]" in redact(f"a {echo} b"), name
    assert redact("afk_host is only a prefix") == "afk_host is only a prefix"  # 8 characters: not the key
    shown = outside("c" * 1000 + KEY)
    assert shown.endswith(f"({1000 + len(KEY)} characters)") and len(shown) < 260 and KEY not in shown
    assert outside("a\nb\tc\x07d\x1b[2Je\u202ef\ud800") == "a\\x0ab\\x09c\\x07def"
    assert clean_message("x" * (MESSAGE_LIMIT * 3)).endswith("(cut)")
    assert_clean(clean_message(HOSTILE + KEY.swapcase()))


def test_a_request_id_echoing_the_key_is_redacted_where_it_is_kept(client: Apiframe, server: HostileServer) -> None:
    server.handler = respond_json(200, job_body("job_1"), {"X-Request-Id": "req-" + KEY.upper()})
    job = client.jobs.get("job_1")
    assert job._request_id == "req-[redacted]"
    assert job._response is not None and KEY.upper() not in repr(job._response)


def test_a_key_echoed_in_a_job_is_redacted_in_the_errors_that_keep_the_job(
    client: Apiframe, server: HostileServer
) -> None:
    echo = {"model": KEY.upper(), "result": {"images": [{"url": f"https://cdn.example/{quote(KEY, safe='')}.png"}]}}
    server.handler = respond_json(200, {**job_body("job_1", status="FAILED"), "error": f"bad {KEY}", **echo})
    with pytest.raises(JobFailedError) as failed:
        client.jobs.wait("job_1", timeout=5)
    server.handler = respond_json(200, {**job_body("job_1", status="PROCESSING"), **echo})
    with pytest.raises(WaitTimeoutError) as late:
        client.jobs.wait("job_1", timeout=0.2, interval=0.05)
    for error, kept in ((failed.value, failed.value.job), (late.value, late.value.last)):
        assert kept is not None and kept.status in ("FAILED", "PROCESSING")
        assert kept.model == "[redacted]"
        for text in (repr(vars(error)), pickle.dumps(error).decode("latin-1")):
            assert KEY.upper() not in text and KEY not in text and quote(KEY, safe="") not in text
