"""What the user hands the batch (its file, its --out URL) and what a kill leaves in its folder."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import apiframe.batch
from apiframe import InvalidRequestError
from apiframe.cli._app import cli
from apiframe.testing import Sandbox, SandboxConfig

from .conftest import S3Server


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.1, seed=13)) as running:
        yield running


GOOD = json.dumps({"model": "flux-1.1-pro", "prompt": "a plain line"})
CAFE = json.dumps({"model": "flux-1.1-pro", "prompt": "café"}, ensure_ascii=False)


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ((GOOD + "\n" + GOOD + "\n" + CAFE).encode("latin-1"), 3),
        ((GOOD + "\n" + GOOD + "\n").encode("utf-16"), 1),
        ((GOOD + "\n" + GOOD + "\n").encode("utf-16-le"), 1),
        (b"\xff" + GOOD.encode(), 1),
    ],
)
def test_a_file_that_is_not_utf8_is_a_usage_error_naming_the_line(
    sandbox: Sandbox, tmp_path: Path, content: bytes, line: int
) -> None:
    batch = tmp_path / "b.jsonl"
    batch.write_bytes(content)
    connection = ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url]
    args = [*connection, "batch", str(batch), "-o", str(tmp_path / "o")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert f"line {line}: not UTF-8" in result.stderr
    assert "Traceback" not in result.output and "UnicodeDecodeError" not in result.output
    assert sandbox.job_count() == 0
    with pytest.raises(InvalidRequestError, match=f"line {line}: not UTF-8"):
        apiframe.batch.read_batch(batch)


def test_a_utf8_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    batch.write_bytes(b"\xef\xbb\xbf" + GOOD.encode() + b"\n" + GOOD.encode() + b"\n")
    assert [line.number for line in apiframe.batch.read_batch(batch)] == [1, 2]


@pytest.mark.parametrize(
    "url",
    [
        "s3://AKIAEXAMPLEKEY:EXAMPLESECRET@bucket/run",
        "s3://AKIAEXAMPLEKEY@bucket/run",
        "s3://bucket/run?secret=EXAMPLESECRET&key=AKIAEXAMPLEKEY",
        "s3://bucket/run#AKIAEXAMPLEKEY:EXAMPLESECRET",
    ],
)
def test_credentials_in_a_storage_url_never_reach_a_message(aws_env: S3Server, tmp_path: Path, url: str) -> None:
    batch = tmp_path / "b.jsonl"
    batch.write_text(GOOD + "\n")
    runs = [
        ["--api-key", "afk_unused", "batch", str(batch), "--out", url],
        ["batch", "status", url],
        ["--json", "batch", "status", url],
    ]
    for args in runs:
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, result.output
        shown = result.output + str(result.exception or "")
        assert "AKIAEXAMPLEKEY" not in shown and "EXAMPLESECRET" not in shown
        assert "s3://bucket/run" in result.stderr  # the location, without what it carried
    with pytest.raises(InvalidRequestError) as caught:
        apiframe.batch.open_store(url)
    text = repr(caught.value) + str(caught.value) + repr(caught.value.__context__) + repr(caught.value.__cause__)
    assert "AKIAEXAMPLEKEY" not in text and "EXAMPLESECRET" not in text


_KILLED_BETWEEN_WRITE_AND_RENAME = """
import os, signal, sys
import apiframe.batch

real_rename = os.rename
renames = 0

def rename(src, dst, *args, **kwargs):
    global renames
    if str(dst).endswith(".json") and ".submitted." not in str(dst):
        renames += 1
        if renames == 3:  # a state record written, fsynced, not yet renamed: the kill lands here
            os.kill(os.getpid(), signal.SIGKILL)
    return real_rename(src, dst, *args, **kwargs)

os.rename = rename
lines = [line for line in sys.stdin.read().splitlines()]
apiframe.batch.run(lines, out=sys.argv[1], concurrency=1)
"""


def _temporaries(out: Path) -> list[str]:
    return sorted(str(path.relative_to(out)) for path in out.rglob(".*.part"))


def test_a_kill_between_a_record_write_and_its_rename_leaves_nothing_after_resume(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    lines = [json.dumps({"model": "flux-1.1-pro", "prompt": f"kill {n}"}) for n in range(6)]
    env = {**os.environ, "APIFRAME_API_KEY": sandbox.api_key, "APIFRAME_BASE_URL": sandbox.base_url}
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_BETWEEN_WRITE_AND_RENAME, str(out)],
        input="\n".join(lines),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    left = _temporaries(out)
    assert len(left) == 1 and left[0].startswith("state/"), left  # state/<line>/.<record>.<hex>.part

    result = apiframe.batch.run(lines, out=out, api_key=sandbox.api_key, base_url=sandbox.base_url)
    assert result.completed == 6
    assert _temporaries(out) == []
    assert sandbox.job_count() == 6  # the killed line's job was not submitted again
