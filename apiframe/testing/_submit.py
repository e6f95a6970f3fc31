"""Job submission for every job-creating route, driven by the spec.

A route whose request union is discriminated by ``model`` creates a job for
that model; its modality comes from the path (``/v2/videos/...``). A route
whose variants carry ``parentJobId`` is an *action* route
(``/v2/<modality>/<family>/action``) acting on a completed parent job of the
same family.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.responses import Response

from ._catalog import SpecIndex, SpecOperation, modality_for_segment
from ._http import ApiError, Context, json_response, read_json_body
from ._idempotency import read_key, remember, replay
from ._jobs import media_seed
from ._store import Record
from ._validation import json_text

__all__ = ["SINGLE_OUTPUT_ACTIONS", "ActionRoute", "SubmitPlan", "plan_submissions", "submit"]

SINGLE_OUTPUT_ACTIONS = frozenset({"upsample"})
"""Actions that return one file instead of a fresh set (the spec says so only in prose)."""


@dataclass(frozen=True)
class ActionRoute:
    """What the spec says about an action route's variants."""

    family: str
    index_rule: Mapping[str, str]
    """Action -> ``required`` (acts on a multi-output parent), ``absent`` (acts on
    a single-output parent) or ``optional``."""
    has_track_id: Mapping[str, bool]


@dataclass(frozen=True)
class SubmitPlan:
    """Facts derived once from the spec for all submission routes."""

    family_outputs: Mapping[str, int]
    """Model family -> number of outputs a job of it produces (from action ``index`` ranges)."""
    actions: Mapping[str, ActionRoute]
    """Operation path -> action route facts."""


def is_submission(index: SpecIndex, op: SpecOperation) -> bool:
    """Whether ``op`` creates a job (its 202 response carries ``jobId``)."""
    pointer = op.responses.get("202")
    if op.method != "POST" or pointer is None or op.json_body_pointer is None:
        return False
    return "jobId" in index.properties(pointer)


def plan_submissions(index: SpecIndex) -> SubmitPlan:
    """Derive output counts and parent rules from the action routes of the spec."""
    outputs: dict[str, int] = {}
    actions: dict[str, ActionRoute] = {}
    for op in index.operations:
        if not is_submission(index, op) or op.json_body_pointer is None:
            continue
        found = index.discriminator(op.json_body_pointer)
        if found is None or found.property == "model" or len(op.segments) < 3:
            continue
        if not all("parentJobId" in index.properties(v) for v in found.variants.values()):
            continue
        family = op.segments[-2]
        rules: dict[str, str] = {}
        tracks: dict[str, bool] = {}
        most = 1
        for action, variant in found.variants.items():
            props = index.properties(variant)
            if "index" not in props:
                rules[str(action)] = "absent"
            else:
                required = "index" in index.required(variant)
                rules[str(action)] = "required" if required else "optional"
                values = index.allowed_values(props["index"]) or []
                numbers = [int(v) for v in values if isinstance(v, int | float)]
                most = max([most, *numbers])
            tracks[str(action)] = "trackId" in props
        outputs[family] = most
        actions[op.path] = ActionRoute(family=family, index_rule=rules, has_track_id=tracks)
    return SubmitPlan(family_outputs=outputs, actions=actions)


async def submit(ctx: Context, plan: SubmitPlan) -> Response:
    """Handle one job-creating request."""
    state = ctx.state
    op = ctx.operation
    user = ctx.user
    body = await read_json_body(ctx.request)
    assert op.json_body_pointer is not None
    details = state.validator.errors(op.json_body_pointer, body)
    if details:
        raise ApiError(400, "Request body failed validation", details=details)
    assert isinstance(body, dict)
    claim = read_key(ctx, body)
    if claim is not None:
        replayed = replay(ctx, claim)
        if replayed is not None:
            return replayed
    action = plan.actions.get(op.path)
    extra: dict[str, Any] = {}
    if action is None:
        model = str(body["model"])
        modality = modality_for_segment(op.segments[1])
        outputs = state.pricing.outputs(model, body) or plan.family_outputs.get(model, 1)
        seed = media_seed(body)
        priced = model
    else:
        parent = _parent(ctx, action, body)
        model = str(parent["model"])
        modality = str(parent["modality"])
        name = str(body.get(_action_property(ctx, op)))
        outputs = 1 if name in SINGLE_OUTPUT_ACTIONS else plan.family_outputs.get(action.family, 1)
        seed = "|".join(str(part) for part in (parent["seed"], name, body.get("index", ""), body.get("prompt", "")))
        extra = {"parentJobId": parent["id"], "action": name}
        priced = action.family
    charge = state.pricing.charge(priced, body)
    cost = state.config.cost(modality) if charge is None else charge
    _check_credits(ctx, cost)
    job = state.engine.create(
        user_id=user.user_id,
        model=model,
        modality=modality,
        body=body,
        cost=cost,
        outputs=outputs,
        seed=seed,
        webhook_secret=user.webhook_secret,
        extra=extra,
    )
    if claim is not None:
        remember(ctx, claim, job)
    return json_response({"jobId": job["id"], "status": job["status"]}, 202)


def _action_property(ctx: Context, op: SpecOperation) -> str:
    assert op.json_body_pointer is not None
    found = ctx.state.index.discriminator(op.json_body_pointer)
    assert found is not None
    return found.property


def _check_credits(ctx: Context, cost: int) -> None:
    """402 with the numbers when the team's credits (less what running jobs hold) do not cover ``cost``."""
    available = 0 if ctx.user.no_credits else ctx.state.engine.available()
    if available < cost:
        raise ApiError(
            402,
            "Insufficient credits",
            extra={"creditsRequired": cost, "creditsAvailable": available},
        )


def _parent(ctx: Context, action: ActionRoute, body: Mapping[str, Any]) -> Record:
    parent_id = str(body["parentJobId"])
    parent = ctx.state.engine.get(parent_id)
    if parent is None or parent["userId"] != ctx.user.user_id:
        raise ApiError(404, f"Parent job {json_text(parent_id)} not found")
    name = str(body.get(_action_property(ctx, ctx.operation)))

    def wrong(reason: str, key: str = "parentJobId") -> ApiError:
        # 409, as the spec's text says: the request is valid, the parent cannot take it.
        return ApiError(409, f"Parent job cannot take the {json_text(name)} action", details={key: [reason]})

    if parent["model"] != action.family:
        raise wrong(
            f"the parent is a {json_text(parent['model'])} job; this route acts on {json_text(action.family)} jobs"
        )
    if parent["status"] != "COMPLETED":
        raise wrong(f"the parent job is {parent['status']}; wait until it is COMPLETED")
    count = int(parent["outputs"])
    rule = action.index_rule.get(name, "optional")
    if rule == "required" and count < 2:
        raise wrong(f"{json_text(name)} acts on a job with several outputs; the parent has one")
    if rule == "absent" and count != 1:
        raise wrong(f"{json_text(name)} acts on a single-output job (run an upsample first)")
    index = body.get("index")
    if isinstance(index, int | float) and not 1 <= index <= count:
        raise wrong(f"the parent has {count} outputs; pick an index from 1 to {count}", "index")
    track = body.get("trackId")
    if isinstance(track, str) and action.has_track_id.get(name, False):
        tracks = {f"{parent['id']}-{i}" for i in range(1, count + 1)}
        if track not in tracks:
            choices = ", ".join(json_text(t) for t in sorted(tracks))
            raise wrong(f"no track {json_text(track)} in the parent; use one of {choices}", "trackId")
    return parent
