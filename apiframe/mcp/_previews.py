"""Image previews an assistant can see: small enough for a tool result, made without new dependencies.

An image that already fits (at most :data:`MAX_PREVIEW_BYTES` and :data:`MAX_SIDE` pixels a side,
in a format assistants read) is shown as it is. A larger PNG is scaled down in pure Python
(:mod:`._png`, on a worker thread). Anything else gets no preview, only its link, and a note
saying why. Result files are fetched through the SDK's own file-host request (no API key, bounded
redirects, a byte cap, a deadline), the same path ``jobs.download`` uses.
"""

from __future__ import annotations

import base64
import os
import struct
from collections.abc import Sequence
from dataclasses import dataclass

import anyio
import mcp.types as types

from .._files import SNIFF_BYTES, sniff_content_type
from .._jobs import Output
from .._options import CallOptions
from .._session import AsyncSession
from ._png import PreviewError, png_size, thumbnail_png

__all__ = ["MAX_PREVIEWS", "MAX_PREVIEW_BYTES", "MAX_SIDE", "Preview", "fetch_previews", "preview_of"]

MAX_SIDE = 512
"""Longest side of a preview, in pixels."""
MAX_PREVIEW_BYTES = 192 * 1024
"""Largest preview, before base64 (so under 256 KiB in the result)."""
MAX_PREVIEWS = 4
"""Previews per tool result (a Midjourney grid's four images): at most about 1 MiB in all."""
MAX_SOURCE_BYTES = 32 * 1024 * 1024
"""A result file larger than this is not fetched for a preview."""
FETCH_SECONDS = 30.0
_SHOWN_AS_IS = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})


@dataclass(frozen=True, slots=True)
class Preview:
    """An image block for one output, or the reason there is none."""

    index: int
    block: types.ImageContent | None
    note: str | None = None


def _side(data: bytes, mime: str) -> int | None:
    """The longer side in pixels when the header tells it cheaply (PNG, GIF), else None."""
    try:
        if mime == "image/png":
            return max(png_size(data))
        if mime == "image/gif" and len(data) >= 10:
            width, height = struct.unpack("<HH", data[6:10])
            return int(max(width, height))
    except PreviewError:
        return None
    return None


def preview_of(index: int, data: bytes) -> Preview:
    """The preview of one image file's bytes (blocking: run it on a worker thread)."""
    mime = sniff_content_type(data[:SNIFF_BYTES])
    if mime not in _SHOWN_AS_IS:
        return Preview(index, None, "no preview: not a PNG, JPEG, GIF or WebP image")
    side = _side(data, mime)
    if len(data) <= MAX_PREVIEW_BYTES and mime in _SHOWN_AS_IS and (side is None or side <= MAX_SIDE):
        return Preview(index, _block(data, mime))
    if mime != "image/png":
        return Preview(index, None, f"no preview: a {mime} of {len(data)} bytes is too large to show (open the link)")
    try:
        small, _, _ = thumbnail_png(data, MAX_SIDE)
    except PreviewError as error:
        return Preview(index, None, f"no preview: {error}")
    if len(small) > MAX_PREVIEW_BYTES:
        return Preview(index, None, "no preview: the scaled image is still too large")
    return Preview(index, _block(small, "image/png"))


def _block(data: bytes, mime: str) -> types.ImageContent:
    return types.ImageContent(data=base64.b64encode(data).decode("ascii"), mime_type=mime)


async def _fetch(session: AsyncSession, url: str) -> bytes:
    """A result file's bytes through the SDK's unauthenticated file-host request (capped, with a deadline)."""
    options = CallOptions.of({"timeout": FETCH_SECONDS, "max_retries": 1})
    response = await session.run(session.request("GET", url, options=options, authenticate=False))
    length = response.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > MAX_SOURCE_BYTES:
        raise PreviewError(f"{length} bytes, too large to fetch for a preview")
    data: bytes = response.content
    return data


async def fetch_previews(session: AsyncSession, outputs: Sequence[Output]) -> list[Preview]:
    """Previews of the first :data:`MAX_PREVIEWS` image outputs (fetched one after another), through
    ``session`` (the client's: its file-host guards, pool and clock)."""
    previews: list[Preview] = []
    for output in outputs[:MAX_PREVIEWS]:
        try:
            data = await _fetch(session, output.url)
        except PreviewError as error:
            previews.append(Preview(output.index, None, f"no preview: {error}"))
            continue
        except Exception as error:  # a preview is optional: the link is still there
            previews.append(
                Preview(output.index, None, f"no preview: fetching the file failed ({type(error).__name__})")
            )
            continue
        previews.append(await anyio.to_thread.run_sync(preview_of, output.index, data))
    return previews


async def file_previews(paths: Sequence[tuple[int, str]]) -> list[Preview]:
    """Previews of saved image files ``(index, path)``, read from disk (bounded)."""

    def read(index: int, path: str) -> Preview:
        with open(path, "rb", opener=lambda name, flags: os.open(name, flags | os.O_NOFOLLOW)) as file:
            data = file.read(MAX_SOURCE_BYTES + 1)
        if len(data) > MAX_SOURCE_BYTES:
            return Preview(index, None, "no preview: the file is too large")
        return preview_of(index, data)

    previews: list[Preview] = []
    for index, path in paths[:MAX_PREVIEWS]:
        previews.append(await anyio.to_thread.run_sync(read, index, path))
    return previews
