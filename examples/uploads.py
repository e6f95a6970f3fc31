"""Upload a local image (streamed, never read whole into memory) and use its URL as an input.

Run: APIFRAME_API_KEY=... python examples/uploads.py path/to/image.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from apiframe import Apiframe
from apiframe.testing._media import make_png


def main() -> None:
    if len(sys.argv) > 1:
        path = Path(sys.argv[1])
    else:  # no file given: write a small PNG to upload
        path = Path(tempfile.mkdtemp()) / "example.png"
        path.write_bytes(make_png("example"))
    with Apiframe() as client:
        upload = client.uploads.create(file=path)
        print("uploaded", upload.id, upload.content_type, upload.byte_size, "bytes ->", upload.url)
        job = client.images.upscale(model="topaz-image-upscale", topaz_upscale_params={"image": upload.url}).wait()
        print("upscaled:", job.result)


if __name__ == "__main__":
    main()
