"""Identify uploaded files by their first bytes; the declared content type is ignored."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["SNIFF_BYTES", "Sniffed", "sniff"]

SNIFF_BYTES = 16
"""How many leading bytes :func:`sniff` needs to decide."""


class Sniffed(NamedTuple):
    """What a file is: upload kind, content type and a file extension."""

    kind: str
    content_type: str
    extension: str


def sniff(head: bytes) -> Sniffed | None:
    """Recognise PNG, JPEG, WebP, GIF, MP4, WebM, MOV, MP3, WAV, OGG and M4A."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed("image", "image/png", "png")
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed("image", "image/jpeg", "jpg")
    if head.startswith((b"GIF87a", b"GIF89a")):
        return Sniffed("image", "image/gif", "gif")
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return Sniffed("image", "image/webp", "webp")
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return Sniffed("audio", "audio/wav", "wav")
    if head.startswith(b"OggS"):
        return Sniffed("audio", "audio/ogg", "ogg")
    if head.startswith(b"ID3") or (len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return Sniffed("audio", "audio/mpeg", "mp3")
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return Sniffed("video", "video/webm", "webm")
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand == b"qt  ":
            return Sniffed("video", "video/quicktime", "mov")
        if brand in (b"M4A ", b"M4B ", b"M4P "):
            return Sniffed("audio", "audio/mp4", "m4a")
        return Sniffed("video", "video/mp4", "mp4")
    return None
