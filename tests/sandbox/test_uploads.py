"""Uploads: streamed to disk, sniffed, size-checked, served back until they expire."""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator

import httpx
from sandbox_helpers import WEBM_HEAD, ClientFactory, png_bytes

from apiframe.testing import ManualClock, Sandbox, SandboxConfig, UploadLimits
from apiframe.testing._media import make_wav


def test_upload_png_and_fetch_it_back(sandbox: Sandbox, client: httpx.Client) -> None:
    data = png_bytes("cat")
    response = client.post("/v2/uploads", files={"file": ("my cat.png", data, "application/octet-stream")})
    assert response.status_code == 201, response.text
    upload = response.json()
    assert upload["kind"] == "image"
    assert upload["contentType"] == "image/png"
    assert upload["byteSize"] == len(data)
    assert upload["url"].startswith(sandbox.base_url)
    fetched = client.get(upload["url"])
    assert fetched.status_code == 200
    assert fetched.content == data
    assert fetched.headers["content-type"] == "image/png"


def test_declared_type_is_ignored_in_favour_of_bytes(client: httpx.Client) -> None:
    wav = make_wav("beep", seconds=0.1)
    response = client.post("/v2/uploads", files={"file": ("song.png", wav, "image/png")})
    assert response.status_code == 201
    assert (response.json()["kind"], response.json()["contentType"]) == ("audio", "audio/wav")


def test_unsupported_type_missing_file_and_bad_body(client: httpx.Client) -> None:
    text = client.post("/v2/uploads", files={"file": ("notes.txt", b"hello world, plain text")})
    assert text.status_code == 400
    assert "unsupported" in text.json()["details"]["file"][0]
    wrong_field = client.post("/v2/uploads", files={"image": ("a.png", png_bytes())})
    assert wrong_field.status_code == 400
    assert "file" in wrong_field.json()["details"]
    not_multipart = client.post("/v2/uploads", json={"file": "x"})
    assert not_multipart.status_code == 400
    empty = client.post("/v2/uploads", files={"file": ("a.png", b"")})
    assert empty.status_code == 400


def test_size_limits_per_kind(make_client: ClientFactory) -> None:
    limits = UploadLimits(image=100, audio=100_000, video=100)
    with Sandbox(SandboxConfig(upload_limits=limits)) as sandbox:
        client = make_client(sandbox)
        big_png = png_bytes("big") + b"\0" * 200
        too_big = client.post("/v2/uploads", files={"file": ("a.png", big_png)})
        assert too_big.status_code == 400
        assert "too large" in too_big.json()["details"]["file"][0]
        small_wav = make_wav("x", seconds=0.01, rate=8000)
        assert client.post("/v2/uploads", files={"file": ("a.wav", small_wav)}).status_code == 201
        assert sandbox.upload_count() == 1
        leftovers = [p for p in (sandbox.state.files_dir / "uploads").iterdir()]
        assert len(leftovers) == 1


def test_upload_expires(make_client: ClientFactory) -> None:
    clock = ManualClock(start=1_800_000_000.0)
    with Sandbox(SandboxConfig(upload_ttl_seconds=60), clock=clock) as sandbox:
        client = make_client(sandbox)
        upload = client.post("/v2/uploads", files={"file": ("a.png", png_bytes())}).json()
        assert upload["expiresAt"].startswith("2027-01-15T08:01:00")
        assert client.get(upload["url"]).status_code == 200
        clock.advance(60)
        assert client.get(upload["url"]).status_code == 404


def _stream(total: int, chunk: int = 256 * 1024) -> Iterator[bytes]:
    boundary = b"sandboxboundary"
    yield (
        b"--" + boundary + b"\r\n"
        b'Content-Disposition: form-data; name="file"; filename="clip.webm"\r\n'
        b"Content-Type: video/webm\r\n\r\n" + WEBM_HEAD
    )
    sent = len(WEBM_HEAD)
    block = b"\x5a" * chunk
    while sent < total:
        piece = block[: min(chunk, total - sent)]
        sent += len(piece)
        yield piece
    yield b"\r\n--" + boundary + b"--\r\n"


def test_large_upload_streams_with_low_memory(make_client: ClientFactory) -> None:
    total = 48 * 1024 * 1024
    limits = UploadLimits(video=64 * 1024 * 1024)
    with Sandbox(SandboxConfig(upload_limits=limits)) as sandbox:
        client = make_client(sandbox)
        headers = {"Content-Type": "multipart/form-data; boundary=sandboxboundary"}
        tracemalloc.start()
        try:
            response = client.post("/v2/uploads", content=_stream(total), headers=headers)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert response.status_code == 201, response.text
        assert response.json()["byteSize"] == total
        assert response.json()["kind"] == "video"
        assert peak < 8 * 1024 * 1024, f"peak traced memory {peak} bytes"
        with client.stream("GET", response.json()["url"]) as download:
            size = sum(len(part) for part in download.iter_bytes())
        assert size == total
