"""Identify uploaded files by their first bytes; the declared content type is ignored.

The bytes are read by the SDK's own sniffer (``apiframe._files``); the sandbox only decides
which of the recognised types the API accepts as uploads.
"""

from __future__ import annotations

from typing import NamedTuple

from .._files import EXTENSIONS, SNIFF_BYTES, sniff_content_type

__all__ = ["SNIFF_BYTES", "UPLOAD_TYPES", "Sniffed", "sniff"]

UPLOAD_TYPES = frozenset(
    {
        "image/png",
        "image/jpeg",
        "image/webp",
        "image/gif",
        "video/mp4",
        "video/webm",
        "video/quicktime",
        "audio/mpeg",
        "audio/wav",
        "audio/ogg",
        "audio/mp4",
    }
)
"""The media types the API takes as uploads (PNG, JPEG, WebP, GIF, MP4, WebM, MOV, MP3, WAV, OGG, M4A)."""


class Sniffed(NamedTuple):
    """What a file is: upload kind, content type and a file extension."""

    kind: str
    content_type: str
    extension: str


def sniff(head: bytes) -> Sniffed | None:
    """The upload a file's first bytes show, or None for a type the API does not take."""
    content_type = sniff_content_type(head)
    if content_type not in UPLOAD_TYPES:
        return None
    return Sniffed(content_type.partition("/")[0], content_type, EXTENSIONS[content_type].lstrip("."))
