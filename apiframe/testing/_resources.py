"""Read routes and small resources: jobs, account, model catalog, assets."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from typing import Any

from starlette.responses import Response

from ._auth import TEAM_ID
from ._config import FAIL_TRIGGER
from ._http import ApiError, Context, json_response, read_json_body
from ._jobs import isoformat
from ._store import Record
from ._validation import json_text

__all__ = ["create_asset", "get_asset", "get_job", "list_jobs", "list_models", "me"]


# -- jobs ------------------------------------------------------------------------------


def encode_cursor(job: Record) -> str:
    """Opaque cursor pointing after ``job`` in (createdAt desc, id desc) order."""
    raw = json.dumps([job["createdTs"], job["id"]]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[float, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        created, job_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        return float(created), str(job_id)
    except (ValueError, TypeError, binascii.Error) as exc:
        raise ApiError(
            400,
            "Invalid cursor",
            details={"cursor": ["pass the nextCursor value from a previous page unchanged"]},
        ) from exc


def _flag(value: Any) -> bool:
    return value is True or str(value).lower() == "true"


async def list_jobs(ctx: Context) -> Response:
    """``GET /v2/jobs``: cursor pagination with filters."""
    user = ctx.user
    params = ctx.params
    if params.get("scope") == "team" and user.role not in ("OWNER", "ADMIN"):
        raise ApiError(403, "Only team admins may list jobs with scope=team")
    engine = ctx.state.engine
    team = params.get("scope") == "team"
    status, model = params.get("status"), params.get("model")
    search = str(params["search"]).lower() if params.get("search") else None
    after = _decode_cursor(str(params["cursor"])) if params.get("cursor") else None
    limit = int(params.get("limit") or 20)
    page: list[Record] = []
    has_more = False
    for job in engine.newest_first(after):
        if not team and job["userId"] != user.user_id:
            continue
        if (status and job["status"] != status) or (model and job["model"] != model):
            continue
        if search and job["id"] != search:
            continue
        if len(page) == limit:
            has_more = True
            break
        page.append(job)
    body: dict[str, Any] = {
        "jobs": [engine.view(job, ctx.base_url, include_input=False) for job in page],
        "nextCursor": encode_cursor(page[-1]) if has_more and page else None,
        "hasMore": has_more,
    }
    if _flag(params.get("include_models")):
        body["models"] = sorted({str(job["model"]) for job in engine.jobs() if team or job["userId"] == user.user_id})
    return json_response(body)


async def get_job(ctx: Context) -> Response:
    """``GET /v2/jobs/{id}``."""
    job_id = str(ctx.params["id"]).lower()
    job = ctx.state.engine.get(job_id)
    if job is None or job["userId"] != ctx.user.user_id:
        raise ApiError(404, f"Job {json_text(job_id)} not found")
    return json_response(ctx.state.engine.view(job, ctx.base_url))


# -- account ---------------------------------------------------------------------------


async def me(ctx: Context) -> Response:
    """``GET /v2/me``."""
    user = ctx.user
    credits = 0 if user.no_credits else ctx.state.engine.available()
    return json_response(
        {
            "user": {
                "id": user.user_id,
                "email": f"sandbox-{user.user_id[:8]}@example.com",
                "role": user.role,
            },
            "team": {
                "id": TEAM_ID,
                "name": "Sandbox team",
                "credits": credits,
                "plan": "sandbox",
                "customerId": None,
            },
            "apiKey": {"id": user.key_id, "name": "Sandbox key", "prefix": user.key_prefix},
        }
    )


# -- models ----------------------------------------------------------------------------


def catalog(ctx: Context) -> list[Record]:
    """Catalog entries for every model literal of the spec's request unions (priced by ``_pricing``)."""
    return ctx.state.pricing.catalog()


async def list_models(ctx: Context) -> Response:
    """``GET /v2/models`` (public)."""
    entries = catalog(ctx)
    modality = ctx.params.get("modality")
    if modality:
        entries = [entry for entry in entries if entry["modality"] == modality]
    return json_response({"models": entries})


# -- assets ----------------------------------------------------------------------------


async def create_asset(ctx: Context) -> Response:
    """``POST /v2/assets/create``: register a URL; a URL with the fail trigger answers 502."""
    op = ctx.operation
    body = await read_json_body(ctx.request)
    assert op.json_body_pointer is not None
    details = ctx.state.validator.errors(op.json_body_pointer, body)
    if details:
        raise ApiError(400, "Invalid URL or type", details=details)
    if FAIL_TRIGGER in str(body["url"]).lower():
        raise ApiError(502, "Upstream asset creation failed (sandbox: the URL asked to fail)")
    asset_id = f"asset-{uuid.uuid4()}"
    ctx.state.store.put(
        "asset",
        asset_id,
        {
            "id": asset_id,
            "teamId": TEAM_ID,
            "url": body["url"],
            "type": body["type"],
            "status": "Active",
            "createdAt": isoformat(ctx.state.clock.now()),
        },
    )
    return json_response({"assetId": asset_id}, 201)


async def get_asset(ctx: Context) -> Response:
    """``GET /v2/assets/{assetId}``: the stored provider object."""
    asset_id = str(ctx.params.get("assetId", ""))
    if not asset_id:
        raise ApiError(400, "`assetId` missing")
    asset = ctx.state.store.get("asset", asset_id)
    if asset is None:
        raise ApiError(404, f"Asset {json_text(asset_id)} not found")
    return json_response(asset)
