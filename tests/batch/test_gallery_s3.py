"""A batch run into object storage (an S3 server on 127.0.0.1) leaves a gallery that works when
served from the bucket: the page is served as HTML and every relative link reaches a result."""

from __future__ import annotations

import json
import re

import httpx

import apiframe.batch
from apiframe import Apiframe
from apiframe.testing import Sandbox, SandboxConfig

from .conftest import S3Server


def test_the_gallery_of_an_s3_batch_opens_from_the_bucket(aws_env: S3Server) -> None:
    bucket = aws_env.new_bucket()
    readable = {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{bucket}/*"}
    policy = {"Version": "2012-10-17", "Statement": [readable]}
    aws_env.client().put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))  # as for a static site
    lines = [
        {"model": "flux-1.1-pro", "prompt": "a lighthouse", "params": {"aspect_ratio": "3:2"}},
        {"model": "kling-2.5-turbo-pro", "prompt": "waves", "params": {"duration": 5}},
    ]
    with (
        Sandbox(SandboxConfig(job_seconds=0.2)) as sandbox,
        Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client,
    ):
        result = apiframe.batch.run(lines, out=f"s3://{bucket}/run", client=client, storage_options=aws_env.options())
    assert result.completed == 2
    base = f"{aws_env.endpoint}/{bucket}/run/"
    with httpx.Client(timeout=10) as http:
        page = http.get(base + "index.html")
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        found = re.search(r'<script id="gallery-data" type="application/json">(.*?)</script>', page.text)
        assert found is not None
        rows = [row for chunk in json.loads(found.group(1))["inline"].values() for row in chunk]
        files = [url for row in rows for url, _ in row["f"]]
        assert len(files) == 2 and all("/" not in url and ":" not in url for url in files)
        for url in files:  # relative to the page: the bucket's objects, served with their media type
            answer = http.get(base + url)
            assert answer.status_code == 200
            assert answer.headers["content-type"] in ("image/png", "video/mp4")
            assert answer.content[:8] == b"\x89PNG\r\n\x1a\n" or answer.content[4:8] == b"ftyp"
