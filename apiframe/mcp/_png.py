"""Small PNG previews in pure Python: decode a PNG, box-scale it down, encode it again.

Only what a preview needs: 8- and 16-bit samples of every colour type (grey, RGB, palette, with
or without alpha), not interlaced. Everything else (interlaced images, 1/2/4-bit samples, other
formats) is :class:`PreviewError`, and the caller shows a link instead. The input comes from a
file host, so every size is checked before memory is spent on it: the compressed data, the
pixel count and the inflated bytes all have ceilings.
"""

from __future__ import annotations

import struct
import zlib
from itertools import accumulate
from operator import add, floordiv

__all__ = ["MAX_PIXELS", "PreviewError", "png_size", "thumbnail_png"]

SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_PIXELS = 24_000_000
"""Larger images are not decoded (a 4:3 image of about 5,600 x 4,200)."""
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


class PreviewError(Exception):
    """The image cannot be made into a preview (the message says why)."""


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    if not data.startswith(SIGNATURE):
        raise PreviewError("not a PNG")
    found: list[tuple[bytes, bytes]] = []
    at = len(SIGNATURE)
    while at + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        body = data[at + 8 : at + 8 + length]
        if len(body) != length:
            raise PreviewError("truncated PNG")
        found.append((kind, body))
        at += 12 + length
        if kind == b"IEND":
            break
    return found


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from the header, without decoding."""
    if len(data) < 24 or not data.startswith(SIGNATURE) or data[12:16] != b"IHDR":
        raise PreviewError("not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _paeth_row(line: bytearray, prior: bytes, bpp: int) -> None:
    for i in range(len(line)):
        a = line[i - bpp] if i >= bpp else 0
        b = prior[i]
        c = prior[i - bpp] if i >= bpp else 0
        p = a + b - c
        pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
        line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF


def _up_row(line: bytes, prior: bytes) -> bytes:
    """Bytewise (line + prior) mod 256, eight bytes at a time in one big integer (no carries cross bytes)."""
    size = len(line)
    x, y = int.from_bytes(line, "big"), int.from_bytes(prior, "big")
    low = int.from_bytes(b"\x7f" * size, "big")
    high = int.from_bytes(b"\x80" * size, "big")
    return (((x & low) + (y & low)) ^ ((x ^ y) & high)).to_bytes(size, "big")


def _unfilter(raw: bytes, width: int, height: int, bpp: int) -> list[bytes]:
    stride = width * bpp
    rows: list[bytes] = []
    prior = bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = raw[start + 1 : start + 1 + stride]
        if kind == 0:
            row = line
        elif kind == 1:
            out = bytearray(stride)
            for channel in range(bpp):
                out[channel::bpp] = bytes(v & 0xFF for v in accumulate(line[channel::bpp], add))
            row = bytes(out)
        elif kind == 2:
            row = _up_row(line, prior)
        elif kind == 3:
            work = bytearray(line)
            for i in range(stride):
                left = work[i - bpp] if i >= bpp else 0
                work[i] = (work[i] + ((left + prior[i]) >> 1)) & 0xFF
            row = bytes(work)
        elif kind == 4:
            work = bytearray(line)
            _paeth_row(work, prior, bpp)
            row = bytes(work)
        else:
            raise PreviewError(f"unknown PNG row filter {kind}")
        rows.append(row)
        prior = row
    return rows


def _to_rgba_rows(
    rows: list[bytes], width: int, colour: int, depth: int, palette: bytes, alpha: bytes
) -> tuple[list[bytes], int]:
    """8-bit rows of grey, grey+alpha, RGB or RGBA (palette images become RGB or RGBA)."""
    if depth == 16:
        rows = [row[0::2] for row in rows]  # the high byte of each sample
    if colour != 3:
        return rows, _CHANNELS[colour]
    entries = min(256, len(palette) // 3)
    channels = 4 if alpha else 3
    # one 256-byte table per channel (an index past the palette is black, past tRNS opaque); each row
    # is translated once per channel and interleaved by slices: no Python step per pixel
    tables = [bytes(palette[c : 3 * entries : 3]).ljust(256, b"\x00") for c in range(3)]
    if alpha:
        tables.append(bytes(alpha[:256]).ljust(256, b"\xff"))
    out: list[bytes] = []
    for row in rows:
        indices = bytes(row[:width])
        pixels = bytearray(len(indices) * channels)
        for channel, table in enumerate(tables):
            pixels[channel::channels] = indices.translate(table)
        out.append(bytes(pixels))
    return out, channels


def _scale(rows: list[bytes], width: int, height: int, channels: int, factor: int) -> tuple[list[bytes], int, int]:
    """Average ``factor`` x ``factor`` blocks (the last, partial ones too)."""
    out_w = -(-width // factor)
    out_h = -(-height // factor)
    step = channels * factor
    last = width - (out_w - 1) * factor  # columns in the last, partial block
    scaled: list[bytes] = []
    for oy in range(out_h):
        band = rows[oy * factor : (oy + 1) * factor]
        counts = [factor * len(band)] * (out_w - 1) + [last * len(band)]  # samples behind each output pixel
        out = bytearray(out_w * channels)
        for channel in range(channels):
            sums = [0] * out_w
            for row in band:
                for offset in range(factor):
                    samples = row[channel + offset * channels : width * channels : step]
                    sums[: len(samples)] = map(add, sums, samples)
            out[channel::channels] = bytes(map(floordiv, sums, counts))
        scaled.append(bytes(out))
    return scaled, out_w, out_h


def _encode(rows: list[bytes], width: int, height: int, channels: int) -> bytes:
    colour = {1: 0, 2: 4, 3: 2, 4: 6}[channels]
    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    raw = b"".join(b"\x00" + row for row in rows)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    return SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def thumbnail_png(data: bytes, max_side: int) -> tuple[bytes, int, int]:
    """A PNG of ``data`` whose longer side is at most ``max_side``: (bytes, width, height)."""
    header = None
    palette = alpha = b""
    compressed: list[bytes] = []
    for kind, body in _chunks(data):
        if kind == b"IHDR":
            header = body
        elif kind == b"PLTE":
            palette = body
        elif kind == b"tRNS":
            alpha = body
        elif kind == b"IDAT":
            compressed.append(body)
    if header is None or len(header) != 13 or not compressed:
        raise PreviewError("PNG without a header or image data")
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if colour not in _CHANNELS or depth not in (8, 16) or (colour == 3 and depth != 8):
        raise PreviewError(f"PNG with {depth}-bit samples of colour type {colour}")
    if interlace:
        raise PreviewError("interlaced PNG")
    if not 0 < width * height <= MAX_PIXELS:
        raise PreviewError(f"PNG of {width} x {height} pixels")
    if colour != 3:
        alpha = b""  # a grey/RGB tRNS names one transparent colour: previews ignore it
    bpp = _CHANNELS[colour] * depth // 8
    expected = height * (width * bpp + 1)
    inflater = zlib.decompressobj()
    raw = inflater.decompress(b"".join(compressed), expected + 1)
    if len(raw) != expected:
        raise PreviewError("PNG image data of the wrong size")
    rows, channels = _to_rgba_rows(_unfilter(raw, width, height, bpp), width, colour, depth, palette, alpha)
    factor = max(1, -(-max(width, height) // max_side))
    if factor > 1:
        rows, width, height = _scale(rows, width, height, channels, factor)
    return _encode(rows, width, height, channels), width, height
