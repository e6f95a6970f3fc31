"""LoRA training: multipart create, lifecycle mirrored from a job, list/get/archive.

Creating a LoRA also creates a job **with the same id** (model
``flux-lora-training``), so a client waits for training with
``GET /v2/jobs/{lora id}`` like any other job; the response carries that id as
both ``id`` and ``jobId``. LoRA status follows the job: QUEUED -> PENDING,
PROCESSING -> TRAINING, COMPLETED -> READY, FAILED -> FAILED.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from starlette.responses import Response

from ._auth import TEAM_ID
from ._http import ApiError, Context, json_response
from ._jobs import isoformat
from ._multipart import FilePolicy, MultipartError, MultipartForm, parse_multipart
from ._sniff import Sniffed
from ._store import Record
from ._validation import Details, coerce_text, json_text

__all__ = ["LORA_JOB_MODEL", "archive_lora", "create_lora", "get_lora", "list_loras"]

LORA_JOB_MODEL = "flux-lora-training"
_IMAGE_FIELDS = ("images", "images[]")
_ACCEPTED = frozenset({"image/jpeg", "image/png", "image/webp"})
_STATUS = {
    "QUEUED": "PENDING",
    "PROCESSING": "TRAINING",
    "COMPLETED": "READY",
    "FAILED": "FAILED",
    "CANCELLED": "FAILED",
}
_DEFAULT_STEPS = 1000
_DEFAULT_RANK = 16


def _accept_image(sniffed: Sniffed | None) -> str | None:
    if sniffed is None or sniffed.content_type not in _ACCEPTED:
        return "training images must be JPEG, PNG or WebP"
    return None


def _form_instance(ctx: Context, form: MultipartForm, images: int) -> dict[str, Any]:
    op = ctx.operation
    assert op.multipart_body_pointer is not None
    index = ctx.state.index
    instance: dict[str, Any] = {}
    for name, values in form.fields.items():
        if not values:
            continue
        props = index.properties(op.multipart_body_pointer)
        if name in props:
            pointer = index.property_pointer(op.multipart_body_pointer, name)
            instance[name] = coerce_text(index, pointer, values[0])
        else:
            instance[name] = values[0]
    if images:
        instance["images"] = ["(binary)"] * images
    return instance


async def create_lora(ctx: Context) -> Response:
    """``POST /v2/loras``: 15-30 training images plus metadata."""
    state = ctx.state
    limits = state.config.upload_limits
    policy = FilePolicy(
        limit_for=lambda _s: limits.lora_image,
        accept=_accept_image,
        total_limit=limits.lora_total,
    )
    lora_id = str(uuid.uuid4())
    directory = state.files_dir / "loras" / lora_id
    try:
        form = await parse_multipart(
            ctx.request.stream(),
            ctx.request.headers.get("content-type", ""),
            directory=directory,
            policy=policy,
        )
    except MultipartError as exc:
        raise ApiError(400, "Validation failed", details={"body": [str(exc)]}) from exc
    try:
        record = _create(ctx, form, lora_id)
    except ApiError:
        form.cleanup()
        raise
    return json_response(
        {"id": lora_id, "jobId": lora_id, "status": "PENDING", "imageCount": record["imageCount"]},
        202,
    )


def _create(ctx: Context, form: MultipartForm, lora_id: str) -> Record:
    state = ctx.state
    op = ctx.operation
    assert op.multipart_body_pointer is not None
    images = [part for part in form.files if part.field in _IMAGE_FIELDS]
    details: Details = {}
    if form.error:
        details["images"] = [form.error]
    for position, part in enumerate(images):
        if part.error:
            details[f"images.{position}"] = [part.error]
    instance = _form_instance(ctx, form, len(images))
    for key, messages in state.validator.errors(op.multipart_body_pointer, instance).items():
        details.setdefault(key, []).extend(messages)
    subject = str(instance.get("subjectKind", "person"))
    if subject == "person":
        for name in ("gender", "ethnicity"):
            if name not in instance:
                details.setdefault(name, []).append('Required when subjectKind is "person"')
    if details:
        raise ApiError(400, "Validation failed", details=details)
    cost = state.config.cost("lora")
    available = 0 if ctx.user.no_credits else state.engine.available()
    if available < cost:
        raise ApiError(
            402,
            "Insufficient credits",
            extra={"creditsRequired": cost, "creditsAvailable": available},
        )
    for part in form.files:
        if part not in images and part.path is not None:
            part.path.unlink(missing_ok=True)
            part.path = None
    name = str(instance["name"])
    job = state.engine.create(
        user_id=ctx.user.user_id,
        model=LORA_JOB_MODEL,
        modality="lora",
        body={k: v for k, v in instance.items() if k != "images"},
        cost=cost,
        outputs=0,
        seed=name,
        webhook_secret=ctx.user.webhook_secret,
        job_id=lora_id,
        extra={"loraId": lora_id},
    )
    record: Record = {
        "id": lora_id,
        "userId": ctx.user.user_id,
        "teamId": TEAM_ID,
        "name": name,
        "subjectKind": subject,
        "gender": instance.get("gender"),
        "ethnicity": instance.get("ethnicity"),
        "age": instance.get("age"),
        "imageCount": len(images),
        "steps": int(instance.get("steps", _DEFAULT_STEPS)),
        "loraRank": int(instance.get("loraRank", _DEFAULT_RANK)),
        "createdTs": job["createdTs"],
        "archived": False,
        "triggerWord": _trigger_word(name),
    }
    state.store.put("lora", lora_id, record)
    return record


def _trigger_word(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "", name.lower())[:12] or "subject"
    return f"TOK_{slug}"


def lora_view(ctx: Context, lora: Record) -> Record:
    """The wire shape of a LoRA (``Lora`` from the spec)."""
    job = ctx.state.engine.get(str(lora["id"]))
    job_status = job["status"] if job else "FAILED"
    status = "ARCHIVED" if lora["archived"] else _STATUS[job_status]
    started: str | None = None
    if job is not None and job_status != "QUEUED":
        started = isoformat(float(job["createdTs"]) + 0.1 * float(job["duration"]))
    ready = status == "READY"
    return {
        "id": lora["id"],
        "userId": lora["userId"],
        "teamId": lora["teamId"],
        "name": lora["name"],
        "subjectKind": lora["subjectKind"],
        "gender": lora["gender"],
        "ethnicity": lora["ethnicity"],
        "age": lora["age"],
        "status": status,
        "imageCount": lora["imageCount"],
        "steps": lora["steps"],
        "loraRank": lora["loraRank"],
        "isReady": ready,
        "error": job["error"] if job else None,
        "createdAt": isoformat(float(lora["createdTs"])),
        "startedAt": started,
        "completedAt": job["completedAt"] if job else None,
        "hasWeights": job_status == "COMPLETED",
        "triggerWord": lora["triggerWord"],
    }


def _find(ctx: Context) -> Record:
    lora_id = str(ctx.params["id"]).lower()
    lora = ctx.state.store.get("lora", lora_id)
    if lora is None or lora["teamId"] != TEAM_ID:
        raise ApiError(404, f"LoRA {json_text(lora_id)} not found")
    return lora


async def get_lora(ctx: Context) -> Response:
    """``GET /v2/loras/{id}``."""
    return json_response(lora_view(ctx, _find(ctx)))


async def archive_lora(ctx: Context) -> Response:
    """``DELETE /v2/loras/{id}``: soft delete, idempotent."""
    lora = _find(ctx)
    if not lora["archived"]:
        lora["archived"] = True
        ctx.state.store.put("lora", str(lora["id"]), lora)
    return Response(status_code=204)


async def list_loras(ctx: Context) -> Response:
    """``GET /v2/loras``: newest first; the cursor is the last id of the previous page."""
    include_archived = str(ctx.params.get("includeArchived", "false")).lower() == "true"
    loras = [
        lora
        for lora in ctx.state.store.values("lora")
        if lora["teamId"] == TEAM_ID and (include_archived or not lora["archived"])
    ]
    loras.sort(key=lambda lora: (lora["createdTs"], lora["id"]), reverse=True)
    cursor = ctx.params.get("cursor")
    if isinstance(cursor, str):
        ids = [lora["id"] for lora in loras]
        if cursor.lower() not in ids:
            raise ApiError(
                400,
                "Invalid cursor",
                details={"cursor": ["pass the nextCursor value from a previous page unchanged"]},
            )
        loras = loras[ids.index(cursor.lower()) + 1 :]
    limit = int(ctx.params.get("limit") or 24)
    page = loras[:limit]
    next_cursor = page[-1]["id"] if len(loras) > limit and page else None
    return json_response({"items": [lora_view(ctx, lora) for lora in page], "nextCursor": next_cursor})
