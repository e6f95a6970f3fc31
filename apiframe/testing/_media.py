"""Small, valid media files derived from a seed text, using only the stdlib.

* images: PNG (8-bit RGB), a two-colour gradient with a band chosen by the seed
* music: WAV (16-bit mono PCM), a short chord whose pitches come from the seed
* video: MP4 (ISO BMFF, one uncompressed 24-bit RGB ``raw `` video track) with a moving bar;
  also an uncompressed RIFF AVI (``make_avi``)
"""

from __future__ import annotations

import hashlib
import io
import math
import struct
import wave
import zlib

__all__ = ["MEDIA_TYPES", "make_avi", "make_media", "make_mp4", "make_png", "make_wav"]

MEDIA_TYPES = {
    "image": ("png", "image/png"),
    "music": ("wav", "audio/wav"),
    "video": ("mp4", "video/mp4"),
}
"""Modality -> (file extension, content type) of generated results."""


def _palette(seed: str) -> tuple[bytes, int]:
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    return digest, int.from_bytes(digest[:4], "big")


def _mix(a: int, b: int, t: float) -> int:
    return round(a + (b - a) * t)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def make_png(seed: str, width: int = 64, height: int = 64) -> bytes:
    """A valid PNG whose colours are derived from ``seed``."""
    digest, number = _palette(seed)
    start = digest[4:7]
    end = digest[7:10]
    band = digest[10:13]
    band_row = number % max(height, 1)
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter type: none
        if abs(y - band_row) < max(height // 16, 1):
            rows.extend(bytes(band) * width)
            continue
        for x in range(width):
            t = (x + y) / max(width + height - 2, 1)
            rows.extend((_mix(start[0], end[0], t), _mix(start[1], end[1], t), _mix(start[2], end[2], t)))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _png_chunk(b"IEND", b"")
    )


def make_wav(seed: str, seconds: float = 1.0, rate: int = 8000) -> bytes:
    """A valid WAV (mono, 16-bit) playing a chord derived from ``seed``."""
    _, number = _palette(seed)
    root = 220.0 * 2 ** ((number % 24) / 12.0)
    pitches = (root, root * 2 ** (4 / 12), root * 2 ** (7 / 12))
    frames = bytearray()
    total = max(int(seconds * rate), 1)
    for i in range(total):
        envelope = min(1.0, i / (rate * 0.02), (total - i) / (rate * 0.05))
        value = sum(math.sin(2 * math.pi * p * i / rate) for p in pitches) / len(pitches)
        frames.extend(struct.pack("<h", int(value * envelope * 12000)))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(bytes(frames))
    return buffer.getvalue()


def _riff_chunk(fourcc: bytes, data: bytes) -> bytes:
    padded = data + (b"\x00" if len(data) % 2 else b"")
    return fourcc + struct.pack("<I", len(data)) + padded


def _riff_list(kind: bytes, body: bytes) -> bytes:
    return b"LIST" + struct.pack("<I", len(body) + 4) + kind + body


def make_avi(seed: str, width: int = 32, height: int = 32, frames: int = 16, fps: int = 8) -> bytes:
    """A valid uncompressed AVI (BI_RGB, 24 bit) animated from ``seed``."""
    digest, _ = _palette(seed)
    background = digest[0:3]
    bar = digest[3:6]
    row_bytes = (width * 3 + 3) & ~3
    frame_size = row_bytes * height
    movi = bytearray()
    index = bytearray()
    for n in range(frames):
        bar_x = (n * width) // max(frames, 1)
        pixels = bytearray()
        for _y in range(height):
            row = bytearray()
            for x in range(width):
                r, g, b = bar if abs(x - bar_x) < max(width // 8, 1) else background
                row.extend((b, g, r))  # DIB pixels are BGR
            row.extend(b"\x00" * (row_bytes - len(row)))
            pixels.extend(row)
        offset = 4 + len(movi)  # relative to the 'movi' fourcc
        movi.extend(_riff_chunk(b"00db", bytes(pixels)))
        index.extend(b"00db" + struct.pack("<III", 0x10, offset, frame_size))
    avih = struct.pack(
        "<IIIIIIIIII16x",
        1_000_000 // fps,  # microseconds per frame
        frame_size * fps,  # max bytes per second
        0,  # padding granularity
        0x10,  # AVIF_HASINDEX
        frames,
        0,  # initial frames
        1,  # streams
        frame_size,  # suggested buffer size
        width,
        height,
    )
    strh = struct.pack(
        "<4s4sIHHIIIIIIIIhhhh",
        b"vids",
        b"DIB ",
        0,  # flags
        0,  # priority
        0,  # language
        0,  # initial frames
        1,  # scale
        fps,  # rate (fps = rate / scale)
        0,  # start
        frames,  # length
        frame_size,  # suggested buffer size
        0xFFFFFFFF,  # quality: default
        0,  # sample size
        0,
        0,
        width,
        height,
    )
    strf = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, frame_size, 0, 0, 0, 0)
    strl = _riff_list(b"strl", _riff_chunk(b"strh", strh) + _riff_chunk(b"strf", strf))
    hdrl = _riff_list(b"hdrl", _riff_chunk(b"avih", avih) + strl)
    body = b"AVI " + hdrl + _riff_list(b"movi", bytes(movi)) + _riff_chunk(b"idx1", bytes(index))
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _frames(seed: str, width: int, height: int, frames: int) -> list[bytes]:
    """RGB24 frames (top row first) of a bar crossing a plain background, coloured from ``seed``."""
    digest, _ = _palette(seed)
    background, bar = digest[0:3], digest[3:6]
    out = []
    for n in range(frames):
        bar_x = (n * width) // max(frames, 1)
        row = b"".join(bar if abs(x - bar_x) < max(width // 8, 1) else background for x in range(width))
        out.append(row * height)
    return out


def _box(kind: bytes, *parts: bytes) -> bytes:
    body = b"".join(parts)
    return struct.pack(">I", 8 + len(body)) + kind + body


def _full_box(kind: bytes, version: int, flags: int, *parts: bytes) -> bytes:
    return _box(kind, struct.pack(">I", (version << 24) | flags), *parts)


_MATRIX = struct.pack(">9I", 0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000)
"""The identity transform of ``mvhd``/``tkhd`` (16.16 and 2.30 fixed point)."""


def _moov(width: int, height: int, frames: int, fps: int, frame_size: int, data_offset: int) -> bytes:
    duration_ms = frames * 1000 // fps
    mvhd = _full_box(
        b"mvhd", 0, 0,
        struct.pack(">IIII", 0, 0, 1000, duration_ms),  # created, modified, timescale (ms), duration
        struct.pack(">IH10x", 0x00010000, 0x0100),  # rate 1.0, volume 1.0, reserved
        _MATRIX,
        bytes(24),  # pre_defined
        struct.pack(">I", 2),  # next track id
    )  # fmt: skip
    tkhd = _full_box(
        b"tkhd", 0, 0x3,  # enabled, in movie
        struct.pack(">IIII4xI", 0, 0, 1, 0, duration_ms),  # created, modified, track id, reserved, duration
        struct.pack(">8xhhH2x", 0, 0, 0),  # layer, alternate group, volume (0 for video)
        _MATRIX,
        struct.pack(">II", width << 16, height << 16),
    )  # fmt: skip
    mdhd = _full_box(b"mdhd", 0, 0, struct.pack(">IIIIHH", 0, 0, fps, frames, 0x55C4, 0))  # language "und"
    hdlr = _full_box(b"hdlr", 0, 0, struct.pack(">I4s12x", 0, b"vide"), b"VideoHandler\x00")
    entry = _box(
        b"raw ",
        bytes(6), struct.pack(">H", 1),  # reserved, data reference index
        bytes(16),  # pre_defined, reserved
        struct.pack(">HHIIIH", width, height, 0x00480000, 0x00480000, 0, 1),  # size, 72 dpi, reserved, frames/sample
        bytes(32),  # compressor name
        struct.pack(">Hh", 24, -1),  # depth, pre_defined
    )  # fmt: skip
    stbl = _box(
        b"stbl",
        _full_box(b"stsd", 0, 0, struct.pack(">I", 1), entry),
        _full_box(b"stts", 0, 0, struct.pack(">III", 1, frames, 1)),  # every sample lasts 1/fps s
        _full_box(b"stsc", 0, 0, struct.pack(">IIII", 1, 1, frames, 1)),  # one chunk holds every sample
        _full_box(b"stsz", 0, 0, struct.pack(">II", frame_size, frames)),
        _full_box(b"stco", 0, 0, struct.pack(">II", 1, data_offset)),
    )
    dinf = _box(b"dinf", _full_box(b"dref", 0, 0, struct.pack(">I", 1), _full_box(b"url ", 0, 1)))
    minf = _box(b"minf", _full_box(b"vmhd", 0, 1, bytes(8)), dinf, stbl)
    return _box(b"moov", mvhd, _box(b"trak", tkhd, _box(b"mdia", mdhd, hdlr, minf)))


def make_mp4(seed: str, width: int = 32, height: int = 32, frames: int = 16, fps: int = 8) -> bytes:
    """A valid MP4 (ISO BMFF): one video track of uncompressed RGB frames animated from ``seed``."""
    if width % 4 or width <= 0 or height <= 0 or frames <= 0 or fps <= 0:
        raise ValueError("width must be a positive multiple of 4; height, frames and fps positive")
    pictures = _frames(seed, width, height, frames)
    ftyp = _box(b"ftyp", b"isom", struct.pack(">I", 0x200), b"isomiso2mp41")
    size = width * height * 3
    moov_length = len(_moov(width, height, frames, fps, size, 0))  # the offset field has a fixed width
    data_offset = len(ftyp) + moov_length + 8
    mdat = _box(b"mdat", *pictures)
    return ftyp + _moov(width, height, frames, fps, size, data_offset) + mdat


def make_media(modality: str, seed: str) -> bytes:
    """The generated file for a result of ``modality`` (image, video or music)."""
    if modality == "video":
        return make_mp4(seed)
    if modality == "music":
        return make_wav(seed)
    return make_png(seed)
