"""Generated media are valid files; upload sniffing recognises the documented types."""

from __future__ import annotations

import pytest
from sandbox_helpers import WEBM_HEAD, avi_info, png_size, wav_frames

from apiframe.testing._media import make_avi, make_media, make_png, make_wav
from apiframe.testing._sniff import sniff


def test_png_is_valid_and_depends_on_the_seed() -> None:
    assert png_size(make_png("a", 10, 7)) == (10, 7)
    assert make_png("a") == make_png("a")
    assert make_png("a") != make_png("b")


def test_wav_is_valid() -> None:
    assert wav_frames(make_wav("tune", seconds=0.5, rate=8000)) == 4000
    assert make_wav("a") != make_wav("b")


def test_avi_is_valid() -> None:
    data = make_avi("clip", width=16, height=8, frames=5, fps=5)
    assert avi_info(data) == {"frames": 5, "streams": 1, "width": 16, "height": 8}
    assert data.count(b"00db") == 10  # five frame chunks plus five index entries


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (make_png("x")[:16], ("image", "image/png")),
        (b"\xff\xd8\xff\xe0" + b"\0" * 12, ("image", "image/jpeg")),
        (b"GIF89a" + b"\0" * 10, ("image", "image/gif")),
        (b"RIFF\0\0\0\0WEBPVP8 ", ("image", "image/webp")),
        (make_wav("x")[:16], ("audio", "audio/wav")),
        (b"OggS" + b"\0" * 12, ("audio", "audio/ogg")),
        (b"ID3\x04" + b"\0" * 12, ("audio", "audio/mpeg")),
        (b"\xff\xfb\x90\x00" + b"\0" * 12, ("audio", "audio/mpeg")),
        (b"\0\0\0\x20ftypM4A \0\0\0\0", ("audio", "audio/mp4")),
        (b"\0\0\0\x20ftypisom\0\0\0\0", ("video", "video/mp4")),
        (b"\0\0\0\x14ftypqt  \0\0\0\0", ("video", "video/quicktime")),
        (WEBM_HEAD, ("video", "video/webm")),
    ],
)
def test_sniffing(head: bytes, expected: tuple[str, str]) -> None:
    found = sniff(head)
    assert found is not None
    assert (found.kind, found.content_type) == expected


def test_unknown_bytes_are_not_sniffed() -> None:
    assert sniff(b"hello, plain text") is None
    assert sniff(make_avi("x")[:16]) is None  # AVI is not an accepted upload type
    assert sniff(WEBM_HEAD.replace(b"webm", b"mkv ")) is None  # nor is Matroska


def test_make_media_by_modality() -> None:
    assert make_media("image", "s")[:4] == b"\x89PNG"
    assert make_media("music", "s")[8:12] == b"WAVE"
    assert make_media("video", "s")[4:12] == b"ftypisom"
