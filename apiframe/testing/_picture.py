"""Pictures derived from a seed text: a gradient sky, a few shapes and a caption, drawn row by row.

A :class:`Scene` is what the seed decides (colours, shapes, caption); :meth:`Scene.indexed` draws it
at any size in at most 256 colours (a palette and one index byte per pixel: an indexed PNG), and
:meth:`Scene.rows` turns that drawing into one Y, Cb or Cr byte per pixel for video, so an image
and each plane of a video frame come from the same drawing. Rows are ``bytes``; a row that
nothing changes is shared, never copied, which keeps whole frames cheap.
"""

from __future__ import annotations

import colorsys
import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ._font import GLYPH_HEIGHT, GLYPH_WIDTH, text_mask

__all__ = ["RGB", "Scene", "Shape", "to_cb", "to_cr", "to_y"]

RGB = tuple[int, int, int]
Pixel = Callable[[RGB], bytes]

_CAPTION_LINES = 2
_CAPTION_BACKGROUND: RGB = (24, 24, 28)
_CAPTION_TEXT: RGB = (240, 240, 240)
_MOST_COLOURS = 256
"""A palette's size (an indexed PNG's limit)."""


def _limited(value: float, top: int) -> bytes:
    return bytes((min(top, max(16, round(value))),))


def to_y(colour: RGB) -> bytes:
    """Luma of ``colour`` (BT.601, limited range 16-235)."""
    r, g, b = colour
    return _limited(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255, 235)


def to_cb(colour: RGB) -> bytes:
    """Blue-difference chroma of ``colour`` (BT.601, limited range 16-240)."""
    r, g, b = colour
    return _limited(128 + (-37.797 * r - 74.203 * g + 112.0 * b) / 255, 240)


def to_cr(colour: RGB) -> bytes:
    """Red-difference chroma of ``colour`` (BT.601, limited range 16-240)."""
    r, g, b = colour
    return _limited(128 + (112.0 * r - 93.786 * g - 18.214 * b) / 255, 240)


@dataclass(frozen=True, slots=True)
class Shape:
    """A filled disc or box; position and size are fractions of the picture's width and height."""

    kind: str
    """``disc`` (radius ``rx`` of the shorter side) or ``box`` (half-extents ``rx`` and ``ry``)."""
    cx: float
    cy: float
    rx: float
    ry: float
    colour: RGB

    def span(self, centre: float, width: int, height: int) -> tuple[float, float] | None:
        """The columns ``[start, end)`` this shape covers on the row whose centre is at ``centre``."""
        centre_x, centre_y = self.cx * width, self.cy * height
        if self.kind == "disc":
            radius = self.rx * min(width, height)
            dy = centre - centre_y
            if abs(dy) >= radius:
                return None
            half = math.sqrt(radius * radius - dy * dy)
        else:
            if abs(centre - centre_y) >= self.ry * height:
                return None
            half = self.rx * width
        start, end = max(0.0, centre_x - half), min(float(width), centre_x + half)
        return (start, end) if start < end else None

    def reach(self, width: int, height: int) -> tuple[float, float]:
        """The top and bottom of the shape."""
        extent = self.rx * min(width, height) if self.kind == "disc" else self.ry * height
        return self.cy * height - extent, self.cy * height + extent

    def columns(self, width: int, height: int, scale: int, rows: int) -> list[tuple[int, int] | None]:
        """Row by row, the columns ``[start, end)`` the shape covers on the first ``rows`` rows of a
        plane of ``1/scale`` the size (None where it covers nothing): :meth:`span` on each row."""
        found: list[tuple[int, int] | None] = [None] * rows
        top, bottom = self.reach(width, height)
        reached = range(max(0, math.floor(top / scale) - 1), min(rows, math.ceil(bottom / scale) + 1))
        plane_width = width // scale

        def plane(n: int) -> tuple[int, int] | None:
            span = self.span(n * scale + scale / 2, width, height)
            if span is None:
                return None
            start, end = round(span[0] / scale), min(plane_width, round(span[1] / scale))
            return (start, end) if start < end else None

        if self.kind == "box":  # the same columns on each row it covers, and those rows are contiguous
            centre, half = self.cy * height, self.ry * height
            covered = [n for n in reached if abs(n * scale + scale / 2 - centre) < half]
            if covered:
                found[covered[0] : covered[-1] + 1] = [plane(covered[0])] * len(covered)
            return found
        # A disc: what span() does, inlined (with the same float operations), as it runs once for
        # each row the disc reaches.
        centre_x, centre_y = self.cx * width, self.cy * height
        radius = self.rx * min(width, height)
        squared, right, middle, sqrt = radius * radius, float(width), scale / 2, math.sqrt
        for n in reached:
            dy = n * scale + middle - centre_y
            if -radius < dy < radius:
                half = sqrt(squared - dy * dy)
                left_edge, right_edge = centre_x - half, centre_x + half
                start = round((left_edge if left_edge > 0.0 else 0.0) / scale)
                end = round((right_edge if right_edge < right else right) / scale)
                end = end if end < plane_width else plane_width
                if start < end:
                    found[n] = (start, end)
        return found


def _colour(hue: float, saturation: float, value: float) -> RGB:
    r, g, b = colorsys.hsv_to_rgb(hue % 1.0, saturation, value)
    return round(r * 255), round(g * 255), round(b * 255)


@dataclass(frozen=True, slots=True)
class Scene:
    """What a seed decides about a picture: its colours, shapes and caption."""

    top: RGB
    bottom: RGB
    shapes: tuple[Shape, ...]
    caption: str
    accent: RGB

    @classmethod
    def from_seed(cls, seed: str, caption: str) -> Scene:
        """The scene of ``seed`` (any text: the same seed always gives the same scene)."""
        digest = hashlib.sha256(seed.encode("utf-8", "replace")).digest()
        numbers = [byte / 255 for byte in digest]
        hue = numbers[0]
        shapes = []
        for n in range(3 + digest[1] % 4):
            a, b, c, d, e = numbers[2 + 5 * n : 7 + 5 * n]
            colour = _colour(hue + 0.25 + 0.5 * a, 0.55 + 0.4 * b, 0.75 + 0.25 * c)
            if digest[2 + 5 * n] % 2:
                shapes.append(Shape("disc", 0.1 + 0.8 * d, 0.1 + 0.55 * e, 0.08 + 0.14 * b, 0.0, colour))
            else:
                shapes.append(Shape("box", 0.1 + 0.8 * d, 0.1 + 0.55 * e, 0.05 + 0.12 * c, 0.05 + 0.12 * a, colour))
        return cls(
            top=_colour(hue, 0.55, 0.35 + 0.2 * numbers[30]),
            bottom=_colour(hue + 0.08, 0.35, 0.85 + 0.15 * numbers[31]),
            shapes=tuple(shapes),
            caption=" ".join(caption.split()),
            accent=_colour(hue + 0.5, 0.8, 1.0),
        )

    # -- drawing ----------------------------------------------------------------------------

    def caption_layout(self, width: int, height: int) -> tuple[int, int, int, list[str]]:
        """The caption band's top row, the dot size, the text's left column and its lines."""
        dot = max(2, min(width, height) // 120 // 2 * 2)  # even: a half-size plane keeps whole dots
        margin = 2 * dot
        per_line = max(1, (width - 2 * margin) // ((GLYPH_WIDTH + 1) * dot))
        lines = _wrap(self.caption, per_line, _CAPTION_LINES)
        band = (len(lines) * (GLYPH_HEIGHT + 2) + 2) * dot if lines else 0
        return height - band, dot, margin, lines

    def indexed(self, width: int, height: int, *, scale: int = 1) -> tuple[list[RGB], list[bytes]]:
        """The scene drawn at ``width`` x ``height`` as a plane of ``1/scale`` that size, in at most 256 colours.

        Returns the palette and one ``bytes`` per row holding a palette index per pixel. The sky's
        gradient gets the palette's free entries (one per row when the sky is short enough); each
        shape is drawn only on the rows it reaches, and rows that nothing changes (the caption
        band's, the sky's between two steps of its gradient) are one shared object.
        """
        band_top, dot, margin, lines = self.caption_layout(width, height)
        plane_width, plane_height = width // scale, height // scale
        palette: list[RGB] = [_CAPTION_BACKGROUND, _CAPTION_TEXT, *(shape.colour for shape in self.shapes)]
        first_step = len(palette)
        steps = max(1, min(_MOST_COLOURS - first_step, band_top))
        palette.extend(self._sky(steps))
        skies = [bytes((first_step + number,)) * plane_width for number in range(steps)]
        step = (steps - 1) / max(1, band_top - 1)  # gradient steps per row: exactly 1.0 for a short sky
        sky_rows = min(plane_height, -(-band_top // scale))
        # A row is its gradient step and the columns each shape covers on it: build each new one once.
        keys = zip(
            [round(y * step) for y in range(0, sky_rows * scale, scale)],
            *(shape.columns(width, band_top, scale, sky_rows) for shape in self.shapes),
            strict=True,
        )
        inks = [bytes((number,)) for number in range(2, first_step)]
        out: list[bytes] = []
        key: tuple[object, ...] = ()
        row = b""
        for found in keys:
            if found != key:
                key = found
                row = skies[found[0]]
                covered = found[1:]
                if any(covered):
                    drawn = bytearray(row)
                    for ink, columns in zip(inks, covered, strict=True):
                        if columns is not None:
                            start, end = columns
                            drawn[start:end] = ink * (end - start)
                    row = bytes(drawn)
            out.append(row)
        masks = [text_mask(line) for line in lines]
        caption: dict[tuple[int, int], bytes] = {}
        for n in range(sky_rows, plane_height):
            line, inside = divmod((n * scale - band_top) // dot - 1, GLYPH_HEIGHT + 2)
            place = (line, inside) if 0 <= line < len(masks) and 0 <= inside < GLYPH_HEIGHT else (-1, -1)
            text_row = caption.get(place)
            if text_row is None:
                band = bytearray(plane_width)  # palette entry 0: the caption's background
                for start, end in masks[line][inside] if place[0] >= 0 else ():
                    x0, x1 = (margin + start * dot) // scale, min(plane_width, (margin + end * dot) // scale)
                    if x0 < x1:
                        band[x0:x1] = b"\x01" * (x1 - x0)  # palette entry 1: the caption's text
                text_row = caption[place] = bytes(band)
            out.append(text_row)
        return palette, out

    def _sky(self, steps: int) -> list[RGB]:
        """The sky's gradient in ``steps`` colours, from the top to just above the caption."""
        where = [number / max(1, steps - 1) for number in range(steps)]
        red, green, blue = (
            [round(top + (bottom - top) * t) for t in where] for top, bottom in zip(self.top, self.bottom, strict=True)
        )
        return list(zip(red, green, blue, strict=True))

    def rows(
        self, width: int, height: int, pixel: Pixel, *, scale: int = 1, shapes: Sequence[Shape] = ()
    ) -> list[bytes]:
        """The scene drawn at ``width`` x ``height`` as a plane of ``1/scale`` that size, one ``bytes`` per row.

        ``pixel`` makes the one-byte sample of a colour (luma or chroma); ``shapes`` are drawn over
        the rest (see :meth:`overlay`). Rows shared in :meth:`indexed` stay shared.
        """
        palette, indexed = self.indexed(width, height, scale=scale)
        samples = b"".join(pixel(colour) for colour in palette)
        if len(samples) != len(palette):
            raise ValueError("rows() takes a pixel function that makes one byte per colour")
        table = samples.ljust(256, b"\x00")
        done: dict[int, bytes] = {}
        out: list[bytes] = []
        for row in indexed:
            found = done.get(id(row))
            if found is None:
                found = done[id(row)] = row.translate(table)
            out.append(found)
        return self.overlay(out, width, height, pixel, shapes, scale=scale) if shapes else out

    def overlay(
        self, rows: Sequence[bytes], width: int, height: int, pixel: Pixel, shapes: Sequence[Shape], *, scale: int = 1
    ) -> list[bytes]:
        """``rows`` (this scene drawn by :meth:`rows`) with ``shapes`` drawn on top; untouched rows are shared."""
        band_top = self.caption_layout(width, height)[0]
        out = list(rows)
        sky_rows = min(len(out), math.ceil(band_top / scale))
        for shape in shapes:
            ink = pixel(shape.colour)
            size = len(ink)
            for row_number, columns in enumerate(shape.columns(width, band_top, scale, sky_rows)):
                if columns is not None:
                    start, end = columns
                    row = bytearray(out[row_number])
                    row[start * size : end * size] = ink * (end - start)
                    out[row_number] = bytes(row)
        return out


def _wrap(text: str, width: int, most: int) -> list[str]:
    """``text`` in at most ``most`` lines of ``width`` characters, broken between words where it can be."""
    lines: list[str] = []
    rest = text
    while rest and len(lines) < most:
        if len(rest) <= width:
            lines.append(rest)
            rest = ""
            break
        cut = rest.rfind(" ", 0, width + 1)
        cut = cut if cut > width // 2 else width
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest and lines:
        lines[-1] = (lines[-1][: max(0, width - 3)] + "...")[:width]
    return lines
