"""``save_outputs``: a job's result files from the sandbox's CDN into every kind of store."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from apiframe import AsyncApiframe, DownloadError, Job, JobFailedError
from apiframe.batch import SaveProgress, Store, open_store, save_outputs
from apiframe.testing import FAIL_TRIGGER, Sandbox, SandboxConfig

from .conftest import StoreCase

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.1, seed=5)) as running:
        yield running


class Seen:
    """The headers of every request the client sent, by URL."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []

    async def hook(self, request: httpx.Request) -> None:
        self.requests.append((str(request.url), dict(request.headers)))


async def finished(client: AsyncApiframe, **request: Any) -> Job:
    accepted = await client.images.generate(**request)
    return await accepted.wait(interval=0.05, timeout=20)  # type: ignore[no-any-return]


class Counting(Store):
    """A store that counts the writes it passes on."""

    def __init__(self, inner: Store) -> None:
        self.inner = inner
        self.url = inner.url
        self.writes = 0

    async def write(self, name: str, chunks: AsyncIterator[bytes], *, size: int | None = None) -> int:  # type: ignore[override]
        self.writes += 1
        return await self.inner.write(name, chunks, size=size)

    async def write_bytes(self, name: str, data: bytes) -> None:
        await self.inner.write_bytes(name, data)

    async def read_bytes(self, name: str, *, limit: int = 1 << 20) -> bytes:
        return await self.inner.read_bytes(name, limit=limit)

    async def size(self, name: str) -> int | None:
        return await self.inner.size(name)

    async def objects(self, prefix: str = "") -> list[Any]:
        return await self.inner.objects(prefix)


@pytest.mark.asyncio
async def test_outputs_land_in_the_store_and_are_not_fetched_twice(
    sandbox: Sandbox, store_case: StoreCase, tmp_path: Path
) -> None:
    seen = Seen()
    http = httpx.AsyncClient(event_hooks={"request": [seen.hook]})
    async with AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, http_client=http) as client:
        job = await finished(client, model="midjourney", prompt="a fox")
        progress: list[SaveProgress] = []
        store = Counting(store_case.store)
        names = await save_outputs(client, job, store, folder="outputs", on_progress=progress.append)
        assert names == [f"outputs/{job.id}-{n}.png" for n in (1, 2, 3, 4)]
        local = await client.jobs.download(job, tmp_path / "local")
        for name, path in zip(names, local, strict=True):
            data = await store.read_bytes(name, limit=1 << 24)
            assert data.startswith(PNG_MAGIC) and data == path.read_bytes()
        last = {item.name: item for item in progress}
        assert set(last) == set(names) and all(item.received == item.total for item in last.values())
        assert store.writes == 4

        again = await save_outputs(client, job.id, store, folder="outputs")  # an id works too
        assert again == names and store.writes == 4  # complete files are kept
        await save_outputs(client, job, store, folder="outputs", overwrite=True)
        assert store.writes == 8
    await http.aclose()
    cdn = [headers for url, headers in seen.requests if not url.startswith(sandbox.base_url + "/v2/")]
    assert cdn and all("x-api-key" not in headers for headers in cdn)


@pytest.mark.asyncio
async def test_a_failed_job_has_nothing_to_save(sandbox: Sandbox, tmp_path: Path) -> None:
    from apiframe.batch import open_store

    store = open_store(str(tmp_path / "out"))
    async with AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
        accepted = await client.images.generate(model="flux-1.1-pro", prompt=f"x {FAIL_TRIGGER}")
        with pytest.raises(JobFailedError):
            await accepted.wait(interval=0.05, timeout=20)
        with pytest.raises(JobFailedError):
            await save_outputs(client, accepted.job_id, store)
    assert await store.objects() == []


class InstantClock:
    """A clock whose sleeps return at once, recording how long they would have been."""

    def __init__(self) -> None:
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        await asyncio.sleep(0)


class FlakyCdn:
    """A CDN on 127.0.0.1 whose first ``breaks`` answers stop halfway through the body."""

    def __init__(self, body: bytes, breaks: int) -> None:
        self.body = body
        self.breaks = breaks
        self.served = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                outer.served += 1
                self.send_response(200)
                self.send_header("Content-Type", "video/mp4")
                self.send_header("Content-Length", str(len(outer.body)))
                self.end_headers()
                if outer.served <= outer.breaks:
                    self.wfile.write(outer.body[: len(outer.body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(outer.body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v/clip.mp4"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.mark.asyncio
@pytest.mark.parametrize(("breaks", "saved"), [(2, True), (9, False)])
async def test_a_broken_transfer_is_retried_and_never_leaves_a_partial_file(
    sandbox: Sandbox, disk_or_s3: StoreCase, breaks: int, saved: bool
) -> None:
    body = bytes(range(256)) * 8192  # 2 MiB
    cdn = FlakyCdn(body, breaks)
    clock = InstantClock()
    try:
        async with AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
            real = await finished(client, model="flux-1.1-pro", prompt="a clip")
        job = Job.from_dict({**real.to_dict(), "result": {"url": cdn.url, "contentType": "video/mp4"}})
        async with AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url, max_retries=2)._use_clock(
            clock
        ) as client:
            if saved:
                assert await save_outputs(client, job, disk_or_s3.store) == [f"{job.id}.mp4"]
                assert await disk_or_s3.store.read_bytes(f"{job.id}.mp4", limit=1 << 22) == body
            else:
                with pytest.raises(DownloadError, match=r"ended after|broke off"):
                    await save_outputs(client, job, disk_or_s3.store)
                assert disk_or_s3.raw_names() == set()
    finally:
        cdn.stop()
    assert len(clock.slept) == 2  # backed off before each retry (on a fake clock: no real wait)
    assert cdn.served == (breaks + 1 if saved else 3)


def test_async_downloads_never_write_or_fsync_on_the_event_loop(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    calls: list[tuple[str, int]] = []
    progressed: list[int] = []
    real_write, real_fsync, real_open, real_replace = os.write, os.fsync, os.open, os.replace

    def write(fd: int, data: Any) -> int:
        calls.append(("write", threading.get_ident()))
        return real_write(fd, data)

    def fsync(fd: int) -> None:
        calls.append(("fsync", threading.get_ident()))
        real_fsync(fd)

    def open_(path: Any, *args: Any, **kwargs: Any) -> int:
        if str(tmp_path) in str(path):
            calls.append(("open", threading.get_ident()))
        return real_open(path, *args, **kwargs)

    def replace(source: Any, target: Any, **kwargs: Any) -> None:
        calls.append(("replace", threading.get_ident()))
        real_replace(source, target, **kwargs)

    async def main() -> tuple[int, list[Path]]:
        async with AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
            job = await finished(client, model="flux-1.1-pro", prompt="off the loop")
            monkeypatch.setattr(os, "write", write)
            monkeypatch.setattr(os, "fsync", fsync)
            monkeypatch.setattr(os, "open", open_)
            monkeypatch.setattr(os, "replace", replace)
            try:
                saved = await client.jobs.download(
                    job, tmp_path / "out", on_progress=lambda _: progressed.append(threading.get_ident())
                )
                return threading.get_ident(), saved
            finally:
                monkeypatch.undo()

    loop_thread, paths = asyncio.run(main())
    assert paths[0].read_bytes().startswith(PNG_MAGIC) and paths[0].parent == tmp_path / "out"
    # the file was opened, written, made durable and renamed into place...
    assert {kind for kind, _ in calls} == {"open", "write", "fsync", "replace"}
    assert all(thread != loop_thread for _, thread in calls)  # ...on a worker thread, never the loop's
    assert progressed and set(progressed) == {loop_thread}  # progress is reported on the loop
    assert [p.name for p in tmp_path.joinpath("out").iterdir()] == [paths[0].name]


@pytest.mark.parametrize(
    ("content_type", "body"),
    [("text/html; charset=utf-8", b"<html>moved</html>"), ("image/png", b"<!DOCTYPE html><html>login</html>")],
    ids=["html-type", "html-body"],
)
def test_an_html_page_is_never_saved_into_a_store(tmp_path: Path, content_type: str, body: bytes) -> None:
    job = {
        "id": "job_1", "status": "COMPLETED", "model": "flux-1.1-pro", "progress": 100, "error": None,
        "creditCost": None, "webhookStatus": None, "createdAt": "2026-11-23T10:00:00Z", "completedAt": None,
        "expired": False, "result": {"urls": ["https://cdn.test/a.png"]},
    }  # fmt: skip

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "cdn.test":
            return httpx.Response(200, content=body, headers={"Content-Type": content_type})
        return httpx.Response(200, json=job)

    async def main() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        async with AsyncApiframe(api_key="afk_t", base_url="https://api.test", http_client=http) as client:
            with pytest.raises(DownloadError, match="HTML page instead of the file"):
                await save_outputs(client, "job_1", open_store(tmp_path / "out"))
            with pytest.raises(DownloadError, match="HTML page instead of the file"):
                await client.jobs.download("job_1", tmp_path / "dl")
        await http.aclose()

    asyncio.run(main())
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
