"""Edge cases of ``job.outputs`` and ``jobs.download`` with scripted responses (MockTransport)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from unit_support import API_KEY, Recorder, job, reply

from apiframe import Apiframe, AsyncApiframe, DownloadError, Job, ResultExpiredError
from apiframe._download import extension_for
from apiframe._jobs import outputs_of

CDN = "https://cdn.example.test"


def completed(job_id: str = "job_1", result: Any = None, **extra: Any) -> Job:
    body = job(job_id, "COMPLETED", 100, result=result or {"urls": [f"{CDN}/{job_id}/a.png"]}, **extra)
    return Job.from_dict(body)


class Broken(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that sends ``parts`` and then, if ``fail``, breaks off like a dropped connection."""

    def __init__(self, parts: list[bytes], fail: bool = True) -> None:
        self.parts = parts
        self.fail = fail

    def __iter__(self) -> Iterator[bytes]:
        yield from self.parts
        if self.fail:
            raise httpx.ReadError("connection reset by peer")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for part in self.parts:
            yield part
        if self.fail:
            raise httpx.ReadError("connection reset by peer")


@pytest.mark.parametrize(
    ("result", "urls"),
    [
        (f"{CDN}/one.png", [f"{CDN}/one.png"]),
        ([f"{CDN}/a.png", f"{CDN}/b.png", "not a url", 3], [f"{CDN}/a.png", f"{CDN}/b.png"]),
        ({"images": [{"url": f"{CDN}/a.png"}, {"uri": f"{CDN}/b.png"}]}, [f"{CDN}/a.png", f"{CDN}/b.png"]),
        ({"outputs": [{"url": f"{CDN}/a.png"}], "urls": [f"{CDN}/a.png"]}, [f"{CDN}/a.png"]),
        ({"video": {"href": f"{CDN}/v.mp4", "thumbnail": f"{CDN}/t.jpg"}}, [f"{CDN}/v.mp4"]),
        (None, []),
        ({"text": "no files"}, []),
        ("ftp://old.example/a.png", []),
    ],
)
def test_outputs_are_found_by_shape(result: Any, urls: list[str]) -> None:
    found = outputs_of(result)
    assert [o.url for o in found] == urls
    assert [o.index for o in found] == list(range(1, len(urls) + 1))


def test_content_type_beside_a_url_is_kept_even_when_listed_twice() -> None:
    (only,) = outputs_of({"urls": [f"{CDN}/a"], "outputs": [{"url": f"{CDN}/a", "mimeType": "video/mp4"}]})
    assert only.content_type == "video/mp4"


def test_a_deeply_nested_result_does_not_recurse_forever() -> None:
    nested: Any = f"{CDN}/deep.png"
    for _ in range(5000):
        nested = [nested]
    assert outputs_of(nested) == ()


@pytest.mark.parametrize(
    ("content_type", "url", "extension"),
    [
        ("image/png", f"{CDN}/x", ".png"),
        ("image/jpeg; charset=binary", f"{CDN}/x", ".jpg"),
        ("audio/mpeg", f"{CDN}/x", ".mp3"),
        ("video/mp4", f"{CDN}/x.bin", ".mp4"),
        ("application/octet-stream", f"{CDN}/clip.webm?sig=abc", ".webm"),
        (None, f"{CDN}/track.WAV", ".wav"),
        (None, f"{CDN}/no-suffix", ".bin"),
        ("application/x-unknown-kind", f"{CDN}/x", ".bin"),
    ],
)
def test_extension_comes_from_the_content_type_then_the_url(content_type: str | None, url: str, extension: str) -> None:
    assert extension_for(content_type, url) == extension


def test_the_api_key_is_never_sent_to_the_file_host(client: Apiframe, recorder: Recorder, tmp_path: Path) -> None:
    recorder.queue(reply(200, b"PNGDATA", **{"content-type": "image/png"}))
    (path,) = client.jobs.download(completed(), tmp_path)
    assert path.name == "job_1.png"
    assert path.read_bytes() == b"PNGDATA"
    sent = recorder.requests[0]
    assert str(sent.url) == f"{CDN}/job_1/a.png"
    assert "x-api-key" not in sent.headers
    assert API_KEY not in str(sent.headers)


def test_a_broken_transfer_is_retried_from_the_start(client: Apiframe, recorder: Recorder, tmp_path: Path) -> None:
    recorder.queue(
        httpx.Response(200, stream=Broken([b"half"]), headers={"content-type": "image/png"}),
        httpx.Response(200, stream=Broken([b"whole", b"-file"], fail=False), headers={"content-type": "image/png"}),
    )
    (path,) = client.jobs.download(completed(), tmp_path)
    assert path.read_bytes() == b"whole-file"
    assert len(recorder.requests) == 2


def test_a_transfer_that_keeps_breaking_leaves_nothing_behind(
    client: Apiframe, recorder: Recorder, tmp_path: Path
) -> None:
    recorder.default = lambda request: httpx.Response(200, stream=Broken([b"x" * 10]))
    with pytest.raises(DownloadError, match=r"broke off after 10 bytes \(ReadError\); run the download again"):
        client.jobs.download(completed(), tmp_path)
    assert len(recorder.requests) == 3  # the first try and max_retries=2
    assert list(tmp_path.iterdir()) == []


def test_a_short_body_is_not_saved(client: Apiframe, recorder: Recorder, tmp_path: Path) -> None:
    recorder.queue(httpx.Response(200, stream=Broken([b"12345"], fail=False), headers={"content-length": "9"}))
    with pytest.raises(DownloadError, match="ended after 5 of 9 bytes"):
        client.jobs.download(completed(), tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("status", [403, 404, 410])
def test_a_purged_file_is_an_expiry(client: Apiframe, recorder: Recorder, tmp_path: Path, status: int) -> None:
    recorder.queue(reply(status, "<Error>AccessDenied</Error>"))
    with pytest.raises(ResultExpiredError, match=f"is gone \\({status}\\)") as caught:
        client.jobs.download(completed(), tmp_path)
    assert caught.value.job_id == "job_1"


def test_an_expired_snapshot_fails_before_any_request(client: Apiframe, recorder: Recorder, tmp_path: Path) -> None:
    with pytest.raises(ResultExpiredError, match="have expired"):
        client.jobs.download(completed(expired=True), tmp_path)
    assert recorder.requests == []


def test_a_completed_job_without_urls_is_explained(client: Apiframe, recorder: Recorder, tmp_path: Path) -> None:
    from apiframe import InvalidRequestError

    with pytest.raises(InvalidRequestError, match="lists no file URL"):
        client.jobs.download(completed(result={"text": "hello"}), tmp_path)
    assert recorder.requests == []


def test_progress_reports_each_chunk_of_a_streamed_file(client: Apiframe, recorder: Recorder, tmp_path: Path) -> None:
    chunks = [bytes([n]) * 1000 for n in range(8)]
    recorder.queue(
        httpx.Response(
            200, stream=Broken(chunks, fail=False), headers={"content-length": "8000", "content-type": "audio/mpeg"}
        )
    )
    seen: list[int] = []
    (path,) = client.jobs.download(completed(), tmp_path, on_progress=lambda p: seen.append(p.received))
    assert seen == [1000 * n for n in range(1, 9)]
    assert path.suffix == ".mp3"
    assert path.stat().st_size == 8000


def test_async_download_retries_a_broken_transfer(recorder: Recorder, tmp_path: Path) -> None:
    from unit_support import FakeClock

    recorder.queue(
        httpx.Response(200, stream=Broken([b"ha"])),
        httpx.Response(200, stream=Broken([b"done"], fail=False), headers={"content-type": "video/mp4"}),
    )

    async def main() -> list[Path]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
        async with AsyncApiframe(api_key=API_KEY, base_url="https://api.test", http_client=http)._use_clock(
            FakeClock()
        ) as c:
            return await c.jobs.download(completed(), tmp_path)

    (path,) = asyncio.run(main())
    assert path.name == "job_1.mp4"
    assert path.read_bytes() == b"done"
