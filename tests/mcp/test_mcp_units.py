"""The MCP server's parts without a transport: PNG previews, folders, the budget, schemas, messages."""

from __future__ import annotations

import base64
import os
import struct
import zlib
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from apiframe._errors import InvalidRequestError
from apiframe._job_requests import build_request, job_operations, params_blocks
from apiframe._logging import redact
from apiframe._model_params import describe_model
from apiframe.cli._app import cli
from apiframe.mcp._budget import CreditBudget
from apiframe.mcp._errors import ToolRefused
from apiframe.mcp._folders import Folders
from apiframe.mcp._http import TOKEN_ENV, load_token
from apiframe.mcp._png import SIGNATURE, PreviewError, png_size, thumbnail_png
from apiframe.mcp._previews import MAX_PREVIEW_BYTES, preview_of
from apiframe.mcp._results import MAX_TEXT, bounded, job_data
from apiframe.mcp._toolbox import tool_words
from apiframe.mcp._tools import tool_defs
from apiframe.testing._media import make_png


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def _png(pixels: bytes, width: int, height: int, colour: int, bpp: int, *, extra: bytes = b"", depth: int = 8) -> bytes:
    """A reference encoder: row y uses filter y % 5, so every filter is exercised."""
    raw = bytearray()
    prior = bytes(width * bpp)
    for y in range(height):
        row = pixels[y * width * bpp : (y + 1) * width * bpp]
        kind = y % 5
        out = bytearray(len(row))
        for i, value in enumerate(row):
            a = row[i - bpp] if i >= bpp else 0
            b = prior[i]
            c = prior[i - bpp] if i >= bpp else 0
            out[i] = (value - [0, a, b, (a + b) // 2, _paeth(a, b, c)][kind]) & 0xFF
        raw += bytes([kind]) + out
        prior = row
    header = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    return (
        SIGNATURE + _chunk(b"IHDR", header) + extra + _chunk(b"IDAT", zlib.compress(bytes(raw))) + _chunk(b"IEND", b"")
    )


def _pixels(data: bytes) -> tuple[int, int, int, bytes]:
    """(width, height, colour type, unfiltered pixels) of a PNG written by thumbnail_png (filter 0 rows)."""
    width, height = png_size(data)
    colour = data[25]
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    body = zlib.decompress(data[data.index(b"IDAT") + 4 : -16])
    stride = width * channels + 1
    return width, height, colour, b"".join(body[y * stride + 1 : (y + 1) * stride] for y in range(height))


def test_every_png_filter_decodes_to_the_original_pixels() -> None:
    width, height = 23, 11
    pixels = bytes((x * 37 + y * 91 + c * 13) % 256 for y in range(height) for x in range(width) for c in range(3))
    data = _png(pixels, width, height, colour=2, bpp=3)
    out, w, h = thumbnail_png(data, 64)
    assert (w, h) == (width, height)
    assert _pixels(out) == (width, height, 2, pixels)


def test_palette_with_transparency_and_sixteen_bit_samples() -> None:
    palette = bytes([255, 0, 0, 0, 255, 0, 0, 0, 255])
    indexes = bytes([0, 1, 2, 1] * 4)
    data = _png(indexes, 4, 4, colour=3, bpp=1, extra=_chunk(b"PLTE", palette) + _chunk(b"tRNS", bytes([255, 128])))
    _, _, colour, rgba = _pixels(thumbnail_png(data, 64)[0])
    assert colour == 6 and rgba[:8] == bytes([255, 0, 0, 255, 0, 255, 0, 128]) and rgba[8:12] == bytes([0, 0, 255, 255])
    grey16 = bytes(v for x in range(6) for v in (x * 40, 7))  # high byte x*40, low byte 7
    _, _, colour, grey = _pixels(thumbnail_png(_png(grey16 * 2, 6, 2, colour=0, bpp=2, depth=16), 64)[0])
    assert colour == 0 and grey == bytes(x * 40 for x in range(6)) * 2


def test_a_large_png_is_scaled_to_the_preview_size_by_averaging() -> None:
    data = make_png("scale", 720, 540)
    out, width, height = thumbnail_png(data, 240)
    assert (width, height) == (240, 180) and png_size(out) == (240, 180)
    half = thumbnail_png(_png(bytes([0, 0, 0, 200, 200, 200]) * 2, 2, 2, colour=2, bpp=3), 1)[0]
    assert _pixels(half)[3] == bytes([100, 100, 100])  # one pixel: the mean of black and grey columns
    preview = preview_of(1, data)
    assert preview.block is not None and preview.block.mime_type == "image/png"
    assert len(base64.b64decode(preview.block.data)) <= MAX_PREVIEW_BYTES


def test_what_cannot_be_previewed_says_why() -> None:
    with pytest.raises(PreviewError, match="not a PNG"):
        thumbnail_png(b"GIF89a....", 64)
    bomb = SIGNATURE + _chunk(b"IHDR", struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0))
    with pytest.raises(PreviewError, match="100000 x 100000"):
        thumbnail_png(bomb + _chunk(b"IDAT", zlib.compress(b"\0" * 10)) + _chunk(b"IEND", b""), 64)
    interlaced = SIGNATURE + _chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 1))
    with pytest.raises(PreviewError, match="interlaced"):
        thumbnail_png(interlaced + _chunk(b"IDAT", zlib.compress(b"\0" * 10)) + _chunk(b"IEND", b""), 64)
    assert preview_of(1, b"<html>nope</html>").note is not None
    big_jpeg = b"\xff\xd8\xff" + b"\0" * (MAX_PREVIEW_BYTES + 1)
    assert preview_of(2, big_jpeg).block is None and "too large" in str(preview_of(2, big_jpeg).note)
    small_jpeg = b"\xff\xd8\xff" + b"\0" * 100
    block = preview_of(3, small_jpeg).block
    assert block is not None and block.mime_type == "image/jpeg"  # small enough: shown as it is


def test_folders_keep_every_path_inside(tmp_path: Path) -> None:
    root, outside = tmp_path / "root", tmp_path / "outside"
    (root / "sub").mkdir(parents=True)
    outside.mkdir()
    (root / "sub" / "cat.png").write_bytes(b"cat")
    (outside / "secret.txt").write_text("secret")
    os.symlink(outside / "secret.txt", root / "link.txt")
    os.symlink(outside, root / "linkdir")
    folders = Folders([root])
    fd, name = folders.open_file("sub/cat.png")
    with os.fdopen(fd, "rb") as file:
        assert (name, file.read()) == ("cat.png", b"cat")
    fd, _ = folders.open_file(str(root / "sub" / "cat.png"))
    os.close(fd)
    for path, words in [
        ("../outside/secret.txt", "'..'"),
        ("sub/../../outside/secret.txt", "'..'"),
        (str(outside / "secret.txt"), "outside the allowed folders"),
        ("link.txt", "symbolic link"),
        ("linkdir/secret.txt", "symbolic link"),
        ("sub", "not a regular file"),
        ("missing.png", "does not exist"),
    ]:
        with pytest.raises(ToolRefused, match=words):
            folders.open_file(path)
    assert folders.directory("new/deeper") == root / "new" / "deeper" and (root / "new" / "deeper").is_dir()
    for path in ("../escape", "linkdir", str(outside)):
        with pytest.raises(ToolRefused):
            folders.directory(path)
    assert not (outside / "escape").exists() and list(outside.iterdir()) == [outside / "secret.txt"]
    with pytest.raises(ToolRefused, match="without --folder"):
        Folders([]).open_file("x")


def test_the_budget_refuses_what_may_not_fit_and_settles_real_costs() -> None:
    budget = CreditBudget(10)
    first = budget.reserve(4, "a")
    budget.bind(first, "job-1")
    second = budget.reserve(4, "b")
    budget.bind(second, "job-2")
    with pytest.raises(ToolRefused, match=r"up to 4 credits.*2 left"):
        budget.reserve(4, "c")
    with pytest.raises(ToolRefused, match="cannot be estimated"):
        budget.reserve(None, "d")
    budget.observe(SimpleNamespace(id="job-1", status="COMPLETED", credit_cost=1))
    budget.observe(SimpleNamespace(id="job-2", status="FAILED", credit_cost=None))
    assert budget.state() == {"limit": 10, "spent": 1.0, "reserved": 0, "left": 9.0}
    budget.observe(SimpleNamespace(id="job-1", status="COMPLETED", credit_cost=1))  # seen twice: charged once
    assert budget.spent == 1.0
    held = budget.reserve(9, "e")
    budget.release(held)  # the submission failed: nothing held
    assert budget.left == 9.0
    assert CreditBudget(None).reserve(None, "anything").credits == 0.0


def test_a_tool_for_every_job_operation_with_the_spec_s_models() -> None:
    tools = {tool.name: tool for tool in tool_defs()}
    for operation_id, op in job_operations().items():
        schema = tools[operation_id].schema
        key = str(op.discriminator)
        assert schema["properties"][key]["enum"] == list(op.variants) and schema["required"] == [key]
        assert tools[operation_id].kind == "submit"
    assert "midjourney: aspect_ratio" in tools["images_generate"].schema["properties"]["params"]["description"]


def test_sdk_messages_in_the_tools_words() -> None:
    with pytest.raises(InvalidRequestError) as caught:
        build_request("images_generate", "kling-2.5-turbo-pro", prompt="x")
    assert tool_words(caught.value.message) == "kling-2.5-turbo-pro is a video model: use the videos_generate tool"
    with pytest.raises(InvalidRequestError) as caught:
        build_request("images_generate", "midjourney", prompt="x", params={"bogus": 1})
    words = tool_words(caught.value.message)
    assert "params.bogus" in words and "extra_body" not in words
    assert not any(f"{block}." in words for block in params_blocks())
    with pytest.raises(InvalidRequestError) as caught:
        describe_model("midjurney")
    assert "did you mean 'midjourney'" in tool_words(caught.value.message)
    assert "list_models lists them" in tool_words(caught.value.message)


def test_the_bearer_token_is_generated_or_read_and_never_logged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    token, generated = load_token()
    assert generated and len(token) >= 40 and redact(f"x {token} y") == "x [redacted] y"
    monkeypatch.setenv(TOKEN_ENV, "short")
    with pytest.raises(ValueError, match="at least 16"):
        load_token()
    # A token no other test prints: the SDK redacts a registered secret's fragments in this process for
    # good, and a wordy one ("a-long-enough-...") blanked another test's folder name on the same worker.
    monkeypatch.setenv(TOKEN_ENV, "9c1f7a2e5b3d8c4f60a1")
    assert load_token() == ("9c1f7a2e5b3d8c4f60a1", False)


def test_text_from_outside_is_bounded() -> None:
    deep: dict[str, object] = {}
    node = deep
    for _ in range(50):
        node["next"] = node = {}
    job = SimpleNamespace(
        id="j",
        status="FAILED",
        model="m",
        progress=5,
        credit_cost=None,
        error="x" * 100_000,
        created_at=None,
        outputs=(),
    )
    data = job_data(job)
    assert len(data["error"]) < MAX_TEXT + 100
    assert "nested too deep" in str(bounded(deep))
    assert len(bounded(list(range(10_000)))) == 101


def test_the_command_takes_the_key_from_the_environment_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("APIFRAME_API_KEY", raising=False)
    given = CliRunner().invoke(cli, ["mcp", "--api-key", "afk_visible_to_ps"])
    assert given.exit_code == 2 and "APIFRAME_API_KEY only" in given.output and "afk_visible_to_ps" not in given.output
    missing = CliRunner().invoke(cli, ["mcp"])
    assert missing.exit_code == 2 and "needs APIFRAME_API_KEY" in missing.output
