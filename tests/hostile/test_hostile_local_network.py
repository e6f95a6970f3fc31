"""This machine and its private network (issue 17): the key crosses the network in cleartext only
to them, and a hostile API cannot make the SDK fetch from them.

To look like an API off this machine, the hostile server is reached as a forward proxy: the SDK
asks ``http://api.example.com`` (a public name, never resolved: the proxy answers), while a second
hostile server on 127.0.0.1 stands for the user's network (an intranet page, a metadata address).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from hostile_server import KEY, HostileServer, Request, Wire, job_body, redirect, respond, respond_json

from apiframe import Apiframe, AsyncApiframe, ConfigurationError, DownloadError
from apiframe._config import is_local_host
from apiframe.cli._app import cli
from apiframe.cli._sandbox import ANNOUNCEMENT, SANDBOX_STATE, SandboxError, running_server, state_folder

PUBLIC_API = "http://api.example.com"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)

LOCAL = ["localhost", "127.0.0.1", "127.1", "2130706433", "0x7f.0.0.1", "10.1.2.3", "192.168.0.7", "172.16.5.4",
         "169.254.169.254", "::1", "[::1]", "::ffff:10.0.0.1", "fd00::1", "fe80::1%eth0", "0.0.0.0", "api",
         "sandbox.localhost", "LOCALHOST.", "224.0.0.1"]  # fmt: skip
OFF = ["api.example.com", "8.8.8.8", "2001:4860:4860::8888", "[2001:4860:4860::8888]", "::ffff:8.8.8.8",
       "10.0.0.1.example.com", "api.apiframe.ai"]  # fmt: skip


@pytest.mark.parametrize("host", LOCAL)
def test_this_machine_and_private_networks_are_local(host: str) -> None:
    assert is_local_host(host)


@pytest.mark.parametrize("host", OFF)
def test_public_hosts_are_not_local(host: str) -> None:
    assert not is_local_host(host)


# -- the base URL: plain http only to this machine and its private network --------------------------


@pytest.mark.parametrize("url", [PUBLIC_API, "http://8.8.8.8:8080/", "http://[2001:4860:4860::8888]"])
def test_plain_http_off_this_machine_is_refused_with_the_fix(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigurationError, match=r"cleartext.*Use https://.*allow_dangerously_expose_api_key=True"):
        Apiframe(api_key=KEY, base_url=url)
    with pytest.raises(ConfigurationError, match="cleartext"):
        AsyncApiframe(api_key=KEY, base_url=url)
    with pytest.raises(ConfigurationError, match="cleartext"):
        Apiframe(api_key=KEY, base_url="http://127.0.0.1:1").with_options(base_url=url)
    monkeypatch.setenv("APIFRAME_BASE_URL", url)
    with pytest.raises(ConfigurationError, match="cleartext") as caught:
        Apiframe(api_key=KEY)
    assert KEY not in str(caught.value)
    allowed = Apiframe(api_key=KEY, base_url=url, allow_dangerously_expose_api_key=True)
    assert allowed.with_options(base_url=url + "/v").base_url.startswith(url.rstrip("/"))


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080", "http://localhost", "http://10.0.0.5", "http://api:8000",
                                 "http://[::1]:9", "https://api.example.com"])  # fmt: skip
def test_plain_http_to_this_machine_or_https_anywhere_is_accepted(url: str) -> None:
    assert Apiframe(api_key=KEY, base_url=url).base_url == url


@pytest.mark.parametrize(
    ("where", "command"),
    [("--base-url", ["jobs", "get", "job_1"]), ("APIFRAME_BASE_URL", ["models"]), ("--base-url", ["mcp"])],
)
def test_the_command_refuses_plain_http_off_this_machine_in_its_own_words(
    where: str, command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APIFRAME_API_KEY", KEY)
    args = ["--base-url", PUBLIC_API] if where == "--base-url" else []
    env = {"APIFRAME_BASE_URL": PUBLIC_API} if where == "APIFRAME_BASE_URL" else {}
    result = CliRunner().invoke(cli, [*args, *command], env=env)
    assert result.exit_code == 2, result.output
    assert f"{where} is plain http to api.example.com" in result.stderr and "https://" in result.stderr
    assert "allow_dangerously" not in result.output and "base_url" not in result.output
    assert "Traceback" not in result.output and KEY not in result.output


def test_the_command_reaches_a_plain_http_api_on_this_machine(server: HostileServer) -> None:
    server.handler = respond_json(200, job_body("job_1"))
    result = CliRunner().invoke(cli, ["--api-key", KEY, "--base-url", server.url, "--json", "jobs", "get", "job_1"])
    assert result.exit_code == 0, result.output
    assert server.paths() == ["/v2/jobs/job_1"]


# -- file hosts: never this machine or a private network, unless the API is there -----------------


@pytest.fixture
def proxy(server: HostileServer, other: HostileServer) -> Iterator[HostileServer]:
    """``server`` as a forward proxy answering for api.example.com and files.example.com: the API names
    ``{other}/secret`` (first) or a public file host that redirects there (redirect)."""
    yield server


def _answer(server: HostileServer, other: HostileServer, how: str) -> None:
    first = f"{other.url}/secret"
    url = first if how == "first" else "http://files.example.com/a.png"

    def handler(request: Request, wire: Wire) -> None:
        if request.target.startswith("http://files.example.com/"):
            redirect(302, first)(request, wire)
        else:
            assert request.target.startswith(f"{PUBLIC_API}/v2/jobs/"), request.target
            respond_json(200, job_body("job_1", result={"urls": [url]}))(request, wire)

    server.handler = handler
    other.handler = respond(200, PNG, {"Content-Type": "image/png"})


@pytest.mark.parametrize("how", ["first", "redirect"])
@pytest.mark.parametrize("backend", ["sync", "httpx", "aiohttp"])
def test_a_file_on_this_machine_named_by_an_api_off_it_is_never_fetched(
    backend: str,
    how: str,
    proxy: HostileServer,
    other: HostileServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _answer(proxy, other, how)
    settings = {"api_key": KEY, "base_url": PUBLIC_API, "max_retries": 0, "allow_dangerously_expose_api_key": True}
    with pytest.raises(DownloadError, match=r"refusing to fetch http://127\.0\.0\.1:\d+/secret.*nothing was fetched"):
        if backend == "sync":
            with Apiframe(**settings, http_client=httpx.Client(proxy=proxy.url)) as client:
                client.jobs.download("job_1", tmp_path)
        else:
            if backend == "aiohttp":  # the backend's own pool, taking the proxy from the environment
                for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
                    monkeypatch.delenv(name, raising=False)
                monkeypatch.setenv("HTTP_PROXY", proxy.url)

            async def main() -> None:
                extra = (
                    {"http_backend": "aiohttp"}
                    if backend == "aiohttp"
                    else {"http_client": httpx.AsyncClient(proxy=proxy.url)}
                )
                async with AsyncApiframe(**settings, **extra) as client:  # type: ignore[arg-type]
                    await client.jobs.download("job_1", tmp_path)

            asyncio.run(main())
    assert other.requests == []
    assert list(tmp_path.iterdir()) == []
    hops = [request.target for request in proxy.requests]
    assert hops == [f"{PUBLIC_API}/v2/jobs/job_1"] + (["http://files.example.com/a.png"] if how == "redirect" else [])


def test_a_streamed_file_on_this_machine_named_by_an_api_off_it_is_never_fetched(
    proxy: HostileServer, other: HostileServer
) -> None:
    _answer(proxy, other, "redirect")
    with (
        Apiframe(
            api_key=KEY,
            base_url=PUBLIC_API,
            allow_dangerously_expose_api_key=True,
            http_client=httpx.Client(proxy=proxy.url),
        ) as client,
        pytest.raises(DownloadError, match="refusing to fetch"),
    ):
        client.jobs.with_streaming_response.download("job_1")
    assert other.requests == []


@pytest.mark.parametrize("how", ["first", "redirect"])
def test_an_api_on_this_machine_may_name_files_on_it(
    how: str, server: HostileServer, other: HostileServer, tmp_path: Path
) -> None:
    """The sandbox (and a gateway on the same network) serves its files from where it is."""
    hop = f"{server.url}/hop"

    def api(request: Request, wire: Wire) -> None:
        if request.path == "/hop":
            redirect(302, f"{other.url}/a.png")(request, wire)
        else:
            url = f"{other.url}/a.png" if how == "first" else hop
            respond_json(200, job_body("job_1", result={"urls": [url]}))(request, wire)

    server.handler = api
    other.handler = respond(200, PNG, {"Content-Type": "image/png"})
    with Apiframe(api_key=KEY, base_url=server.url, max_retries=0) as client:
        (saved,) = client.jobs.download("job_1", tmp_path)
    assert saved.read_bytes() == PNG and other.paths() == ["/a.png"]


# -- the sandbox's state folder: what another user could plant there is not believed ---------------


def test_a_sandbox_state_folder_every_user_may_write_is_refused(
    server: HostileServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``./.apiframe-sandbox`` in a shared folder (``/tmp``, a shared checkout): another user's
    announcement would send this user's prompts and uploads to their server."""
    server.handler = respond_json(200, {"models": []})
    fresh = state_folder(tmp_path / "mine")
    assert fresh.stat().st_mode & 0o777 == 0o700
    announced = tmp_path / "shared" / SANDBOX_STATE
    announced.mkdir(parents=True)
    (announced / ANNOUNCEMENT).write_text(json.dumps({"url": server.url}))
    assert running_server(announced.parent) == server.url  # the folder is this user's: believed
    announced.chmod(0o777)
    assert running_server(announced.parent) is None
    with pytest.raises(SandboxError, match="is writable by every user"):
        state_folder(announced.parent)
    monkeypatch.chdir(announced.parent)
    result = CliRunner().invoke(cli, ["--sandbox", "jobs", "get", "job_1"])
    assert result.exit_code == 2 and "is writable by every user" in result.stderr, result.output
    assert len(server.requests) == 1  # only the first look, while the folder was trusted
