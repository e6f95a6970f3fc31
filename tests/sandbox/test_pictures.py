"""The sandbox's pictures: indexed PNGs that a standard decoder (FFmpeg, through PyAV) reads back
as exactly the scene drawn, which looks like the plain drawing (each shape painted row by row over
a gradient), and which the server makes on its event loop rather than on a worker thread."""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sandbox_helpers import submit, wait_for

from apiframe.testing import Sandbox, SandboxConfig
from apiframe.testing import _files as files
from apiframe.testing._media import is_quick, make_png
from apiframe.testing._picture import RGB, Scene, Shape


def _decoded(data: bytes) -> tuple[int, int, list[bytes]]:
    import av  # PyAV: imported where used (~0.05 s of each xdist worker's collection)

    with av.open(io.BytesIO(data), format="png_pipe") as container:
        frame = next(container.decode(video=0)).reformat(format="rgb24")
    plane = frame.planes[0]
    raw, stride = bytes(plane), plane.line_size
    return frame.width, frame.height, [raw[y * stride : y * stride + frame.width * 3] for y in range(frame.height)]


def _plain(scene: Scene, width: int, height: int) -> list[list[RGB]]:
    """The sky and its shapes, drawn the plain way: every shape tried on every row, in order."""
    band_top = scene.caption_layout(width, height)[0]
    rows = []
    for y in range(band_top):
        t = y / max(1, band_top - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(scene.top, scene.bottom, strict=True))
        row: list[RGB] = [colour] * width  # type: ignore[list-item]
        for shape in scene.shapes:
            span = shape.span(y + 0.5, width, band_top)
            if span is not None and round(span[0]) < round(span[1]):
                row[round(span[0]) : round(span[1])] = [shape.colour] * (round(span[1]) - round(span[0]))
        rows.append(row)
    return rows


@pytest.mark.parametrize(("seed", "width", "height"), [("a red fox", 240, 160), ("waves#2", 130, 700)])
def test_a_png_decodes_to_the_plain_drawing(seed: str, width: int, height: int) -> None:
    scene = Scene.from_seed(seed, seed)
    data = make_png(seed, width, height, caption=seed)
    got_width, got_height, rows = _decoded(data)
    assert (got_width, got_height) == (width, height)
    palette, indexed = scene.indexed(width, height)
    assert len(palette) <= 256
    table = [bytes(colour) for colour in palette]
    assert rows == [b"".join(table[i] for i in row) for row in indexed]  # the file holds the drawing exactly
    plain = [bytes(sample for colour in row for sample in colour) for row in _plain(scene, width, height)]
    worst = max(
        abs(got - want)
        for row, want_row in zip(rows, plain, strict=False)
        for got, want in zip(row, want_row, strict=True)
    )
    # the same picture; a sky taller than the palette's free entries takes its gradient in steps
    assert worst == 0 if height < 200 else worst <= 2
    assert set(rows[-1]) <= {24, 28, 240}  # the caption band: background and text


def test_shape_columns_are_their_spans_row_by_row() -> None:
    rng = random.Random(7)
    for _ in range(200):
        kind = rng.choice(["disc", "box"])
        shape = Shape(kind, rng.random(), rng.random(), rng.random() * 0.3, rng.random() * 0.3, (1, 2, 3))
        width, height, scale = rng.randint(16, 600), rng.randint(16, 600), rng.choice([1, 2])
        expected: list[tuple[int, int] | None] = []
        for n in range(height // scale):
            span = shape.span(n * scale + scale / 2, width, height)
            start, end = (
                (0, 0) if span is None else (round(span[0] / scale), min(width // scale, round(span[1] / scale)))
            )
            expected.append((start, end) if start < end else None)
        assert shape.columns(width, height, scale, height // scale) == expected, (shape, width, height, scale)


def test_quick_files_are_made_on_the_event_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    handed: list[str] = []
    real = files.run_in_threadpool

    async def recording(func: Callable[..., Any], *args: Any) -> Any:
        handed.append(str(args[0]))
        return await real(func, *args)

    monkeypatch.setattr(files, "run_in_threadpool", recording)
    assert is_quick("image", {"prompt": "p"}) and is_quick("music", {})
    assert not is_quick("image", {"x": {"resolution": "4K"}}) and not is_quick("video", {})
    with (
        Sandbox(SandboxConfig(job_seconds=0.05)) as sandbox,
        httpx.Client(base_url=sandbox.base_url, headers={"X-API-Key": sandbox.api_key}, timeout=10) as client,
    ):
        fetched = []
        for path, body in (
            ("/v2/images/generate", {"model": "flux-1.1-pro", "prompt": "a fox"}),
            ("/v2/music/generate", {"model": "suno", "prompt": "a song"}),
            ("/v2/videos/generate", {"model": "kling-2.5-turbo-pro", "prompt": "waves"}),
        ):
            done = wait_for(client, submit(client, path, body))
            answer = client.get(done["result"]["urls"][0])
            fetched.append((answer.status_code, answer.headers["content-type"], len(answer.content) > 1000))
    assert fetched == [(200, "image/png", True), (200, "audio/wav", True), (200, "video/mp4", True)]
    assert handed == ["video"]  # only the slow file went to a worker thread
