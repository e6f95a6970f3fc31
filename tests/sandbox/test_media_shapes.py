"""The sandbox's results take the size, aspect ratio and duration their request asks for,
read from the request by shape (any model's params block), and differ from result to result."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sandbox_helpers import png_size

from apiframe import Apiframe
from apiframe.testing import Sandbox, SandboxConfig
from apiframe.testing._media import MediaRequest, make_png, read_request


@pytest.mark.parametrize(
    ("body", "size"),
    [
        ({"prompt": "p"}, (1024, 1024)),
        ({"midjourneyParams": {"aspect_ratio": "16:9"}}, (1024, 576)),
        ({"imagenParams": {"aspect_ratio": "9:16", "image_size": "2K"}}, (1152, 2048)),
        ({"qwenImageParams": {"image_size": "portrait_4_3"}}, (768, 1024)),
        ({"fluxParams": {"width": 800, "height": 600}}, (800, 600)),
        ({"seedreamParams": {"size": "1280x720"}}, (1280, 720)),
        ({"nanoBananaParams": {"aspect_ratio": "4:3", "resolution": "512px"}}, (512, 384)),
        ({"fluxParams": {"aspect_ratio": "1:1", "resolution": "1MP"}}, (1000, 1000)),
        ({"x": {"aspectRatio": "3:2", "resolution": "720p"}}, (1080, 720)),
        ({"x": {"resolution": "4K"}}, (4096, 4096)),
        ({"x": {"width": 100000, "height": 3}}, (4096, 64)),
        ({"x": {"aspect_ratio": "auto", "resolution": "match_input_image"}}, (1024, 1024)),
    ],
)
def test_image_sizes_follow_the_request(body: dict[str, object], size: tuple[int, int]) -> None:
    assert read_request(body).image_size() == size


def test_video_shape_and_duration_follow_the_request() -> None:
    assert read_request({"klingParams": {"aspect_ratio": "9:16", "duration": 10}}).video_size() == (360, 640)
    assert read_request({"klingParams": {"duration": 10}}).duration() == 10
    assert read_request({"soraParams": {"duration": "8s"}}).duration() == 8
    assert read_request({}).video_size() == (640, 360)
    assert read_request({"x": {"duration": 10**9}}).duration() == 20
    assert read_request({"x": {"duration": float("nan")}}).duration() == MediaRequest().duration()


def test_two_seeds_draw_two_pictures() -> None:
    assert make_png("a", 64, 64) != make_png("b", 64, 64)
    assert make_png("a", 64, 64, caption="x") != make_png("a", 64, 64, caption="y")


def test_the_sandbox_serves_media_shaped_by_each_request(tmp_path: Path) -> None:
    with (
        Sandbox(SandboxConfig(job_seconds=0.2)) as sandbox,
        Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client,
    ):
        grid = client.images.generate(
            model="midjourney", prompt="a red fox", midjourney_params={"aspect_ratio": "16:9"}
        ).wait()
        clip = client.videos.generate(
            model="kling-2.5-turbo-pro", prompt="waves", kling_params={"duration": 10, "aspect_ratio": "9:16"}
        ).wait()
        images = client.jobs.download(grid, tmp_path)
        (video,) = client.jobs.download(clip, tmp_path)
        uploaded = [client.uploads.create(path) for path in (images[0], video)]  # its own results, taken back
    assert [(u.kind, u.content_type) for u in uploaded] == [("image", "image/png"), ("video", "video/mp4")]
    pictures = [path.read_bytes() for path in images]
    assert len(pictures) == 4 and len(set(pictures)) == 4  # each output its own picture
    assert {png_size(data) for data in pictures} == {(1024, 576)}
    import av  # PyAV: imported where used (~0.05 s of each xdist worker's collection)

    with av.open(io.BytesIO(video.read_bytes())) as container:
        (stream,) = container.streams.video
        assert (stream.codec_context.width, stream.codec_context.height) == (360, 640)
        assert stream.codec_context.name == "h264"
        assert float(stream.duration * stream.time_base) == pytest.approx(10)
