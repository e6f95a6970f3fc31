"""The sandbox's result files, derived from the job's seed and request, using only the stdlib.

* images: PNG (8-bit palette: at most 256 colours) at the size and aspect ratio the request asks for (at least 512 px
  on the long side unless it names a smaller width and height): a sky, shapes and the prompt
  as a caption, all derived from the seed, so two results differ (:mod:`._picture`)
* video: MP4 (ISO BMFF) holding an H.264 Constrained Baseline stream that browsers play
  (:mod:`._h264`), of the requested duration and aspect ratio, 640 px on its long side: the
  same kind of picture with a disc crossing it and a bar counting the time
* music: WAV (16-bit mono PCM), a short chord whose pitches come from the seed
* also an uncompressed RIFF AVI (``make_avi``), a type the API does not take as an upload

What the request says about the result is read by shape, never by model: ``width``/``height``,
``aspect_ratio`` (``"16:9"``), ``image_size`` (``"landscape_4_3"``), ``size`` (``"1024x768"``,
``"2K"``), ``resolution`` (``"720p"``, ``"1K"``, ``"2MP"``, ``"512px"``), ``duration`` and
``seed``, wherever they are in the body (top level or a params block), in any letter case or
spelling (``aspectRatio``).
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
import re
import struct
import wave
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ._h264 import Frame, encode_mp4
from ._picture import Scene, Shape, to_cb, to_cr, to_y

__all__ = [
    "MEDIA_TYPES",
    "QUICK_PIXELS",
    "MediaRequest",
    "is_quick",
    "make_avi",
    "make_media",
    "make_mp4",
    "make_png",
    "make_wav",
    "read_request",
]

MEDIA_TYPES = {
    "image": ("png", "image/png"),
    "music": ("wav", "audio/wav"),
    "video": ("mp4", "video/mp4"),
}
"""Modality -> (file extension, content type) of generated results."""

IMAGE_LONG_SIDE = 1024
"""An image's long side when the request names no size."""
MIN_LONG_SIDE, MAX_SIDE = 512, 4096
VIDEO_LONG_SIDE = 640
VIDEO_FPS = 12
VIDEO_SECONDS = 5.0
"""A video's duration when the request names none (requests are kept within 1 to 20 s)."""
_MAX_SECONDS = 20.0
_KEYFRAME_SECONDS = 5


def _palette(seed: str) -> tuple[bytes, int]:
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    return digest, int.from_bytes(digest[:4], "big")


# -- what the request asks for ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MediaRequest:
    """What a job's request says about its result files (None: it does not say)."""

    width: int | None = None
    height: int | None = None
    aspect: tuple[int, int] | None = None
    long_side: int | None = None
    short_side: int | None = None
    megapixels: float | None = None
    seconds: float | None = None
    seed: str = ""
    caption: str = ""

    def image_size(self) -> tuple[int, int]:
        """Width and height of an image result."""
        if self.width and self.height:
            return _clamp(self.width, 64), _clamp(self.height, 64)
        wide, high = self.aspect or (1, 1)
        if self.width or self.height:
            width = self.width or round(self.height * wide / high)  # type: ignore[operator]
            height = self.height or round(width * high / wide)
            return _clamp(width, 64), _clamp(height, 64)
        ratio = max(wide, high) / min(wide, high)
        if self.long_side:
            long = self.long_side
        elif self.short_side:
            long = round(self.short_side * ratio)
        elif self.megapixels:
            long = round(math.sqrt(self.megapixels * 1_000_000 * ratio))
        else:
            long = IMAGE_LONG_SIDE
        long = min(MAX_SIDE, max(MIN_LONG_SIDE, long))
        return _sized(long, wide, high)

    def video_size(self) -> tuple[int, int]:
        """Width and height of a video result (even, for 4:2:0 chroma)."""
        wide, high = self.aspect or (16, 9)
        if not self.aspect and self.width and self.height:
            wide, high = self.width, self.height
        width, height = _sized(VIDEO_LONG_SIDE, wide, high)
        return max(16, width - width % 2), max(16, height - height % 2)

    def duration(self) -> float:
        """Seconds of a video result."""
        return min(_MAX_SECONDS, max(1.0, self.seconds)) if self.seconds else VIDEO_SECONDS


def _clamp(side: int, least: int) -> int:
    return min(MAX_SIDE, max(least, int(side)))


def _sized(long: int, wide: int, high: int) -> tuple[int, int]:
    if wide >= high:
        return long, max(16, round(long * high / wide))
    return max(16, round(long * wide / high)), long


_ASPECT = re.compile(r"(\d{1,3})\s*[:/x]\s*(\d{1,3})")
_NAMED_ASPECT = re.compile(r"(landscape|portrait)_(\d{1,2})_(\d{1,2})")
_PIXELS = re.compile(r"(\d{2,5})\s*[x*]\s*(\d{2,5})")
_SHORT = re.compile(r"(\d{3,4})p")
_KILO = re.compile(r"(\d)k")
_MEGA = re.compile(r"(\d{1,2}(?:\.\d+)?)mp")
_LONG_PX = re.compile(r"(\d{3,4})px")
_SECONDS = re.compile(r"(\d{1,4}(?:\.\d+)?)\s*s?")
_WANTED = ("width", "height", "aspectratio", "ar", "imagesize", "size", "resolution", "duration", "seed", "prompt")


def _fields(body: Mapping[str, Any]) -> dict[str, Any]:
    """The first value of each wanted key (normalised: lower case, no ``_`` or ``-``), top level first."""
    found: dict[str, Any] = {}
    level: list[Mapping[str, Any]] = [body]
    for _ in range(3):
        deeper: list[Mapping[str, Any]] = []
        for mapping in level:
            for key, value in mapping.items():
                name = str(key).lower().replace("_", "").replace("-", "")
                if name in _WANTED and name not in found and isinstance(value, str | int | float):
                    found[name] = value
                elif isinstance(value, Mapping):
                    deeper.append(value)
        level = deeper
    return found


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if math.isfinite(value) and value > 0 else None
    match = _SECONDS.fullmatch(str(value).strip().lower())
    return float(match.group(1)) if match and float(match.group(1)) > 0 else None


def read_request(body: Mapping[str, Any] | None, *, caption: str | None = None) -> MediaRequest:
    """What ``body`` (a job's request) asks of its result files."""
    fields = _fields(body or {})
    width, height = _number(fields.get("width")), _number(fields.get("height"))
    aspect: tuple[int, int] | None = None
    long_side = short_side = None
    megapixels = None
    for name in ("aspectratio", "ar", "imagesize", "size", "resolution"):
        text = str(fields.get(name, "")).strip().lower()
        if not text:
            continue
        if (match := _NAMED_ASPECT.fullmatch(text)) is not None:
            wide, high = int(match.group(2)), int(match.group(3))
            aspect = aspect or ((wide, high) if match.group(1) == "landscape" else (high, wide))
        elif text.startswith("square"):
            aspect = aspect or (1, 1)
        elif (match := _PIXELS.fullmatch(text)) is not None:
            width, height = width or float(match.group(1)), height or float(match.group(2))
        elif (match := _ASPECT.fullmatch(text)) is not None and name in ("aspectratio", "ar"):
            wide, high = int(match.group(1)), int(match.group(2))
            aspect = aspect or ((wide, high) if wide > 0 and high > 0 else None)
        elif (match := _SHORT.fullmatch(text)) is not None:
            short_side = short_side or int(match.group(1))
        elif (match := _KILO.fullmatch(text)) is not None:
            long_side = long_side or int(match.group(1)) * 1024
        elif (match := _MEGA.fullmatch(text)) is not None:
            megapixels = megapixels or float(match.group(1))
        elif (match := _LONG_PX.fullmatch(text)) is not None:
            long_side = long_side or int(match.group(1))
    prompt = fields.get("prompt")
    seed = fields.get("seed")
    return MediaRequest(
        width=int(width) if width else None,
        height=int(height) if height else None,
        aspect=aspect,
        long_side=long_side,
        short_side=short_side,
        megapixels=megapixels,
        seconds=_number(fields.get("duration")),
        seed="" if seed is None else str(seed),
        caption=caption if caption is not None else str(prompt) if isinstance(prompt, str) else "",
    )


# -- images ---------------------------------------------------------------------------------------


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def make_png(seed: str, width: int = 64, height: int = 64, *, caption: str = "") -> bytes:
    """A PNG picture of ``seed`` (sky, shapes and ``caption``) at ``width`` x ``height``."""
    if not 1 <= width <= MAX_SIDE or not 1 <= height <= MAX_SIDE:
        raise ValueError(f"width and height must be from 1 to {MAX_SIDE}")
    palette, rows = Scene.from_seed(seed, caption).indexed(width, height)
    lines: list[bytes] = []
    above = None
    same = b"\x02" + bytes(width)  # filter Up: a row equal to the one above is all zeros
    for row in rows:
        lines.append(same if row == above else b"\x00" + row)  # else filter None
        above = row
    # Runs of one colour are all these rows hold, so run-length matching finds what deflate can;
    # memLevel 1 keeps zlib's per-byte bookkeeping (sliding its hash tables) small.
    packer = zlib.compressobj(6, zlib.DEFLATED, 15, 1, zlib.Z_RLE)
    data = packer.compress(b"".join(lines)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)  # 8-bit palette indexes
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"PLTE", bytes(sample for colour in palette for sample in colour))
        + _png_chunk(b"IDAT", data)
        + _png_chunk(b"IEND", b"")
    )


# -- video ----------------------------------------------------------------------------------------


def _padder(width: int, height: int) -> Any:
    """Pads a plane's rows to whole macroblocks; an unchanged row gives the same padded object."""
    cache: dict[bytes, bytes] = {}

    def pad(rows: list[bytes]) -> list[bytes]:
        out = []
        for row in rows:
            padded = cache.get(row)
            if padded is None:
                padded = cache[row] = row + row[-1:] * (width - len(row))
            out.append(padded)
        return out + [out[-1]] * (height - len(out))

    return pad


def _frames(scene: Scene, width: int, height: int, count: int) -> Iterator[Frame]:
    """The frames of a clip of ``scene``: a disc crosses it while a bar fills up with the time."""
    padded_w, padded_h = -(-width // 16) * 16, -(-height // 16) * 16
    chroma = _padder(padded_w // 2, padded_h // 2)
    planes = [
        (scene.rows(width, height, to_y), to_y, 1, _padder(padded_w, padded_h)),
        (scene.rows(width, height, to_cb, scale=2), to_cb, 2, chroma),
        (scene.rows(width, height, to_cr, scale=2), to_cr, 2, chroma),
    ]
    for n in range(count):
        t = n / max(1, count - 1)
        sprites = (
            Shape("disc", 0.1 + 0.8 * t, 0.45 + 0.3 * math.sin(2 * math.pi * t), 0.07, 0.0, scene.accent),
            Shape("box", t / 2, 0.975, t / 2, 0.02, scene.accent),
        )
        y, cb, cr = (
            pad(scene.overlay(rows, width, height, pixel, sprites, scale=scale)) for rows, pixel, scale, pad in planes
        )
        yield Frame(y, cb, cr)


def make_mp4(
    seed: str,
    width: int = VIDEO_LONG_SIDE,
    height: int = 360,
    *,
    seconds: float = 2.0,
    fps: int = VIDEO_FPS,
    caption: str = "",
) -> bytes:
    """An MP4 clip of ``seed`` (H.264 Constrained Baseline) of ``seconds`` at ``fps``; sizes must be even."""
    if width <= 0 or height <= 0 or width % 2 or height % 2 or max(width, height) > 1920:
        raise ValueError("width and height must be even, from 2 to 1920")
    if not 0 < seconds <= 60 or not 1 <= fps <= 60:
        raise ValueError("seconds must be from 0 to 60, fps from 1 to 60")
    count = max(1, round(seconds * fps))
    frames = _frames(Scene.from_seed(seed, caption), width, height, count)
    return encode_mp4(frames, width, height, fps=fps, keyframe_every=fps * _KEYFRAME_SECONDS)


# -- sound and the rest -----------------------------------------------------------------------------


def make_wav(seed: str, seconds: float = 1.0, rate: int = 8000) -> bytes:
    """A valid WAV (mono, 16-bit) playing a chord derived from ``seed``."""
    _, number = _palette(seed)
    return _chord(number % 24, seconds, rate)


@functools.lru_cache(maxsize=32)
def _chord(step: int, seconds: float, rate: int) -> bytes:
    """The major chord ``step`` semitones above A3 as a WAV: 24 chords, each computed once."""
    root = 220.0 * 2 ** (step / 12.0)
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


QUICK_PIXELS = 2_500_000
"""Pictures up to this many pixels take a few milliseconds to make (see :func:`is_quick`)."""


def is_quick(modality: str, request: Mapping[str, Any] | None = None) -> bool:
    """Whether :func:`make_media` makes this file in a few milliseconds (a sound, a picture of at most
    :data:`QUICK_PIXELS`): quick enough for a server to make it on its event loop rather than hand
    it to a worker thread and back."""
    if modality == "music":
        return True
    if modality == "video":
        return False
    width, height = read_request(request).image_size()
    return width * height <= QUICK_PIXELS


def make_media(modality: str, seed: str, request: Mapping[str, Any] | None = None) -> bytes:
    """The result file for a job of ``modality`` (image, video or music) made from ``seed`` and its ``request``."""
    wanted = read_request(request)
    seed = f"{seed}|{wanted.seed}" if wanted.seed else seed
    if modality == "video":
        width, height = wanted.video_size()
        return make_mp4(seed, width, height, seconds=wanted.duration(), caption=wanted.caption)
    if modality == "music":
        return make_wav(seed)
    width, height = wanted.image_size()
    return make_png(seed, width, height, caption=wanted.caption)
