"""Stores under test: a local folder, fsspec's ``memory://`` and an S3 server on 127.0.0.1.

The S3 server is moto's, run in a subprocess (so its memory never counts in the tests' traced
allocations) on a free port, one per pytest worker, stopped at the end. Every S3 test gets its
own bucket, and the AWS settings point at that server only: dummy credentials, no config
files, no instance metadata, so nothing can reach a real AWS endpoint.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from apiframe.batch import Store, open_store

_SERVER = """
import sys
from moto.server import ThreadedMotoServer
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
print(server.get_host_and_port()[1], flush=True)
sys.stdin.read()
server.stop()
"""


def aws_environment(endpoint: str, home: Path) -> dict[str, str]:
    """Settings under which botocore talks to ``endpoint`` only, with dummy credentials."""
    empty = home / "aws-empty"
    empty.write_text("")
    return {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": endpoint,
        "AWS_CONFIG_FILE": str(empty),
        "AWS_SHARED_CREDENTIALS_FILE": str(empty),
        "AWS_EC2_METADATA_DISABLED": "true",
    }


UNSET = ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CA_BUNDLE")
"""AWS settings a developer's shell may carry that would point botocore elsewhere."""


@dataclass
class S3Server:
    endpoint: str
    env: dict[str, str]
    _client: Any = None

    def options(self) -> dict[str, Any]:
        """fsspec storage options reaching this server only."""
        return {
            "key": "testing",
            "secret": "testing",
            "client_kwargs": {"endpoint_url": self.endpoint, "region_name": "us-east-1"},
        }

    def new_bucket(self) -> str:
        name = f"t-{uuid.uuid4().hex[:20]}"
        self.client().create_bucket(Bucket=name)
        return name

    def client(self) -> Any:
        """A boto3 client of this server (made once: making one loads the service model)."""
        if self._client is None:
            self._client = self._make_client()
        return self._client

    def _make_client(self) -> Any:
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            region_name="us-east-1",
        )


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    home = tmp_path_factory.mktemp("s3-server")
    env = {key: value for key, value in os.environ.items() if key not in UNSET}
    env.update(aws_environment("http://127.0.0.1:1", home))
    process = subprocess.Popen(
        [sys.executable, "-c", _SERVER],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert process.stdout is not None and process.stdin is not None
    port = int(process.stdout.readline().strip())
    endpoint = f"http://127.0.0.1:{port}"
    try:
        yield S3Server(endpoint, aws_environment(endpoint, home))
    finally:
        process.stdin.close()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()


@pytest.fixture
def aws_env(s3_server: S3Server, monkeypatch: pytest.MonkeyPatch) -> S3Server:
    """The S3 server, with this test's AWS settings pointing at it and nowhere else."""
    for key, value in s3_server.env.items():
        monkeypatch.setenv(key, value)
    for key in UNSET:
        monkeypatch.delenv(key, raising=False)
    return s3_server


@dataclass
class StoreCase:
    """A store under test, and a way to list what is really there, bypassing the store."""

    kind: str
    store: Store
    url: str
    raw_names: Any  # () -> set[str]: every object or file under the root, temporary ones included
    reopen: Any  # () -> Store: the same store opened again, as a worker on another machine would
    options: dict[str, Any] = field(default_factory=dict)  # the storage options open_store needs for url
    open_uploads: Any = None  # () -> list: the S3 bucket's multipart uploads not completed nor aborted


@pytest.fixture(params=["local", "memory", "s3"])
def store_case(request: pytest.FixtureRequest, tmp_path: Path) -> StoreCase:
    return make_case(request, request.param, tmp_path)


@pytest.fixture(params=["local", "s3"])
def disk_or_s3(request: pytest.FixtureRequest, tmp_path: Path) -> StoreCase:
    """A store that does not keep its objects in this process's memory."""
    return make_case(request, request.param, tmp_path)


def make_case(request: pytest.FixtureRequest, kind: str, tmp_path: Path) -> StoreCase:
    if kind == "local":
        root = tmp_path / "out"

        def local_names() -> set[str]:
            return {str(path.relative_to(root)) for path in root.rglob("*") if not path.is_dir()}

        return StoreCase(kind, open_store(str(root)), str(root), local_names, lambda: open_store(str(root)))
    if kind == "memory":
        url = f"memory://apiframe-test-{uuid.uuid4().hex}/out"
        store = open_store(url)

        def memory_names() -> set[str]:
            from fsspec.implementations.memory import MemoryFileSystem  # type: ignore[import-untyped]

            prefix = url.removeprefix("memory:/") + "/"
            return {path[len(prefix) :] for path in MemoryFileSystem.store if path.startswith(prefix)}

        request.addfinalizer(lambda: _forget_memory(url))
        return StoreCase(kind, store, url, memory_names, lambda: open_store(url))
    server: S3Server = request.getfixturevalue("aws_env")
    bucket = server.new_bucket()
    url = f"s3://{bucket}/batch"

    def s3_names() -> set[str]:
        listed = server.client().list_objects_v2(Bucket=bucket, Prefix="batch/")
        return {item["Key"].removeprefix("batch/") for item in listed.get("Contents", [])}

    def open_uploads() -> list[Any]:
        uploads: list[Any] = server.client().list_multipart_uploads(Bucket=bucket).get("Uploads", [])
        return uploads

    def reopen() -> Store:
        return open_store(url, **server.options())

    return StoreCase(kind, reopen(), url, s3_names, reopen, server.options(), open_uploads)


def _forget_memory(url: str) -> None:
    from fsspec.implementations.memory import MemoryFileSystem

    prefix = url.removeprefix("memory:/")
    for path in [path for path in MemoryFileSystem.store if path.startswith(prefix)]:
        del MemoryFileSystem.store[path]
