"""A writer SIGKILLed mid-upload leaves nothing that looks complete, on S3 or on disk."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from apiframe.batch import open_store

from .conftest import StoreCase

_WRITER = """
import asyncio, json, sys
from apiframe.batch import open_store

url, options = sys.argv[1], json.loads(sys.argv[2])

async def endless():
    sent = 0
    block = b"v" * (1 << 20)
    while True:
        yield block
        sent += len(block)
        if sent == 12 << 20:  # past two 5 MiB parts: a multipart upload is under way
            print("uploading", flush=True)
        if sent > 12 << 20:
            await asyncio.sleep(0.05)

async def main():
    store = open_store(url, part_size=5 << 20, **options)
    await store.write("video.mp4", endless())

asyncio.run(main())
"""


def _start_and_kill(url: str, options: dict[str, object], env: dict[str, str]) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, url, json.dumps(options)],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "uploading"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        if writer.stdout is not None:
            writer.stdout.close()
    assert writer.returncode == -signal.SIGKILL


@pytest.mark.slow
@pytest.mark.asyncio
async def test_a_writer_killed_mid_upload_leaves_no_object(disk_or_s3: StoreCase, tmp_path: Path) -> None:
    case = disk_or_s3
    _start_and_kill(case.url, case.options, dict(os.environ))  # the test's AWS settings included

    assert "video.mp4" not in case.raw_names()
    assert not await case.store.exists("video.mp4")
    assert await case.store.objects() == []
    if case.kind == "s3":
        assert len(case.open_uploads()) == 1  # the kill hit mid-upload; S3 expires it (lifecycle rule)
    else:
        leftovers = case.raw_names()
        assert len(leftovers) == 1 and next(iter(leftovers)).startswith(".video.mp4.")

    fresh = open_store(case.url, **case.options)  # so a re-run (anywhere) writes it whole
    await fresh.write_bytes("video.mp4", b"whole")
    assert await fresh.read_bytes("video.mp4") == b"whole"
