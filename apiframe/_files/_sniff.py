"""What a file is, from its first bytes: the media type, and the extension that names it.

The sandbox (``apiframe.testing``) sniffs uploads with these same functions.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping

__all__ = ["EXTENSIONS", "SNIFF_BYTES", "default_name", "pick_type", "sniff_content_type"]

SNIFF_BYTES = 512
"""How many leading bytes :func:`sniff_content_type` looks at (WebM names itself within 64)."""

# Extensions for sniffed types (used to name nameless byte payloads).
EXTENSIONS: Mapping[str, str] = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/bmp": ".bmp",
    "image/tiff": ".tiff",
    "image/avif": ".avif",
    "image/heic": ".heic",
    "video/mp4": ".mp4",
    "video/quicktime": ".mov",
    "video/webm": ".webm",
    "video/x-matroska": ".mkv",
    "video/x-msvideo": ".avi",
    "audio/mp4": ".m4a",
    "audio/wav": ".wav",
    "audio/x-wav": ".wav",
    "audio/wave": ".wav",
    "audio/mpeg": ".mp3",
    "audio/aac": ".aac",
    "audio/ogg": ".ogg",
    "audio/flac": ".flac",
    "application/pdf": ".pdf",
    "application/zip": ".zip",
}

_FTYP_BRANDS: Mapping[bytes, str] = {
    b"qt  ": "video/quicktime",
    b"M4A ": "audio/mp4",
    b"M4B ": "audio/mp4",
    b"M4P ": "audio/mp4",
    b"avif": "image/avif",
    b"avis": "image/avif",
    b"heic": "image/heic",
    b"heix": "image/heic",
    b"mif1": "image/heic",
    b"msf1": "image/heic",
}


def sniff_content_type(head: bytes) -> str | None:
    """The media type recognised from a file's first bytes (magic numbers), or ``None``."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head.startswith(b"RIFF") and len(head) >= 12:
        riff = {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo"}
        return riff.get(head[8:12])
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return _FTYP_BRANDS.get(head[8:12], "video/mp4")
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm" if b"webm" in head[:64] else "video/x-matroska"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"ID3"):
        return "audio/mpeg"
    if head.startswith(b"OggS"):
        return "audio/ogg"
    if head.startswith(b"fLaC"):
        return "audio/flac"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image/tiff"
    if head.startswith(b"PK\x03\x04"):
        return "application/zip"
    if head.startswith(b"BM") and len(head) >= 14 and head[6:10] == b"\x00\x00\x00\x00":
        return "image/bmp"
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        layer = (head[1] >> 1) & 0x03
        return "audio/aac" if layer == 0 else "audio/mpeg"
    return None


def pick_type(content_type: str | None, head: bytes | None, filename: str | None) -> str:
    if content_type is not None:
        return content_type
    if head:
        sniffed = sniff_content_type(head)
        if sniffed is not None:
            return sniffed
    if filename:
        guessed, _ = mimetypes.guess_type(filename, strict=False)
        if guessed is not None:
            return guessed
    return "application/octet-stream"


def default_name(content_type: str) -> str:
    ext = EXTENSIONS.get(content_type)
    if ext is None:
        return "upload.bin"
    return "file" + ext
