"""The sandbox's video results are real MP4 files: a standard decoder (FFmpeg, through PyAV)
opens and decodes every frame, and the sandbox's own upload endpoint takes them back."""

from __future__ import annotations

import io
import re
from pathlib import Path

import av
import pytest
from click.testing import CliRunner

from apiframe.cli._app import cli
from apiframe.testing import Sandbox, SandboxConfig
from apiframe.testing._media import MEDIA_TYPES, _frames, make_media, make_mp4
from apiframe.testing._sniff import sniff


def test_mp4_is_decoded_frame_by_frame() -> None:
    data = make_mp4("clip", width=32, height=16, frames=6, fps=3)
    assert data[4:12] == b"ftypisom"
    with av.open(io.BytesIO(data)) as container:
        assert "mp4" in container.format.name
        (stream,) = container.streams.video
        assert (stream.codec_context.width, stream.codec_context.height) == (32, 16)
        decoded = list(container.decode(stream))
    assert len(decoded) == 6
    assert decoded[-1].time == pytest.approx(5 / 3)
    expected = _frames("clip", 32, 16, 6)
    assert [bytes(frame.to_rgb().planes[0]) for frame in decoded] == expected  # pixel for pixel


def test_video_results_are_mp4_and_differ_by_seed() -> None:
    assert MEDIA_TYPES["video"] == ("mp4", "video/mp4")
    assert make_media("video", "a") != make_media("video", "b")
    assert sniff(make_media("video", "a")[:16]) == ("video", "video/mp4", "mp4")


def test_bad_sizes_are_refused() -> None:
    with pytest.raises(ValueError, match="multiple of 4"):
        make_mp4("x", width=30)


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
        with av.open(next((tmp_path / "up").glob("*.mp4"))) as container:
            assert len(list(container.decode(video=0))) > 1
