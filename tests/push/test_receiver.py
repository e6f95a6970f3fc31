"""The receivers and the hub: verify before parsing, bounded bodies, harmless duplicates and reordering."""

from __future__ import annotations

import io
import json
import pickle
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from push_support import serve

from apiframe import ApiframeError, ConfigurationError
from apiframe.webhooks import (
    PushSource,
    WebhookHub,
    WebhookReceiver,
    handle_webhook,
    parse_webhook,
    sign_webhook,
)

KEY = "afk_receiver_test_key"


def body_of(**fields: Any) -> bytes:
    event = {"event": "progress", "jobId": "job-1", "status": "PROCESSING", "progress": 10, "model": "m"}
    event.update(fields)
    return json.dumps(event).encode()


def headers_for(body: bytes, key: str = KEY) -> dict[str, str]:
    return {"X-Webhook-Signature": sign_webhook(api_key=key, body=body), "Content-Type": "application/json"}


@pytest.fixture
def receiver(hub: WebhookHub) -> Iterator[str]:
    with serve(WebhookReceiver(hub, api_key=KEY, max_body=4096)) as url:
        yield url + "/apiframe/webhooks"


def test_a_bad_or_missing_signature_is_refused_with_401_and_not_published(hub: WebhookHub, receiver: str) -> None:
    body = body_of()
    wrong = headers_for(body, key="afk_someone_else")
    assert httpx.post(receiver, content=body, headers=wrong).status_code == 401
    assert httpx.post(receiver, content=body).status_code == 401
    tampered = body.replace(b'"progress": 10', b'"progress": 99')
    assert httpx.post(receiver, content=tampered, headers=headers_for(body)).status_code == 401
    assert hub.latest("job-1") is None
    answer = httpx.post(receiver, content=body, headers=headers_for(body))
    assert answer.status_code == 200 and answer.json()["ok"] is True
    held = hub.latest("job-1")
    assert held is not None and held.progress == 10


def test_the_body_is_bounded_whether_its_length_is_declared_or_not(hub: WebhookHub, receiver: str) -> None:
    big = body_of(padding="x" * 5000)
    assert httpx.post(receiver, content=big, headers=headers_for(big)).status_code == 413

    def chunks() -> Iterator[bytes]:
        yield big[:3000]
        yield big[3000:]

    assert httpx.post(receiver, content=chunks(), headers=headers_for(big)).status_code == 413
    assert hub.latest("job-1") is None


def test_only_post_is_accepted(receiver: str) -> None:
    answer = httpx.get(receiver)
    assert answer.status_code == 405 and answer.headers["allow"] == "POST"


def test_a_signed_body_that_is_not_an_event_is_acknowledged_and_ignored(hub: WebhookHub, receiver: str) -> None:
    for junk in (b"[1, 2]", b"not json", json.dumps({"event": "progress"}).encode()):
        assert httpx.post(receiver, content=junk, headers=headers_for(junk)).status_code == 200
    assert len(hub) == 0


def test_duplicates_and_reordering_never_move_a_job_backwards(hub: WebhookHub, receiver: str) -> None:
    sequence = [
        body_of(progress=50),
        body_of(progress=25),  # late
        body_of(event="completed", status="COMPLETED", progress=100, result={"urls": ["https://x/1.png"]}),
        body_of(event="completed", status="COMPLETED", progress=100, result={"urls": ["https://x/1.png"]}),  # retry
        body_of(progress=75),  # very late
        body_of(event="failed", status="FAILED", error="nope"),  # contradicts a terminal event: ignored
    ]
    for body in sequence:
        assert httpx.post(receiver, content=body, headers=headers_for(body)).status_code == 200
    held = hub.latest("job-1")
    assert held is not None and held.status == "COMPLETED" and held.result == {"urls": ["https://x/1.png"]}


def test_handle_webhook_serves_wsgi_frameworks_with_any_header_case_and_a_bounded_stream(hub: WebhookHub) -> None:
    body = body_of(progress=30)
    lowered = {k.lower(): v for k, v in headers_for(body).items()}
    answer = handle_webhook(hub, body=body, headers=lowered, api_key=KEY)
    assert answer.status == 200 and answer.event is not None and answer.event.progress == 30

    class Endless(io.RawIOBase):
        read_total = 0

        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            assert size > 0, "the receiver must read in bounded chunks"
            self.read_total += size
            return b"x" * size

    stream = Endless()
    refused = handle_webhook(hub, body=stream, headers=lowered, api_key=KEY, max_body=1000)
    assert refused.status == 413 and stream.read_total <= 1001
    assert handle_webhook(hub, body=body, headers={}, api_key=KEY).status == 401


def test_a_hub_store_that_fails_answers_503_so_the_api_retries() -> None:
    class Broken:
        def publish(self, event: Any, *, size: int | None = None) -> bool:
            raise ConnectionError("store down")

    body = body_of()
    answer = handle_webhook(Broken(), body=body, headers=headers_for(body), api_key=KEY)
    assert answer.status == 503 and "store down" not in answer.body


def test_receivers_need_the_signing_key(monkeypatch: pytest.MonkeyPatch, hub: WebhookHub) -> None:
    monkeypatch.delenv("APIFRAME_API_KEY", raising=False)
    with pytest.raises(ConfigurationError, match="api_key="):
        WebhookReceiver(hub)
    monkeypatch.setenv("APIFRAME_API_KEY", KEY)
    receiver = WebhookReceiver(hub)
    assert KEY not in repr(receiver)
    with pytest.raises(TypeError, match="cannot be pickled") as caught:
        pickle.dumps(receiver)
    assert KEY not in str(caught.value)


def test_the_hub_is_bounded_in_jobs_bytes_and_age() -> None:
    def event(job: str, progress: int) -> Any:
        body = body_of(jobId=job, progress=progress)
        return parse_webhook(api_key=KEY, body=body, signature=sign_webhook(api_key=KEY, body=body))

    hub = WebhookHub(max_jobs=3, max_bytes=10_000, ttl=60)
    for n in range(5):
        assert hub.publish(event(f"j{n}", 1), size=100)
    assert len(hub) == 3 and hub.latest("j0") is None and hub.latest("j4") is not None
    hub.publish(event("big", 1), size=9_950)
    assert len(hub) == 1 and hub.latest("big") is not None
    moment = [0.0]
    aging = WebhookHub(ttl=10)
    aging._clock = lambda: moment[0]
    aging.publish(event("old", 1))
    moment[0] = 11.0
    assert aging.latest("old") is None
    aging.publish(event("new", 1))
    assert len(aging) == 1


@pytest.mark.parametrize(
    ("url", "options", "words"),
    [
        ("ftp://host/hook", {}, "absolute http(s) URL"),
        ("/relative", {}, "absolute http(s) URL"),
        ("https://user:pw@host/hook", {}, "user name or password"),
        ("https://host/hook", {"events": ["progress"]}, '"completed" and "failed"'),
        ("https://host/hook", {"events": ["done"]}, "some of progress, completed, failed"),
        ("https://host/hook", {"fallback_interval": 0}, "fallback_interval"),
        ("https://host/hook", {"fallback_interval": float("nan")}, "fallback_interval"),
    ],
)
def test_push_sources_refuse_bad_settings_before_anything_is_sent(url: str, options: Any, words: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        PushSource(WebhookHub(), url, **options)
    assert words in str(caught.value) and isinstance(caught.value, ApiframeError)


def test_a_client_refuses_a_push_that_is_not_a_push_source() -> None:
    from apiframe import Apiframe

    with pytest.raises(ConfigurationError, match="PushSource"):
        Apiframe(api_key="afk_x", push=WebhookHub())  # type: ignore[arg-type]


def test_a_push_source_s_repr_hides_the_url_path_and_query() -> None:
    source = PushSource(WebhookHub(), "https://app.example.com/hooks/s3cr3t?token=t0k3n")
    shown = repr(source)
    assert "app.example.com" in shown and "s3cr3t" not in shown and "t0k3n" not in shown
