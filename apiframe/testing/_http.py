"""Request context, error envelopes and the per-operation request pipeline."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ._auth import AuthFailure, Principal, authenticate
from ._catalog import SpecOperation
from ._state import SandboxState
from ._validation import Details, coerce_text

__all__ = [
    "ApiError",
    "Context",
    "Endpoint",
    "Handler",
    "endpoint",
    "error_response",
    "json_response",
    "read_json_body",
]

MAX_JSON_BODY = 64 * 1024 * 1024


class ApiError(Exception):
    """Raised by handlers to answer with an error envelope."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        details: Details | None = None,
        extra: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = details
        self.extra = dict(extra or {})
        self.headers = dict(headers or {})

    def response(self) -> Response:
        """The JSON response for this error."""
        body: dict[str, Any] = {"error": self.message, **self.extra}
        if self.details is not None:
            body["details"] = self.details
        return json_response(body, self.status, headers=self.headers)


@dataclass
class Context:
    """What a handler gets: the request, the caller and validated parameters."""

    request: Request
    state: SandboxState
    operation: SpecOperation
    principal: Principal | None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def user(self) -> Principal:
        """The authenticated caller (handlers of secured operations only)."""
        if self.principal is None:
            raise ApiError(401, "Missing API key: send it in the X-API-Key header.")
        return self.principal

    @property
    def base_url(self) -> str:
        """Base URL for links in responses."""
        return self.state.base_url()


Handler = Callable[[Context], Awaitable[Response]]
Endpoint = Callable[[Request], Awaitable[Response]]
"""A handler wrapped by :func:`endpoint`: takes the Starlette request."""


def json_response(data: Any, status: int = 200, *, headers: Mapping[str, str] | None = None) -> Response:
    """A compact JSON response."""
    return JSONResponse(data, status_code=status, headers=dict(headers or {}))


def error_response(status: int, message: str, details: Details | None = None) -> Response:
    """An ``{"error": ...}`` envelope, with ``details`` when given."""
    return ApiError(status, message, details=details).response()


async def read_json_body(request: Request) -> Any:
    """Read and parse a JSON body (at most 64 MiB)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_JSON_BODY:
            raise ApiError(
                400,
                "Request body is too large",
                details={"body": [f"a JSON body may be at most {MAX_JSON_BODY} bytes"]},
            )
        chunks.append(chunk)
    raw = b"".join(chunks)
    if not raw.strip():
        raise ApiError(400, "Request body is empty", details={"body": ["send a JSON object"]})
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ApiError(400, "Request body is not valid JSON", details={"body": [f"invalid JSON: {exc}"]}) from exc


_PARAM_MESSAGES = {
    "path": "Invalid path parameter",
    "query": "Invalid query parameters",
    "header": "Invalid request header",
}


def _validate_params(ctx: Context) -> None:
    request = ctx.request
    index = ctx.state.index
    validator = ctx.state.validator
    details: Details = {}
    failed_location = ""
    for param in ctx.operation.parameters:
        raw: str | None
        if param.location == "path":
            raw = request.path_params.get(param.name)
        elif param.location == "query":
            raw = request.query_params.get(param.name)
        elif param.location == "header":
            raw = request.headers.get(param.name)
        else:
            continue
        if raw is None:
            if param.required:
                details[param.name] = ["Required"]
                failed_location = failed_location or param.location
            elif param.schema_pointer is not None:
                default = index.default(param.schema_pointer)
                if default is not None:
                    ctx.params[param.name] = default
            continue
        if param.schema_pointer is None:
            ctx.params[param.name] = raw
            continue
        value = coerce_text(index, param.schema_pointer, raw)
        problems = validator.errors(param.schema_pointer, value, root=param.name)
        if problems:
            for key, messages in problems.items():
                details.setdefault(key, []).extend(messages)
            failed_location = failed_location or param.location
            continue
        ctx.params[param.name] = value
    if details:
        message = _PARAM_MESSAGES.get(failed_location, "Invalid request")
        if failed_location == "path":
            names = ", ".join(f"`{name}`" for name in details)
            message = f"{message} {names}"
        raise ApiError(400, message, details=details)


def endpoint(state: SandboxState, operation: SpecOperation, handler: Handler, secured: bool) -> Endpoint:
    """Wrap ``handler`` with base-URL capture, auth and parameter validation."""

    async def run(request: Request) -> Response:
        if state.public_base_url is None:
            state.public_base_url = str(request.base_url).rstrip("/")
        principal: Principal | None = None
        try:
            if secured:
                outcome = authenticate(request.headers, state.config)
                if isinstance(outcome, AuthFailure):
                    raise ApiError(outcome.status, outcome.message)
                principal = outcome
            ctx = Context(request=request, state=state, operation=operation, principal=principal)
            _validate_params(ctx)
            return await handler(ctx)
        except ApiError as error:
            return error.response()

    run.__name__ = f"{operation.method.lower()}_{operation.path}"
    return run
