"""Previews of PNGs, against plain per-pixel versions of the same rules: a palette index maps to its
colour (black past the palette) and its tRNS alpha (opaque past it); a scaled pixel is the floor of
the mean of its block (the last, partial blocks too)."""

from __future__ import annotations

import random

import pytest

from apiframe.mcp._png import _scale, _to_rgba_rows


def _one_by_one(rows: list[bytes], width: int, palette: bytes, alpha: bytes) -> list[bytes]:
    out = []
    for row in rows:
        pixels = bytearray()
        for index in row[:width]:
            pixels += palette[3 * index : 3 * index + 3] if 3 * index + 3 <= len(palette) else b"\x00\x00\x00"
            if alpha:
                pixels.append(alpha[index] if index < len(alpha) else 255)
        out.append(bytes(pixels))
    return out


@pytest.mark.parametrize("entries, transparent", [(256, 0), (7, 0), (7, 3), (256, 256), (1, 1), (200, 250)])
def test_palette_rows_match_a_lookup_per_pixel(entries: int, transparent: int) -> None:
    chance = random.Random(entries * 1000 + transparent)
    palette = bytes(chance.randrange(256) for _ in range(3 * entries)) + b"\x01" * chance.randrange(3)  # ragged end
    alpha = bytes(chance.randrange(256) for _ in range(transparent))
    width = 37
    rows = [bytes(chance.randrange(256) for _ in range(width + 2)) for _ in range(5)]  # a row may run past width
    converted, channels = _to_rgba_rows(rows, width, 3, 8, palette, alpha)
    assert channels == (4 if alpha else 3)
    assert converted == _one_by_one(rows, width, palette, alpha)


def _mean_blocks(rows: list[bytes], width: int, height: int, channels: int, factor: int) -> list[bytes]:
    out = []
    for top in range(0, height, factor):
        row = bytearray()
        for left in range(0, width, factor):
            for channel in range(channels):
                block = [
                    rows[y][x * channels + channel]
                    for y in range(top, min(top + factor, height))
                    for x in range(left, min(left + factor, width))
                ]
                row.append(sum(block) // len(block))
        out.append(bytes(row))
    return out


@pytest.mark.parametrize(
    "width, height, channels, factor", [(37, 23, 3, 4), (64, 64, 4, 8), (10, 9, 1, 3), (5, 5, 2, 5)]
)
def test_scaled_pixels_are_their_blocks_means(width: int, height: int, channels: int, factor: int) -> None:
    chance = random.Random(width * height * channels * factor)
    rows = [bytes(chance.randrange(256) for _ in range(width * channels)) for _ in range(height)]
    scaled, out_w, out_h = _scale(rows, width, height, channels, factor)
    assert (out_w, out_h) == (-(-width // factor), -(-height // factor))
    assert scaled == _mean_blocks(rows, width, height, channels, factor)
