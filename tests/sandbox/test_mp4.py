"""The sandbox's video results are real H.264 MP4 files: a standard decoder (FFmpeg, through PyAV)
decodes every frame exactly as drawn, and the sandbox's own upload endpoint takes them back.
(That Chromium plays them is checked in tests/display/test_gallery_browser.py.)"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from apiframe.cli._app import cli
from apiframe.testing import Sandbox, SandboxConfig
from apiframe.testing._media import MEDIA_TYPES, _frames, make_media, make_mp4
from apiframe.testing._picture import Scene
from apiframe.testing._sniff import sniff


def test_mp4_is_h264_constrained_baseline_and_lossless() -> None:
    data = make_mp4("clip", width=96, height=54, seconds=1.5, fps=8, caption="a clip")
    assert data[4:12] == b"ftypisom"
    import av  # PyAV: imported where used (~0.05 s of each xdist worker's collection)

    with av.open(io.BytesIO(data)) as container:
        assert "mp4" in container.format.name
        (stream,) = container.streams.video
        assert stream.codec_context.name == "h264"
        assert stream.codec_context.profile == "Constrained Baseline"
        assert (stream.codec_context.width, stream.codec_context.height) == (96, 54)
        decoded = list(container.decode(stream))
    assert len(decoded) == 12
    assert decoded[-1].time == pytest.approx(11 / 8)
    assert decoded[0].key_frame and not decoded[1].key_frame
    # I_PCM macroblocks hold the samples themselves: every decoded plane is the drawing, sample for sample
    drawn = list(_frames(Scene.from_seed("clip", "a clip"), 96, 54, 12))
    for n in (0, 5, 11):
        for plane, rows, width, height in ((0, drawn[n].y, 96, 54), (1, drawn[n].cb, 48, 27), (2, drawn[n].cr, 48, 27)):
            got = decoded[n].planes[plane]
            data, stride = bytes(got), got.line_size
            assert [data[y * stride : y * stride + width] for y in range(height)] == [r[:width] for r in rows[:height]]
    assert bytes(decoded[3].planes[0]) != bytes(decoded[9].planes[0])  # the disc moves


def test_video_results_are_mp4_and_differ_by_seed() -> None:
    assert MEDIA_TYPES["video"] == ("mp4", "video/mp4")
    assert make_media("video", "a") != make_media("video", "b")
    assert sniff(make_media("video", "a")[:16]) == ("video", "video/mp4", "mp4")


def test_bad_sizes_are_refused() -> None:
    with pytest.raises(ValueError, match="even"):
        make_mp4("x", width=31)
    with pytest.raises(ValueError, match="seconds"):
        make_mp4("x", seconds=0)


def test_a_sandbox_video_goes_back_into_video_upscale(tmp_path: Path) -> None:
    with Sandbox(SandboxConfig(job_seconds=0.2)) as sandbox:
        connect = ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url]
        runner = CliRunner()
        made = runner.invoke(
            cli, [*connect, "generate", "video", "-m", "kling-2.5-turbo-pro", "-p", "x", "-o", str(tmp_path)]
        )
        assert made.exit_code == 0, made.output
        (clip,) = tmp_path.glob("*.mp4")
        uploaded = runner.invoke(cli, [*connect, "upload", str(clip)])
        assert uploaded.exit_code == 0, uploaded.output
        url = uploaded.stdout.strip()
        upscale = [
            "videos",
            "upscale",
            "-m",
            "topaz-video-upscale",
            "--param",
            f"video={url}",
            "-o",
            str(tmp_path / "up"),
        ]
        missing = runner.invoke(cli, [*connect, *upscale])
        assert missing.exit_code == 2
        assert re.search(
            r"--param target_resolution is required \(one of [^)]*\); --param target_fps is required", missing.stderr
        )
        upscale += ["--param", "target_resolution=720p", "--param", "target_fps=24"]
        result = runner.invoke(cli, [*connect, "--json", *upscale])
        assert result.exit_code == 0, result.output
        import av  # PyAV: imported where used (~0.05 s of each xdist worker's collection)

        with av.open(next((tmp_path / "up").glob("*.mp4"))) as container:
            assert len(list(container.decode(video=0))) > 1
