"""Every public SDK method, written once for both clients: ``sdk_call(client, name, out)`` runs the
named call on an ``Apiframe`` (driven without an event loop) or an ``AsyncApiframe`` (awaited).
Job-creating calls go on to ``AcceptedJob.wait`` and ``jobs.download``, as a user's code would.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any

JOB_ID = "3f1c2a9e-1111-4111-8111-111111111111"
OTHER_ID = "3f1c2a9e-2222-4222-8222-222222222222"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
WAIT = {"timeout": 0.15, "interval": 0.02, "max_interval": 0.05}

JOBS = [("GET", "/v2/jobs/{id}"), ("GET", "/v2/jobs")]


def _made(resource: str, method: str, **arguments: Any) -> Callable[[Any], Any]:
    return lambda client: getattr(getattr(client, resource), method)(**arguments)


UNCHECKED: dict[str, Any] = {"model": "f", "validate": False}
CREATE: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "images.generate": ("/v2/images/generate", _made("images", "generate", **UNCHECKED, extra_body={"prompt": "p"})),
    "images.upscale": ("/v2/images/upscale", _made("images", "upscale", **UNCHECKED)),
    "images.edit": ("/v2/images/edit", _made("images", "edit", **UNCHECKED)),
    "images.remove_background": ("/v2/images/background-remove", _made("images", "remove_background", **UNCHECKED)),
    "images.midjourney_action": (
        "/v2/images/midjourney/action",
        _made("images", "midjourney_action", action="upsample", index=1, parent_job_id=JOB_ID),
    ),
    "videos.generate": ("/v2/videos/generate", _made("videos", "generate", **UNCHECKED)),
    "videos.upscale": ("/v2/videos/upscale", _made("videos", "upscale", **UNCHECKED)),
    "videos.edit": ("/v2/videos/edit", _made("videos", "edit", **UNCHECKED)),
    "music.generate": ("/v2/music/generate", _made("music", "generate", **UNCHECKED)),
    "music.suno_action": ("/v2/music/suno/action", _made("music", "suno_action", action="f", validate=False)),
}


async def _value(result: Any) -> Any:
    return await result if inspect.isawaitable(result) else result


async def _every(pager: Any) -> list[Any]:
    if hasattr(pager, "__aiter__"):
        return [item async for item in pager]
    return list(pager)


async def _create(client: Any, name: str, out: Path) -> None:
    accepted = await _value(CREATE[name][1](client))
    job = await _value(accepted.wait(**WAIT))
    await _value(client.jobs.download(job, out, timeout=3))


async def _jobs(client: Any, name: str, out: Path) -> None:
    if name == "jobs.get":
        job = await _value(client.jobs.get(JOB_ID))
        await _value(client.jobs.download(job, out, timeout=3))
    elif name == "jobs.list":
        await _every(client.jobs.list(limit=5))
    elif name == "jobs.wait":
        await _value(client.jobs.wait(JOB_ID, **WAIT))
    elif name == "jobs.wait_many":
        await _every(client.jobs.wait_many([JOB_ID, OTHER_ID], **WAIT))
    elif name == "jobs.download":
        await _value(client.jobs.download(JOB_ID, out, timeout=3))
    elif name == "jobs.with_streaming_response.download":
        await _stream(client, out)


async def _stream(client: Any, out: Path) -> None:
    """A result file streamed, not saved: read whole (bounded by the fuzzer's file host)."""
    streamed = client.jobs.with_streaming_response.download(JOB_ID, index=1)
    if hasattr(streamed, "__aenter__"):
        async with streamed as file:
            async for _ in file.iter_bytes():
                pass
        return
    with streamed as file:
        for _ in file.iter_bytes():
            pass


async def _others(client: Any, name: str, out: Path) -> None:
    calls: dict[str, Callable[[], Any]] = {
        "uploads.create": lambda: client.uploads.create(PNG, filename="a.png"),
        "loras.create": lambda: client.loras.create(name="n", images=[PNG] * 15, subject_kind="style"),
        "loras.list": lambda: _every(client.loras.list(limit=3)),
        "loras.get": lambda: client.loras.get(JOB_ID),
        "loras.delete": lambda: client.loras.delete(JOB_ID),
        "models.list": lambda: client.models.list(),
        "me": lambda: client.me(),
        "assets.create": lambda: client.assets.create(url="https://example.com/a.png", type="image"),
        "assets.get": lambda: client.assets.get("asset-1"),
        "with_raw_response.me": lambda: client.with_raw_response.me(),
    }
    result = await _value(calls[name]())
    if name == "with_raw_response.me":
        result.parse()


ROUTES: dict[str, list[tuple[str, str]]] = {
    **{name: [("POST", path), *JOBS] for name, (path, _) in CREATE.items()},
    "jobs.get": JOBS,
    "jobs.list": JOBS,
    "jobs.wait": JOBS,
    "jobs.wait_many": JOBS,
    "jobs.download": JOBS,
    "jobs.with_streaming_response.download": JOBS,
    "uploads.create": [("POST", "/v2/uploads")],
    "loras.create": [("POST", "/v2/loras")],
    "loras.list": [("GET", "/v2/loras")],
    "loras.get": [("GET", "/v2/loras/{id}")],
    "loras.delete": [("DELETE", "/v2/loras/{id}")],
    "models.list": [("GET", "/v2/models")],
    "me": [("GET", "/v2/me")],
    "assets.create": [("POST", "/v2/assets/create")],
    "assets.get": [("GET", "/v2/assets/{assetId}")],
    "with_raw_response.me": [("GET", "/v2/me")],
}
"""Each SDK call and the routes it may take (a wait lists and polls; a download fetches files)."""


def sdk_call(client: Any, name: str, out: Path) -> Coroutine[Any, Any, None]:
    if name in CREATE:
        return _create(client, name, out)
    if name.startswith("jobs."):
        return _jobs(client, name, out)
    return _others(client, name, out)


def drive(coroutine: Awaitable[Any]) -> Any:
    """Run a coroutine that never suspends (the sync client's calls) without an event loop."""
    assert inspect.iscoroutine(coroutine)
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value
    coroutine.close()
    raise AssertionError("a sync call suspended as if it were async")
