"""What every resource shares: running flows on its client, parsing responses, submitting jobs.

Each operation's logic is a flow (see ``apiframe._flow``) built here or in the resource module;
the sync and async resource classes only differ in how they run it.
"""

from __future__ import annotations

import json
from collections.abc import Coroutine, Generator, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import httpx

from .._bodies import build_body
from .._errors import APIResponseValidationError
from .._flow import Effect, Flow
from .._jobs import AcceptedJob, AsyncAcceptedJob
from .._pipeline import describe_text_body
from .._schema import operation

if TYPE_CHECKING:
    from apiframe_client.models import JobAccepted

    from .._client import Apiframe, AsyncApiframe
    from .._config import RequestOptions

T = TypeVar("T")
OPTION_KEYS = ("idempotency_key", "timeout", "max_retries", "extra_headers")


def split_options(kwargs: dict[str, Any]) -> RequestOptions:
    """Move the per-call request options out of ``kwargs`` (dropping those left as None)."""
    options: dict[str, Any] = {}
    for key in OPTION_KEYS:
        value = kwargs.pop(key, None)
        if value is not None:
            options[key] = value
    return options  # type: ignore[return-value]


def decode(response: httpx.Response) -> Any:
    """The response's JSON, or a typed error that carries the raw text and says what went wrong."""
    content = response.content
    try:
        return json.loads(content)
    except ValueError as error:
        text = content[:8000].decode("utf-8", errors="replace")
        if not content.strip():
            what = "an empty body where JSON was expected; retry the call"
        elif isinstance(error, json.JSONDecodeError) and text.lstrip()[:1] in ("{", "["):
            what = (
                f"a body that is not JSON ({error.msg}, byte {error.pos} of {len(content)}): "
                "the answer was cut off on the way; retry the call"
            )
        else:
            described = describe_text_body(text, response.headers.get("content-type", ""))
            what = f"a body that is not JSON: {described}; check that base_url is the API's address"
        raise APIResponseValidationError(
            f"{response.request.method} {response.request.url.path} answered {response.status_code} with {what}",
            status_code=response.status_code,
            request_id=response.headers.get("x-request-id"),
            body=text[:2000],
        ) from error


def _shape_error(response: httpx.Response, what: str, body: Any) -> APIResponseValidationError:
    return APIResponseValidationError(
        f"{response.request.method} {response.request.url.path} answered {response.status_code} with {what}",
        status_code=response.status_code,
        request_id=response.headers.get("x-request-id"),
        body=body,
    )


def parse(response: httpx.Response, model: Any) -> Any:
    """Parse a 2xx JSON body into a generated model; a wrong shape raises a typed error."""
    data = decode(response)
    if not isinstance(data, dict):
        kind = "list" if isinstance(data, list) else type(data).__name__ if data is not None else "null"
        what = f"a JSON {kind} where a {model.__name__} object was expected; check that base_url is the API's address"
        raise _shape_error(response, what, data)
    try:
        return model.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise _shape_error(response, f"a body that does not match {model.__name__}: {error!r}", data) from error


class _Runner(Protocol):
    def _request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = ...,
        json: Any = ...,
        multipart: Any = ...,
        options: RequestOptions | None = ...,
        stream: bool = ...,
    ) -> Generator[Effect, Any, httpx.Response]: ...


def call_flow(
    client: _Runner,
    operation_id: str,
    model: Any,
    *,
    path: str | None = None,
    params: Mapping[str, Any] | None = None,
    json_body: Any = None,
    multipart: Any = None,
    options: RequestOptions | None = None,
) -> Flow[Any]:
    """One request for an operation of the spec, parsed into ``model`` (None: no body expected)."""
    op = operation(operation_id)
    response = yield from client._request(
        op.method.upper(),
        path or op.path,
        params=params,
        json=json_body,
        multipart=multipart,
        options=options,
    )
    if model is None:
        return None
    return parse(response, model)


def submit_flow(client: _Runner, operation_id: str, request: object, kwargs: dict[str, Any]) -> Flow[JobAccepted]:
    """Validate and send a job-creating request (a discriminated-union body)."""
    from apiframe_client.models import JobAccepted

    options = split_options(kwargs)
    body = build_body(operation_id, request, kwargs)
    push = getattr(client, "_push", None)  # push=PushSource(...): deliveries to its receiver end waits
    if push is not None:
        body = push.prepare(operation_id, body)
    accepted: JobAccepted = yield from call_flow(client, operation_id, JobAccepted, json_body=body, options=options)
    if push is not None:
        push.submitted(str(accepted.job_id), body)
    return accepted


class SyncResource:
    """Base of the sync client's resources."""

    def __init__(self, client: Apiframe) -> None:
        self._client = client

    def _submitter(self, operation_id: str) -> Any:
        client = self._client

        def submit(request: object = None, /, **kwargs: Any) -> AcceptedJob:
            accepted = client._run(submit_flow(client, operation_id, request, kwargs))
            return AcceptedJob(client, str(accepted.job_id), str(accepted.status), accepted)

        submit.__name__ = operation_id
        return submit


class AsyncResource:
    """Base of the async client's resources."""

    def __init__(self, client: AsyncApiframe) -> None:
        self._client = client

    def _submitter(self, operation_id: str) -> Any:
        client = self._client

        async def submit(request: object = None, /, **kwargs: Any) -> AsyncAcceptedJob:
            accepted = await client._run(submit_flow(client, operation_id, request, kwargs))
            return AsyncAcceptedJob(client, str(accepted.job_id), str(accepted.status), accepted)

        submit.__name__ = operation_id
        return submit


AsyncCall = Coroutine[Any, Any, T]
"""What the async client's typed surface returns."""
