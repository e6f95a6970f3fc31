"""Assemble the Starlette application: one route per spec operation, plus files."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route, request_response
from starlette.types import Receive, Scope, Send

from ._catalog import SpecOperation
from ._clock import Clock
from ._config import SandboxConfig
from ._faults import FaultMiddleware
from ._files import create_upload, file_routes
from ._http import ApiError, Context, Endpoint, Handler, endpoint, error_response
from ._loras import archive_lora, create_lora, get_lora, list_loras
from ._request_id import RequestIdMiddleware
from ._resources import create_asset, get_asset, get_job, list_jobs, list_models, me
from ._state import SandboxState
from ._submit import SubmitPlan, is_submission, plan_submissions, submit

__all__ = ["SandboxApp", "create_app"]

_HANDLERS: Mapping[tuple[str, str], Handler] = {
    ("GET", "/v2/me"): me,
    ("GET", "/v2/models"): list_models,
    ("GET", "/v2/jobs"): list_jobs,
    ("GET", "/v2/jobs/{id}"): get_job,
    ("POST", "/v2/assets/create"): create_asset,
    ("GET", "/v2/assets/{assetId}"): get_asset,
    ("POST", "/v2/uploads"): create_upload,
    ("GET", "/v2/loras"): list_loras,
    ("POST", "/v2/loras"): create_lora,
    ("GET", "/v2/loras/{id}"): get_lora,
    ("DELETE", "/v2/loras/{id}"): archive_lora,
}


class SandboxApp(Starlette):
    """The sandbox ASGI app; ``app.sandbox`` is its :class:`SandboxState`."""

    sandbox: SandboxState


def _secured(state: SandboxState, op: SpecOperation) -> bool:
    raw = state.index.node(op.pointer)
    security = raw.get("security") if isinstance(raw, Mapping) else None
    if security is None:
        security = state.index.document.get("security")
    return not (isinstance(security, list) and len(security) == 0)


def _handler_for(state: SandboxState, op: SpecOperation, plan: SubmitPlan) -> Handler:
    known = _HANDLERS.get((op.method, op.path))
    if known is not None:
        return known
    if is_submission(state.index, op):

        async def handle_submission(ctx: Context) -> Response:
            return await submit(ctx, plan)

        return handle_submission

    async def not_implemented(ctx: Context) -> Response:
        raise ApiError(501, f"{op.method} {op.path} is not implemented by the sandbox")

    return not_implemented


def unhandled_operations(state: SandboxState) -> list[str]:
    """Spec operations the sandbox has no handler for (should be empty)."""
    return [
        f"{op.method} {op.path}"
        for op in state.index.operations
        if (op.method, op.path) not in _HANDLERS and not is_submission(state.index, op)
    ]


def method_not_allowed(request: Request, allowed: Sequence[str]) -> Response:
    """A 405 whose ``Allow`` header lists every method of the path."""
    methods = ", ".join(allowed)
    response = error_response(405, f"Method {request.method} not allowed on {request.url.path}; use {methods}")
    response.headers["Allow"] = methods
    return response


class _PathItem:
    """The ASGI app of one spec path item: dispatch on the method, 405 for the others.

    An app rather than a function, so Starlette hands it every method and the
    ``Allow`` header comes from the spec, not from Starlette's per-route list.
    """

    def __init__(self, runs: Mapping[str, Endpoint]) -> None:
        self.runs = dict(runs)
        self.allowed = tuple(runs)
        self.app = request_response(self.dispatch)

    async def dispatch(self, request: Request) -> Response:
        run = self.runs.get(request.method)
        if run is None:
            return method_not_allowed(request, self.allowed)
        return await run(request)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


def _routes(state: SandboxState) -> list[BaseRoute]:
    plan = plan_submissions(state.index)
    by_path: dict[str, dict[str, Endpoint]] = {}
    for op in state.index.operations:
        handler = _handler_for(state, op, plan)
        by_path.setdefault(op.path, {})[op.method] = endpoint(state, op, handler, _secured(state, op))
    routes: list[BaseRoute] = [Route(path, _PathItem(runs), name=path) for path, runs in by_path.items()]
    upload, job_file = file_routes(state)
    routes.append(Route("/files/uploads/{upload_id}/{name}", upload, methods=["GET"]))
    routes.append(Route("/files/jobs/{job_id}/{name}", job_file, methods=["GET"]))
    return routes


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        return error_response(404, f"Not found: no route {request.method} {request.url.path}")
    if exc.status_code == 405:
        allowed = (exc.headers or {}).get("Allow", "")
        return method_not_allowed(request, [method.strip() for method in allowed.split(",") if method.strip()])
    return error_response(exc.status_code, str(exc.detail))


async def _server_error(request: Request, exc: Exception) -> Response:
    return error_response(500, f"Sandbox internal error: {type(exc).__name__}")


def create_app(
    config: SandboxConfig | None = None,
    *,
    clock: Clock | None = None,
    spec: Mapping[str, Any] | None = None,
) -> SandboxApp:
    """Build the sandbox ASGI app (run it with uvicorn or :class:`Sandbox`)."""
    state = SandboxState(config or SandboxConfig(), clock=clock, spec=spec)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await state.startup()
        try:
            yield
        finally:
            await state.shutdown()

    app = SandboxApp(
        routes=_routes(state),
        exception_handlers={HTTPException: _http_error, Exception: _server_error},
        lifespan=lifespan,
    )
    app.sandbox = state
    app.add_middleware(FaultMiddleware, injector=state.faults, dropper=lambda: state.dropper)
    app.add_middleware(RequestIdMiddleware)  # added last: outermost, so injected faults carry an id too
    return app
