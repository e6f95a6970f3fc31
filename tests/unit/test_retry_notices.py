"""Every retry is announced on the ``apiframe`` logger at INFO with a :class:`RetryNotice` (the CLI prints
one line per retry from it), and the default timeouts: a call's deadline, a separate connect timeout."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Any

import httpx
import pytest
from unit_support import API_KEY, Recorder, job, reply

from apiframe import Apiframe, Job
from apiframe._retry import MAX_REASON, RetryNotice


def _notices(caplog: pytest.LogCaptureFixture) -> list[RetryNotice]:
    found = []
    for record in caplog.records:
        notice = getattr(record, "apiframe_retry", None)
        if notice is not None:
            assert (record.name, record.levelno) == ("apiframe", logging.INFO)
            found.append(notice)
    return found


def test_each_retry_is_announced_with_a_notice(
    client: Any, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    recorder.queue(reply(503, {"error": "busy"}), reply(429, {}, **{"retry-after": "2"}), reply(200, job()))
    with caplog.at_level(logging.INFO, logger="apiframe"):
        client.jobs.get("job_1")
    first, second = _notices(caplog)
    assert isinstance(first, RetryNotice)
    assert (first.attempt, first.attempts, first.reason) == (1, 2, "503 Service Unavailable")
    assert (second.attempt, second.attempts, second.delay, second.reason) == (2, 2, 2.0, "429 Too Many Requests")
    assert 0 <= first.delay <= 0.25
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.attempt = 5  # type: ignore[misc]


def test_a_notice_never_holds_the_key_and_stays_short(
    client: Any, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        phrase = f"Unavailable {request.headers['x-api-key']} " + "x" * 5000
        return httpx.Response(503, extensions={"reason_phrase": phrase.encode()})

    recorder.queue(echo, reply(200, job()))
    with caplog.at_level(logging.INFO, logger="apiframe"):
        client.jobs.get("job_1")
    (notice,) = _notices(caplog)
    assert API_KEY not in notice.reason and "[redacted]" in notice.reason
    assert len(notice.reason) <= MAX_REASON
    assert all(API_KEY not in record.getMessage() for record in caplog.records)


def test_a_broken_download_transfer_is_announced_too(
    client: Any, recorder: Recorder, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    class Broken(httpx.SyncByteStream):
        def __iter__(self) -> Any:
            yield b"half"
            raise httpx.ReadError("connection reset by peer")

    done = Job.from_dict(job("job_1", "COMPLETED", 100, result={"url": "https://cdn.test/a.png"}))
    recorder.queue(httpx.Response(200, stream=Broken()), reply(200, b"\x89PNG whole", **{"content-type": "image/png"}))
    with caplog.at_level(logging.INFO, logger="apiframe"):
        (path,) = client.jobs.download(done, tmp_path)
    assert path.read_bytes() == b"\x89PNG whole"
    (notice,) = _notices(caplog)
    assert (notice.attempt, notice.attempts) == (1, 2)
    assert notice.reason == "the transfer broke off after 4 bytes (ReadError)"


def test_a_call_timeout_is_its_deadline_with_a_shorter_connect_timeout() -> None:
    client = Apiframe(api_key=API_KEY)
    assert (client.timeout.read, client.timeout.connect) == (60.0, 5.0)
    assert (client.with_options(timeout=30).timeout.read, client.with_options(timeout=30).timeout.connect) == (30, 5)
    assert client.with_options(timeout=2).timeout.connect == 2.0
    own = httpx.Timeout(10.0, connect=1.0)
    assert client.with_options(timeout=own).timeout is own
