"""Downloads write only inside the folder, only real files, and fail cleanly (observations 3 and 5)."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from hostile_server import KEY, HostileServer, Request, Wire, head, job_body, redirect, respond, respond_json

from apiframe import (
    Apiframe,
    APIResponseValidationError,
    APIStatusError,
    AsyncApiframe,
    DownloadError,
    DownloadProgress,
    InvalidRequestError,
)

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


def _files(root: Path) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*"))


def _api_and_files(server: HostileServer, job_id: str, file_url: str, answered_id: str | None = None) -> None:
    """The API answers one COMPLETED job whose only file is ``file_url``."""
    api = respond_json(200, job_body(answered_id or job_id, result={"urls": [file_url]}))

    def handler(request: Request, wire: Wire) -> None:
        assert request.path.startswith("/v2/jobs/")
        api(request, wire)

    server.handler = handler


@pytest.mark.parametrize("answered", ["./../../escaped", "/../../escaped", "../escaped", "other_job"])
def test_the_file_name_never_comes_from_the_servers_answer(
    answered: str, client: Apiframe, server: HostileServer, other: HostileServer, tmp_path: Path
) -> None:
    other.handler = respond(200, PNG, {"Content-Type": "image/png"})
    _api_and_files(server, "safe", f"{other.url}/a.png", answered_id=answered)
    target = tmp_path / "out" / "deeper"
    # another job's id, or one that is no id at all (refused as the answer is parsed, by the id rule)
    with pytest.raises(APIResponseValidationError, match=r"asked for job safe|id is .* which is not an id"):
        client.jobs.download("safe", target)
    assert _files(tmp_path) == [] or _files(tmp_path) == ["out", "out/deeper"]
    assert other.requests == []


@pytest.mark.parametrize("asked", ["../x", "./../../x", "/../../x", "a/b", "..", "x" * 300, "a\x00b"])
def test_an_id_that_cannot_name_a_file_is_refused_before_anything_is_sent(
    asked: str, client: Apiframe, server: HostileServer, tmp_path: Path
) -> None:
    with pytest.raises(InvalidRequestError, match=r"cannot name a file|is not an id|is too long for an id"):
        client.jobs.download(asked, tmp_path)
    assert server.requests == [] and _files(tmp_path) == []


@pytest.mark.parametrize("kind", ["link", "folder"])
@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
def test_a_planted_name_in_the_folder_is_never_taken_for_a_result(
    kind: str, use_async: bool, server: HostileServer, other: HostileServer, tmp_path: Path
) -> None:
    """A link (or a folder) already under the result's name is refused, not reported as downloaded."""
    other.handler = respond(200, PNG, {"Content-Type": "image/png"})
    _api_and_files(server, "job_1", f"{other.url}/a.png")
    precious = tmp_path / "precious"
    precious.write_bytes(b"keep me")
    out = tmp_path / "out"
    out.mkdir()
    if kind == "link":
        (out / "job_1.png").symlink_to(precious)
    else:
        (out / "job_1.png").mkdir()
    with pytest.raises(DownloadError, match=r"job_1\.png"):
        if use_async:

            async def download() -> None:
                async with AsyncApiframe(api_key=KEY, base_url=server.url, max_retries=0) as client:
                    await client.jobs.download("job_1", out)

            asyncio.run(download())
        else:
            with Apiframe(api_key=KEY, base_url=server.url, max_retries=0) as client:
                client.jobs.download("job_1", out)
    assert precious.read_bytes() == b"keep me"
    assert sorted(p.name for p in out.iterdir()) == ["job_1.png"]


def test_a_file_hosts_redirect_is_followed_without_the_key(
    client: Apiframe, server: HostileServer, other: HostileServer, tmp_path: Path
) -> None:
    hops = iter([redirect(302, f"{other.url}/hop2"), redirect(307, "/real.png")])

    def file_host(request: Request, wire: Wire) -> None:
        if request.path == "/real.png":
            respond(200, PNG, {"Content-Type": "image/png"})(request, wire)
        else:
            next(hops)(request, wire)

    other.handler = file_host
    _api_and_files(server, "job_1", f"{other.url}/hop1")
    (saved,) = client.jobs.download("job_1", tmp_path)
    assert saved == tmp_path / "job_1.png" and saved.read_bytes() == PNG
    assert other.paths() == ["/hop1", "/hop2", "/real.png"]
    assert all("x-api-key" not in request.headers for request in other.requests)
    assert all(request.headers["x-api-key"] == KEY for request in server.requests)
    assert _files(tmp_path) == ["job_1.png"]


def test_endless_file_host_redirects_end_in_a_typed_error_and_nothing_saved(
    client: Apiframe, server: HostileServer, other: HostileServer, tmp_path: Path
) -> None:
    other.handler = redirect(302, "/again")
    _api_and_files(server, "job_1", f"{other.url}/start")
    with pytest.raises(APIStatusError, match="more than 5 redirects") as caught:
        client.jobs.download("job_1", tmp_path)
    assert caught.value.status_code == 302
    assert len(other.requests) == 6 and _files(tmp_path) == []


@pytest.mark.parametrize(
    ("content_type", "body"),
    [("text/html; charset=utf-8", b"<html>moved</html>"), ("image/png", b"<!DOCTYPE html><html>login</html>")],
    ids=["html-type", "html-body"],
)
def test_an_html_page_is_never_saved_as_a_result(
    content_type: str, body: bytes, client: Apiframe, server: HostileServer, other: HostileServer, tmp_path: Path
) -> None:
    other.handler = respond(200, body, {"Content-Type": content_type})
    _api_and_files(server, "job_1", f"{other.url}/a.png")
    with pytest.raises(DownloadError, match="HTML page instead of the file"):
        client.jobs.download("job_1", tmp_path)
    assert _files(tmp_path) == []


def test_a_redirect_to_another_scheme_is_refused(
    client: Apiframe, server: HostileServer, other: HostileServer, tmp_path: Path
) -> None:
    other.handler = redirect(302, "file:///etc/passwd")
    _api_and_files(server, "job_1", f"{other.url}/a.png")
    with pytest.raises(APIStatusError, match="not http"):
        client.jobs.download("job_1", tmp_path)
    assert _files(tmp_path) == []


_FULL_DISK = textwrap.dedent(
    """
    import json, resource, signal, sys
    from apiframe import Apiframe, ApiframeError

    base_url, target, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # past the limit, writes fail with EFBIG instead
    client = Apiframe(api_key=sys.argv[4], base_url=base_url, max_retries=0)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        client.jobs.download("job_1", target)
    except BaseException as error:
        print(json.dumps({"type": type(error).__name__, "message": str(error)}))
    else:
        print(json.dumps({"type": None, "message": ""}))
    """
)


@pytest.mark.parametrize("size", [6000, 300_000], ids=["fails-at-flush-and-close", "fails-while-writing"])
def test_a_full_disk_is_a_download_error_that_leaves_no_file(
    size: int, server: HostileServer, other: HostileServer, tmp_path: Path
) -> None:
    # A file-size limit makes the kernel refuse writes past 4,000 bytes, as a full disk would; a body
    # smaller than the write buffer fails only when it is flushed and closed.
    other.handler = respond(200, PNG * (size // len(PNG) + 1), {"Content-Type": "image/png"})
    _api_and_files(server, "job_1", f"{other.url}/a.png")
    target = tmp_path / "out"
    target.mkdir()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _FULL_DISK, server.url, str(target), "4000", KEY],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome["type"] == "DownloadError", outcome
    assert "File too large" in outcome["message"]
    assert _files(tmp_path) == ["out"]


def test_a_file_host_gets_no_credential_and_none_of_the_clients_headers(
    server: HostileServer, other: HostileServer, tmp_path: Path
) -> None:
    other.handler = respond(200, PNG, {"Content-Type": "image/png"})
    _api_and_files(server, "job_1", f"{other.url}/a.png")
    headers = {"Authorization": "Bearer team-token", "X-Team": "t1"}
    with Apiframe(api_key=KEY, base_url=server.url, default_headers=headers) as client:
        client.jobs.download("job_1", tmp_path, extra_headers={"Cookie": "s=1", "X-Trace": "abc"})
    (file_request,) = other.requests
    assert not {"x-api-key", "authorization", "cookie", "x-team"} & set(file_request.headers)
    assert file_request.headers["x-trace"] == "abc"
    assert server.requests[0].headers["authorization"] == "Bearer team-token"


def test_a_cancelled_async_download_leaves_no_file_and_no_temporary_file(
    server: HostileServer, other: HostileServer, tmp_path: Path
) -> None:
    """Cancelling the task mid-file (its writes on a worker thread) removes the temporary file.

    The file host sends the body one byte at a time in lockstep with the client, each byte once the
    client has reported the one before (so a loaded machine cannot merge two into one read), and
    after three bytes it sends nothing more."""
    received: list[int] = []
    reported = threading.Condition()

    def on_progress(progress: DownloadProgress) -> None:
        with reported:
            received.append(progress.received)
            reported.notify_all()

    def lockstep(request: Request, wire: Wire) -> None:
        wire.keep_alive = False
        if not wire.send(head(200, {"Content-Length": str(len(PNG)), "Content-Type": "image/png"})):
            return
        for sent, byte in enumerate(PNG[:3]):
            with reported:
                if not reported.wait_for(lambda sent=sent: len(received) >= sent, timeout=30):
                    return
            if not wire.send(bytes([byte])):
                return
        wire.pause(60)  # the rest never comes: the client cancels first

    other.handler = lockstep
    _api_and_files(server, "job_1", f"{other.url}/a.png")
    target = tmp_path / "out"

    async def main() -> None:
        async with AsyncApiframe(api_key=KEY, base_url=server.url, max_retries=0) as client:
            task = asyncio.create_task(client.jobs.download("job_1", target, on_progress=on_progress))
            while len(received) < 3:  # a few bytes are on disk (in the temporary file)
                await asyncio.sleep(0.005)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task

    asyncio.run(main())
    assert received[:3] == [1, 2, 3]
    assert _files(tmp_path) == ["out"]
