"""``job.outputs`` and ``client.jobs.download`` against the sandbox over real HTTP."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from apiframe import (
    Apiframe,
    AsyncApiframe,
    DownloadProgress,
    InvalidRequestError,
    Job,
    JobFailedError,
    ResultExpiredError,
)
from apiframe.testing import FAIL_TRIGGER, Sandbox, SandboxConfig

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.2, seed=3)) as running:
        yield running


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[Apiframe]:
    with Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as c:
        yield c


def finished(client: Apiframe, **request: object) -> Job:
    return client.images.generate(**request).wait(interval=0.05, timeout=20)  # type: ignore[call-overload,no-any-return]


def test_outputs_are_typed_and_download_names_files_by_job_id(client: Apiframe, tmp_path: Path) -> None:
    job = finished(client, model="midjourney", prompt="a fox")
    assert isinstance(job, Job)
    assert len(job.outputs) == 4
    assert [o.index for o in job.outputs] == [1, 2, 3, 4]
    assert {o.content_type for o in job.outputs} == {"image/png"}
    seen: list[DownloadProgress] = []
    paths = client.jobs.download(job, tmp_path, on_progress=seen.append)
    assert [p.name for p in paths] == [f"{job.id}-{n}.png" for n in (1, 2, 3, 4)]
    for path in paths:
        assert path.read_bytes().startswith(PNG_MAGIC)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)  # no temp files left
    last = {progress.path: progress for progress in seen}
    assert set(last) == set(paths)
    assert all(p.received == p.total == p.path.stat().st_size for p in last.values())


def test_a_single_output_has_no_index_suffix(client: Apiframe, tmp_path: Path) -> None:
    job = client.videos.generate(model="kling-2.5-turbo-pro", prompt="snowy peaks").wait(interval=0.05, timeout=20)
    (path,) = client.jobs.download(job.id, tmp_path)  # an id works: the job is fetched first
    assert path.name == f"{job.id}.mp4"
    assert path.read_bytes()[4:8] == b"ftyp"


def test_files_already_complete_are_skipped(client: Apiframe, sandbox: Sandbox, tmp_path: Path) -> None:
    job = finished(client, model="flux-1.1-pro", prompt="a lighthouse")
    first = client.jobs.download(job, tmp_path)
    marker = b"left alone"
    first[0].write_bytes(marker)
    again = client.jobs.download(job, tmp_path)
    assert again == first
    assert first[0].read_bytes() == marker  # skipped, not fetched again
    replaced = client.jobs.download(job, tmp_path, overwrite=True)
    assert replaced[0].read_bytes().startswith(PNG_MAGIC)


def test_expired_results_raise_a_clear_error(tmp_path: Path) -> None:
    with Sandbox(SandboxConfig(job_seconds=0.1, result_retention_seconds=0.3)) as sandbox:
        client = Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url)
        job = finished(client, model="flux-1.1-pro", prompt="short-lived")
        time.sleep(0.5)
        with pytest.raises(ResultExpiredError, match=r"expired .* generate it again") as caught:
            client.jobs.download(job.id, tmp_path)
        assert caught.value.job_id == job.id
        # an old snapshot still claiming COMPLETED: the file URL answers 404, which is the same error
        stale = Job.from_dict({**job.to_dict(), "expired": False})  # `job` may have seen the expiry already
        with pytest.raises(ResultExpiredError, match="is gone"):
            client.jobs.download(stale, tmp_path)
        assert list(tmp_path.iterdir()) == []
        client.close()


def test_jobs_that_did_not_complete_are_refused(client: Apiframe, tmp_path: Path) -> None:
    queued = client.images.generate(model="flux-1.1-pro", prompt="still running")
    with pytest.raises(InvalidRequestError, match=r"not COMPLETED yet: wait for it first"):
        client.jobs.download(queued, tmp_path)
    failing = client.images.generate(model="flux-1.1-pro", prompt=f"boom {FAIL_TRIGGER}")
    with pytest.raises(JobFailedError):
        failing.wait(interval=0.05, timeout=20)
    with pytest.raises(JobFailedError, match="no files to download"):
        client.jobs.download(failing.job_id, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_download_directory_is_created_and_a_file_is_refused(client: Apiframe, tmp_path: Path) -> None:
    job = finished(client, model="flux-1.1-pro", prompt="nested")
    paths = client.jobs.download(job, tmp_path / "a" / "b")
    assert paths[0].parent == tmp_path / "a" / "b"
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(InvalidRequestError, match="is a file; pass a directory"):
        client.jobs.download(job, blocker)


def test_async_download_of_many_jobs_concurrently(sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> list[list[Path]]:
        async with AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
            music = await client.music.generate(
                model="suno", prompt="lo-fi", suno_params={"custom_mode": False, "instrumental": True}
            )
            image = await client.images.generate(model="flux-1.1-pro", prompt="async")
            done = [await handle.wait(interval=0.05, timeout=20) for handle in (music, image)]
            return list(await asyncio.gather(*(client.jobs.download(job, tmp_path) for job in done)))

    music_paths, image_paths = asyncio.run(main())
    assert [p.suffix for p in music_paths] == [".wav", ".wav"]
    assert all(p.read_bytes()[:4] == b"RIFF" for p in music_paths)
    assert image_paths[0].read_bytes().startswith(PNG_MAGIC)
