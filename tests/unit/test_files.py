"""File inputs (apiframe._files): validation, sniffing, streaming multipart encoding."""

from __future__ import annotations

import io
import os
import tracemalloc
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from python_multipart import MultipartParser

from apiframe._errors import InvalidRequestError
from apiframe._files import (
    FileSource,
    MultipartBody,
    _sources,
    file_source,
    sniff_content_type,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"j" * 300


def read_all(source: FileSource, chunk_size: int = 64 * 1024) -> bytes:
    return b"".join(source.iter_chunks(chunk_size))


def parse_multipart(body: bytes, boundary: str) -> list[dict[str, Any]]:
    """Parse with python-multipart (the parser the server side uses)."""
    parts: list[dict[str, Any]] = []
    state: dict[str, Any] = {"field": b"", "value": b""}

    def on_part_begin() -> None:
        parts.append({"headers": {}, "data": b""})

    def on_header_field(data: bytes, start: int, end: int) -> None:
        state["field"] += data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        state["value"] += data[start:end]

    def on_header_end() -> None:
        parts[-1]["headers"][state["field"].decode().lower()] = state["value"].decode()
        state["field"], state["value"] = b"", b""

    def on_part_data(data: bytes, start: int, end: int) -> None:
        parts[-1]["data"] += data[start:end]

    parser = MultipartParser(
        boundary,
        {
            "on_part_begin": on_part_begin,
            "on_header_field": on_header_field,
            "on_header_value": on_header_value,
            "on_header_end": on_header_end,
            "on_part_data": on_part_data,
        },
    )
    assert parser.write(body) == len(body)
    parser.finalize()
    for part in parts:
        disposition = part["headers"]["content-disposition"]
        params = dict(
            (item.strip().split("=", 1)[0], item.strip().split("=", 1)[1].strip('"'))
            for item in disposition.split(";")[1:]
        )
        part["name"] = params["name"]
        part["filename"] = params.get("filename")
    return parts


# --- input forms ---------------------------------------------------------------------------


def test_path_str_and_pathlib(tmp_path: Path) -> None:
    path = tmp_path / "cat.png"
    path.write_bytes(PNG)
    for value in (str(path), path):
        source = file_source(value)
        assert source.filename == "cat.png"
        assert source.content_type == "image/png"
        assert source.size == len(PNG)
        assert source.replayable is True
        assert read_all(source, 100) == PNG
        assert read_all(source) == PNG  # replay gives the same bytes


def test_path_expands_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "a.jpg").write_bytes(JPEG)
    source = file_source("~/a.jpg")
    assert source.content_type == "image/jpeg"
    assert read_all(source) == JPEG


@pytest.mark.parametrize("wrap", [bytes, bytearray, memoryview])
def test_bytes_like(wrap: Any) -> None:
    source = file_source(wrap(PNG))
    assert source.filename == "file.png"
    assert source.content_type == "image/png"
    assert source.size == len(PNG)
    assert source.replayable
    chunks = list(source.iter_chunks(100))
    assert all(isinstance(c, bytes) and len(c) <= 100 for c in chunks)
    assert b"".join(chunks) == PNG


def test_unknown_bytes_default_name_and_type() -> None:
    source = file_source(b"just some bytes")
    assert source.filename == "upload.bin"
    assert source.content_type == "application/octet-stream"


def test_bytesio_from_current_position_and_replay() -> None:
    buffer = io.BytesIO(b"skipped" + PNG)
    buffer.seek(7)
    source = file_source(buffer)
    assert source.size == len(PNG)
    assert source.content_type == "image/png"
    assert buffer.tell() == 7  # sniffing did not move the position
    assert source.replayable
    assert read_all(source) == PNG
    assert read_all(source) == PNG


def test_open_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "photo.jpeg"
    path.parent.mkdir()
    path.write_bytes(JPEG)
    with open(path, "rb") as f:
        source = file_source(f)
        assert source.filename == "photo.jpeg"
        assert source.content_type == "image/jpeg"
        assert source.size == len(JPEG)
        assert read_all(source) == JPEG
        assert read_all(source) == JPEG
        assert not f.closed  # the caller's file stays open


def test_generator_with_filename_keeps_peeked_head() -> None:
    def gen() -> Iterator[Any]:  # bytearray chunks are accepted too
        yield PNG[:5]
        yield bytearray(PNG[5:20])
        yield b""
        yield PNG[20:]

    source = file_source(gen(), filename="x.png")
    assert source.size is None
    assert source.replayable is False
    assert source.content_type == "image/png"  # sniffed across the first chunks
    assert read_all(source) == PNG
    with pytest.raises(InvalidRequestError, match="already"):
        source.iter_chunks()


def test_generator_content_type_argument_is_not_peeked() -> None:
    pulled: list[int] = []

    def gen() -> Iterator[bytes]:
        pulled.append(1)
        yield b"abc"

    source = file_source(gen(), filename="a.bin", content_type="video/mp4")
    assert pulled == []  # nothing consumed before streaming
    assert source.content_type == "video/mp4"
    assert read_all(source) == b"abc"


def test_list_of_chunks_is_replayable() -> None:
    source = file_source([b"ab", b"cd"], filename="notes.txt")
    assert source.size == 4
    assert source.replayable
    assert source.content_type == "text/plain"
    assert read_all(source) == read_all(source) == b"abcd"


def test_tuple_forms() -> None:
    two = file_source(("named.webp", PNG))
    assert (two.filename, two.content_type) == ("named.webp", "image/png")
    three = file_source(("clip.bin", b"raw", "video/mp4"))
    assert (three.filename, three.content_type) == ("clip.bin", "video/mp4")
    no_name = file_source((None, PNG))
    assert no_name.filename == "file.png"
    override = file_source(("a.png", PNG, "image/png"), filename="b.png", content_type="image/x")
    assert (override.filename, override.content_type) == ("b.png", "image/x")
    gen_tuple = file_source(("song.mp3", iter([b"ID3abc"])))
    assert gen_tuple.content_type == "audio/mpeg"
    assert read_all(gen_tuple) == b"ID3abc"


def test_non_seekable_buffered_stream_uses_peek() -> None:
    read_fd, write_fd = os.pipe()
    os.write(write_fd, PNG)
    os.close(write_fd)
    with open(read_fd, "rb") as pipe:
        assert not pipe.seekable()
        source = file_source(pipe, filename="p.png")
        assert source.content_type == "image/png"
        assert source.size is None
        assert not source.replayable
        assert read_all(source, 64) == PNG
        with pytest.raises(InvalidRequestError):
            source.iter_chunks()


class _ReadOnly:
    """A minimal binary reader: no seek, no peek, no name."""

    def __init__(self, data: bytes) -> None:
        self._buffer = io.BytesIO(data)

    def read(self, n: int = -1) -> bytes:
        return self._buffer.read(n)


def test_unseekable_reader_prepends_sniffed_head() -> None:
    source = file_source(cast(Any, _ReadOnly(JPEG)))
    assert source.filename == "file.jpg"
    assert source.content_type == "image/jpeg"
    assert read_all(source, 50) == JPEG


def test_existing_source_passes_through() -> None:
    source = file_source(PNG)
    assert file_source(source) is source


def test_repr_has_no_content() -> None:
    text = repr(file_source(b"secret-content", filename="a.txt"))
    assert "a.txt" in text
    assert "secret-content" not in text


# --- validation errors -----------------------------------------------------------------------


def test_missing_path_names_path_and_field(tmp_path: Path) -> None:
    missing = tmp_path / "nope.png"
    with pytest.raises(InvalidRequestError) as info:
        file_source(missing, field="images[2]")
    assert info.value.field == "images[2]"
    assert "nope.png" in str(info.value)
    assert "images[2]" in str(info.value)
    assert "existing file" in str(info.value)


def test_directory_rejected(tmp_path: Path) -> None:
    with pytest.raises(InvalidRequestError, match="directory") as info:
        file_source(tmp_path)
    assert info.value.field == "file"


def test_permission_error_reported_even_when_privileged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root bypasses chmod, so also simulate the OS refusing the read."""
    path = tmp_path / "secret.png"
    path.write_bytes(PNG)

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(_sources, "open", refuse, raising=False)
    with pytest.raises(InvalidRequestError, match="chmod") as info:
        file_source(path, field="images[0]")
    assert "secret.png" in str(info.value)
    assert info.value.field == "images[0]"


def test_text_mode_files_rejected(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("hello")
    with open(path) as text_file, pytest.raises(InvalidRequestError, match="'rb'"):
        file_source(text_file)  # type: ignore[arg-type]
    with pytest.raises(InvalidRequestError, match="binary mode"):
        file_source(io.StringIO("hello"))  # type: ignore[arg-type]


def test_iterator_without_filename_rejected() -> None:
    with pytest.raises(InvalidRequestError, match="filename="):
        file_source(iter([b"abc"]))


@pytest.mark.parametrize("value", [42, 3.5, None, {"a": b"b"}, object()])
def test_wrong_types_list_accepted_types(value: Any) -> None:
    with pytest.raises(InvalidRequestError, match="binary file object") as info:
        file_source(value)
    assert type(value).__name__ in str(info.value)


def test_closed_file_rejected() -> None:
    buffer = io.BytesIO(b"x")
    buffer.close()
    with pytest.raises(InvalidRequestError, match="closed"):
        file_source(buffer)


def test_bad_filename_and_content_type_rejected() -> None:
    with pytest.raises(InvalidRequestError, match="line break"):
        file_source(b"x", content_type="image/png\r\nX-Injected: 1")
    with pytest.raises(InvalidRequestError, match="non-empty"):
        file_source(b"x", filename="")
    with pytest.raises(InvalidRequestError, match="media type"):
        file_source(b"x", content_type="png")
    with pytest.raises(InvalidRequestError, match="tuple"):
        file_source(("a", b"b", "c/d", "extra"))  # type: ignore[arg-type]


def test_text_chunks_from_iterator_fail_when_streamed() -> None:
    source = file_source(iter(["text"]), filename="a.txt", content_type="text/plain")  # type: ignore[arg-type]
    with pytest.raises(InvalidRequestError, match="bytes"):
        read_all(source)


def test_file_that_shrinks_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(b"x" * 1000)
    source = file_source(path)
    path.write_bytes(b"x" * 10)
    with pytest.raises(InvalidRequestError, match="shrank"):
        read_all(source)


def test_file_deleted_before_streaming(tmp_path: Path) -> None:
    path = tmp_path / "gone.bin"
    path.write_bytes(b"x")
    source = file_source(path)
    path.unlink()
    with pytest.raises(InvalidRequestError, match=r"gone\.bin"):
        read_all(source)


# --- sniffing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (PNG, "image/png"),
        (JPEG, "image/jpeg"),
        (b"GIF89a\x01\x00", "image/gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", "audio/wav"),
        (b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00", "video/mp4"),
        (b"\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00", "video/quicktime"),
        (b"ID3\x04\x00\x00\x00\x00\x00\x00", "audio/mpeg"),
        (b"\xff\xfb\x90\x64\x00", "audio/mpeg"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm", "video/webm"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x88matroska", "video/x-matroska"),
        (b"%PDF-1.7\n", "application/pdf"),
        (b"OggS\x00\x02", "audio/ogg"),
        (b"fLaC\x00\x00", "audio/flac"),
        (b"plain text", None),
        (b"", None),
    ],
)
def test_sniff_content_type(head: bytes, expected: str | None) -> None:
    assert sniff_content_type(head) == expected
    if expected is not None:
        assert file_source(head + b"\x00" * 16).content_type == expected


def test_sniffed_type_wins_over_extension_and_argument_wins_over_both(tmp_path: Path) -> None:
    path = tmp_path / "misnamed.jpg"
    path.write_bytes(PNG)
    assert file_source(path).content_type == "image/png"
    assert file_source(path, content_type="image/jpeg").content_type == "image/jpeg"


def test_fallback_to_mimetypes_then_octet_stream(tmp_path: Path) -> None:
    json_path = tmp_path / "data.json"
    json_path.write_bytes(b'{"a": 1}')
    assert file_source(json_path).content_type == "application/json"
    unknown = tmp_path / "blob.zzzunknown"
    unknown.write_bytes(b"\x01\x02\x03")
    assert file_source(unknown).content_type == "application/octet-stream"
    assert file_source(b"hello", filename="a.txt").content_type == "text/plain"


# --- multipart encoding ------------------------------------------------------------------------


def test_body_parses_back(tmp_path: Path) -> None:
    path = tmp_path / "img.png"
    path.write_bytes(PNG)
    body = MultipartBody(
        [("prompt", 'a cat\r\nwith "quotes" and ünïcode'), ("steps", "30")],
        [
            ("images", file_source(path)),
            ("images", file_source(JPEG, filename='we"ird\nname.jpg')),
        ],
    )
    raw = b"".join(body.iter_bytes())
    assert body.content_type == f"multipart/form-data; boundary={body.boundary}"
    assert b'filename="we%22ird%0Aname.jpg"' in raw
    assert raw.endswith(f"--{body.boundary}--\r\n".encode())
    parts = parse_multipart(raw, body.boundary)
    assert [p["name"] for p in parts] == ["prompt", "steps", "images", "images"]
    assert parts[0]["data"].decode() == 'a cat\r\nwith "quotes" and ünïcode'
    assert parts[1]["data"] == b"30"
    assert parts[2]["filename"] == "img.png"
    assert parts[2]["headers"]["content-type"] == "image/png"
    assert parts[2]["data"] == PNG
    assert parts[3]["filename"] == "we%22ird%0Aname.jpg"
    assert parts[3]["headers"]["content-type"] == "image/jpeg"
    assert parts[3]["data"] == JPEG


def test_field_name_escaping() -> None:
    body = MultipartBody([('a"b\r\nc', "v")], [], boundary="fixed")
    raw = b"".join(body.iter_bytes())
    assert raw == (b'--fixed\r\nContent-Disposition: form-data; name="a%22b%0D%0Ac"\r\n\r\nv\r\n--fixed--\r\n')


def test_content_length_exact_when_sizes_known(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(os.urandom(3000))
    body = MultipartBody([("k", "välue")], [("f", file_source(path)), ("g", file_source(io.BytesIO(b"xy")))])
    assert body.content_length == len(b"".join(body.iter_bytes()))
    assert body.headers == {
        "Content-Type": body.content_type,
        "Content-Length": str(body.content_length),
    }
    assert body.replayable


def test_content_length_unknown_for_generators() -> None:
    body = MultipartBody([], [("f", file_source(iter([b"abc"]), filename="a.bin"))])
    assert body.content_length is None
    assert "Content-Length" not in body.headers
    assert body.replayable is False


def test_replay_path_body_twice_gives_same_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(PNG)
    body = MultipartBody([("x", "1")], [("file", file_source(path))])
    assert b"".join(body.iter_bytes()) == b"".join(body.iter_bytes())


def test_generator_body_cannot_be_sent_twice() -> None:
    body = MultipartBody([], [("file", file_source(iter([b"abc"]), filename="a.bin"))])
    assert b"abc" in b"".join(body.iter_bytes())
    with pytest.raises(InvalidRequestError, match="one-shot"):
        b"".join(body.iter_bytes())


def test_boundary_random_and_validated() -> None:
    assert MultipartBody([], []).boundary != MultipartBody([], []).boundary
    with pytest.raises(ValueError, match="boundary"):
        MultipartBody([], [], boundary="bad\r\nboundary")
    with pytest.raises(TypeError):
        MultipartBody([], [("f", b"raw")])  # type: ignore[list-item]


@pytest.mark.asyncio
async def test_async_bytes_equal_sync(tmp_path: Path) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(PNG * 50)

    def make() -> MultipartBody:
        return MultipartBody(
            [("prompt", "p")],
            [
                ("a", file_source(path)),
                ("b", file_source(JPEG)),
                ("c", file_source(iter([b"12", b"34"]), filename="c.bin")),
                ("d", file_source(io.BytesIO(PNG))),
            ],
            boundary="same",
        )

    sync_bytes = b"".join(make().iter_bytes(1000))
    async_bytes = b"".join([chunk async for chunk in make().aiter_bytes(1000)])
    assert async_bytes == sync_bytes
    assert PNG * 50 in async_bytes


@pytest.mark.asyncio
async def test_async_iterable_source() -> None:
    async def agen() -> AsyncIterator[bytes]:
        yield b"ID3"
        yield b"data"

    source = file_source(agen(), filename="song.mp3")
    assert source.content_type == "audio/mpeg"  # from the filename
    with pytest.raises(InvalidRequestError, match="async client"):
        source.iter_chunks()
    body = MultipartBody([], [("file", source)], boundary="b")
    raw = b"".join([chunk async for chunk in body.aiter_bytes()])
    assert parse_multipart(raw, "b")[0]["data"] == b"ID3data"


BIG = 64 * 1024 * 1024
"""A file far larger than the memory a streamed upload may hold (an eighth of it)."""


def test_streaming_a_large_file_uses_little_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.mp4"
    size = BIG
    with open(path, "wb") as f:
        f.truncate(size)  # sparse: no disk blocks written
    source = file_source(path)
    body = MultipartBody([("prompt", "x")], [("file", source)])
    total = 0
    tracemalloc.start()
    try:
        for chunk in body.iter_bytes():
            total += len(chunk)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert total == body.content_length
    assert peak < BIG // 8


def test_a_large_upload_streams_through_the_client(tmp_path: Path) -> None:
    """uploads.create end to end: the body reaches the transport chunk by chunk."""
    import tracemalloc

    import httpx

    from apiframe import Apiframe

    path = tmp_path / "big.bin"
    with path.open("wb") as handle:
        handle.truncate(BIG)
    received = 0

    class Consuming(httpx.BaseTransport):  # MockTransport would read the whole body first
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            nonlocal received
            for chunk in request.stream:  # type: ignore[union-attr]
                received += len(chunk)
            body = {
                "id": "up", "url": "https://x/u", "kind": "other", "contentType": "application/octet-stream",
                "byteSize": BIG, "expiresAt": "2026-11-24T10:00:00+00:00",
            }  # fmt: skip
            return httpx.Response(201, json=body)

    client = Apiframe(api_key="afk_x", base_url="https://api.test", http_client=httpx.Client(transport=Consuming()))
    tracemalloc.start()
    try:
        client.uploads.create(file=path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert received > BIG
    assert peak < BIG // 8
