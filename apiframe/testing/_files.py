"""Uploads (streamed to disk) and the file URLs the sandbox serves itself."""

from __future__ import annotations

import functools
import json
import re
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from ._http import ApiError, Context, error_response, json_response
from ._jobs import isoformat
from ._media import MEDIA_TYPES, is_quick, make_media
from ._multipart import FilePolicy, MultipartError, parse_multipart, safe_filename
from ._sniff import Sniffed
from ._state import SandboxState

__all__ = ["create_upload", "serve_job_file", "serve_upload"]

FileHandler = Callable[[Request], Awaitable[Response]]

_SUPPORTED = "PNG, JPEG, WebP, GIF, MP4, WebM, MOV, MP3, WAV, OGG or M4A"
_RESULT_NAME = re.compile(r"^(\d+)\.([a-z0-9]+)$")


def _accept_any(sniffed: Sniffed | None) -> str | None:
    if sniffed is None:
        return f"unsupported file type: upload {_SUPPORTED} (detected from the file's bytes)"
    return None


async def create_upload(ctx: Context) -> Response:
    """``POST /v2/uploads``: one file, sniffed, size-checked, stored until ``expiresAt``."""
    state = ctx.state
    limits = state.config.upload_limits
    policy = FilePolicy(limit_for=lambda s: limits.for_kind(s.kind), accept=_accept_any)
    directory = state.files_dir / "uploads"
    try:
        form = await parse_multipart(
            ctx.request.stream(),
            ctx.request.headers.get("content-type", ""),
            directory=directory,
            policy=policy,
        )
    except MultipartError as exc:
        raise ApiError(400, "No file", details={"file": [str(exc)]}) from exc
    files = [part for part in form.files if part.field == "file"]
    try:
        if form.error:
            raise ApiError(400, "Upload rejected", details={"file": [form.error]})
        if not files:
            raise ApiError(400, "No file", details={"file": ["Required: send the file in a part named 'file'"]})
        part = files[0]
        if part.error or part.path is None or part.sniffed is None:
            reason = part.error or "the file could not be stored"
            message = "File too large" if "too large" in reason else "Unsupported file"
            raise ApiError(400, message, details={"file": [reason]})
        upload_id = str(uuid.uuid4())
        name = safe_filename(part.filename, f"upload.{part.sniffed.extension}")
        final = directory / f"{upload_id}.{part.sniffed.extension}"
        part.path.replace(final)
        part.path = None
    finally:
        form.cleanup()
    now = state.clock.now()
    expires = now + state.config.upload_ttl_seconds
    record = {
        "id": upload_id,
        "userId": ctx.user.user_id,
        "filename": name,
        "kind": part.sniffed.kind,
        "contentType": part.sniffed.content_type,
        "byteSize": part.size,
        "file": str(final.relative_to(state.files_dir)),
        "createdTs": now,
        "expiresTs": expires,
        "expiresAt": isoformat(expires),
    }
    state.store.put("upload", upload_id, record)
    return json_response(
        {
            "id": upload_id,
            "url": f"{ctx.base_url}/files/uploads/{upload_id}/{name}",
            "kind": record["kind"],
            "contentType": record["contentType"],
            "byteSize": record["byteSize"],
            "expiresAt": record["expiresAt"],
        },
        201,
    )


def _not_found(what: str) -> Response:
    return error_response(404, f"{what} not found (it may have expired)")


def file_routes(state: SandboxState) -> tuple[FileHandler, FileHandler]:
    """Handlers for ``/files/uploads/{id}/{name}`` and ``/files/jobs/{id}/{name}``."""

    async def upload(request: Request) -> Response:
        return serve_upload(state, request.path_params["upload_id"])

    async def job_file(request: Request) -> Response:
        return await serve_job_file(state, request.path_params["job_id"], request.path_params["name"])

    return upload, job_file


def serve_upload(state: SandboxState, upload_id: str) -> Response:
    """Stream an uploaded file back until it expires."""
    record = state.store.get("upload", upload_id)
    if record is None or state.clock.now() >= float(record["expiresTs"]):
        return _not_found("Upload")
    path = state.files_dir / Path(str(record["file"]))
    if not path.is_file():
        return _not_found("Upload")
    return FileResponse(
        path,
        media_type=str(record["contentType"]),
        filename=str(record["filename"]),
        content_disposition_type="inline",
    )


@functools.lru_cache(maxsize=32)
def _media(modality: str, seed: str, request: str) -> bytes:
    return make_media(modality, seed, json.loads(request))


async def serve_job_file(state: SandboxState, job_id: str, name: str) -> Response:
    """Serve a generated result file of a completed, unexpired job.

    A quick file (a sound, a picture of a few megapixels) is made right here on the event loop: a
    round trip through a worker thread costs more than that, in GIL hand-offs that stall every
    other connection. A slow one (a video, a huge picture) goes to a worker thread so the loop
    keeps answering meanwhile.
    """
    match = _RESULT_NAME.match(name)
    job = state.engine.get(job_id)
    if match is None or job is None or job["status"] != "COMPLETED" or state.engine.expired(job):
        return _not_found("Result file")
    modality = str(job["modality"])
    index = int(match.group(1))
    if modality not in MEDIA_TYPES or not 1 <= index <= int(job["outputs"]):
        return _not_found("Result file")
    extension, content_type = MEDIA_TYPES[modality]
    if match.group(2) != extension:
        return _not_found("Result file")
    body = job.get("input") or {}
    request = json.dumps(body, sort_keys=True, default=str)
    seed = f"{job['seed']}#{index}"
    if is_quick(modality, body):
        data = _media(modality, seed, request)
    else:
        data = await run_in_threadpool(_media, modality, seed, request)
    return Response(
        data,
        media_type=content_type,
        headers={"Cache-Control": "public, max-age=86400"},
    )
