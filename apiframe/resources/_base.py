"""What every resource shares: running flows on its client, parsing responses, submitting jobs.

Each operation's logic is a flow (see ``apiframe._flow``) built here or in the resource module;
the sync and async resource classes only differ in how they run it.
"""

from __future__ import annotations

import functools
import inspect
import json
from collections.abc import Callable, Generator, Mapping
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, overload

import httpx

from .._bodies import build_body
from .._config import OPTION_NAMES
from .._errors import APIResponseValidationError, InvalidRequestError
from .._flow import Effect, Flow
from .._jobs import AcceptedJob, AsyncAcceptedJob
from .._pipeline import describe_text_body
from .._response import info_of, record, stamp
from .._schema import operation
from .._types import NOT_GIVEN

if TYPE_CHECKING:
    from apiframe_client.models import JobAccepted

    from .._client import Apiframe, AsyncApiframe
    from .._config import RequestOptions

T = TypeVar("T")
OPTION_KEYS = OPTION_NAMES


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
        parsed = model.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise _shape_error(response, f"a body that does not match {model.__name__}: {error!r}", data) from error
    return stamp(parsed, info_of(response))


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
    raw: bool = False,
) -> Flow[Any]:
    """One request for an operation of the spec, parsed into ``model`` (None: no body expected).

    With ``raw=True`` the response itself is returned, for the caller to read headers and parse.

    The options ``extra_query`` and ``extra_body`` are merged into the query and the JSON body here,
    unchecked: they carry what the shipped spec does not know yet.
    """
    op = operation(operation_id)
    options, params, json_body = merge_extras(operation_id, options, params, json_body)
    response = yield from client._request(
        op.method.upper(),
        path or op.path,
        params=params,
        json=json_body,
        multipart=multipart,
        options=options,
    )
    if raw:
        return response
    if model is None:
        record(info_of(response))
        return None
    return parse(response, model)


def merge_extras(
    operation_id: str, options: RequestOptions | None, params: Mapping[str, Any] | None, json_body: Any
) -> tuple[RequestOptions | None, Mapping[str, Any] | None, Any]:
    """Move ``extra_query`` and ``extra_body`` out of ``options`` into the query and the body."""
    if not options or ("extra_query" not in options and "extra_body" not in options):
        return options, params, json_body
    rest: dict[str, Any] = dict(options)
    extra_query = rest.pop("extra_query", None)
    extra_body = rest.pop("extra_body", None)
    if extra_query is not None:
        if not isinstance(extra_query, Mapping):
            raise InvalidRequestError("extra_query must be a dict of query parameters", field="extra_query")
        params = {**(params or {}), **{str(k): v for k, v in extra_query.items()}}
    if extra_body is not None:
        if not isinstance(extra_body, Mapping):
            raise InvalidRequestError(
                "extra_body must be a dict of wire keys to merge into the body", field="extra_body"
            )
        if json_body is not None and not isinstance(json_body, dict):
            raise InvalidRequestError(
                f"{operation_id} sends no JSON object to merge extra_body into", field="extra_body"
            )
        json_body = deep_merge(json_body or {}, extra_body)
    return rest, params, json_body  # type: ignore[return-value]


def deep_merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``extra`` laid over it; objects present in both are merged key by key."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[str(key)] = deep_merge(out[key], value)
        else:
            out[str(key)] = value
    return out


def submit_flow(
    client: _Runner,
    operation_id: str,
    request: object,
    arguments: Mapping[str, Any],
    *,
    validate: bool,
    options: Mapping[str, Any],
) -> Flow[JobAccepted]:
    """Validate and send a job-creating request (a discriminated-union body)."""
    from apiframe_client.models import JobAccepted

    given = {key: value for key, value in arguments.items() if value is not NOT_GIVEN}
    body = build_body(operation_id, request, given, validate=validate)
    push = getattr(client, "_push", None)  # push=PushSource(...): deliveries to its receiver end waits
    if push is not None:
        body = push.prepare(operation_id, body)
    accepted: JobAccepted = yield from call_flow(
        client, operation_id, JobAccepted, json_body=body, options=split_options(dict(options))
    )
    if push is not None:
        push.submitted(str(accepted.job_id), body)
    return accepted


F = TypeVar("F", bound=Callable[..., Any])


def _misuse(
    operation_id: str, call_name: str, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    """Raise InvalidRequestError for positional arguments or unknown keywords, in the caller's terms."""
    request = args[1] if len(args) > 1 else None
    is_request = request is None or isinstance(request, Mapping) or hasattr(type(request), "__attrs_attrs__")
    if len(args) > 2 or not is_request:
        example = ", ".join(f"{key}=..." for key in list(kwargs)[:2]) or "model=..., prompt=..."
        shown = ", ".join(f"{arg!r:.40}" for arg in args[1:])
        raise InvalidRequestError(
            f"{call_name}() takes keyword arguments, as in {call_name}({example}), or one request object; "
            f"got positional {shown}",
            field="request",
        )
    known = signature_names(fn)
    unknown = [key for key in kwargs if key not in known]
    if unknown:
        options = {key for key in kwargs if key in OPTION_KEYS or key == "validate"}
        arguments = {key: value for key, value in kwargs.items() if key not in options}
        build_body(operation_id, None, arguments)  # names the unknown argument against the chosen model
        raise InvalidRequestError(f"{call_name}() got unknown argument(s) {unknown}", field=unknown[0])


@functools.cache
def signature_names(fn: Callable[..., Any]) -> frozenset[str]:
    return frozenset(inspect.signature(fn).parameters)


def checked_call(operation_id: str, call_name: str, *, is_async: bool = False) -> Callable[[F], F]:
    """Decorate a generated method: misuse raises InvalidRequestError (not TypeError), the signature stays shown."""

    def decorate(fn: F) -> F:
        known = signature_names(fn)

        def check(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
            if len(args) > 2 or (len(args) == 2 and args[1] is not None) or not known.issuperset(kwargs):
                _misuse(operation_id, call_name, fn, args, kwargs)

        if is_async:

            @functools.wraps(fn)
            async def call_async(*args: Any, **kwargs: Any) -> Any:
                check(args, kwargs)
                return await fn(*args, **kwargs)

            return call_async  # type: ignore[return-value]

        @functools.wraps(fn)
        def call(*args: Any, **kwargs: Any) -> Any:
            check(args, kwargs)
            return fn(*args, **kwargs)

        return call  # type: ignore[return-value]

    return decorate


class SyncResource:
    """Base of the sync client's resources."""

    def __init__(self, client: Apiframe) -> None:
        self._client = client

    def _submit(
        self,
        operation_id: str,
        request: object,
        arguments: Mapping[str, Any],
        *,
        validate: bool,
        options: Mapping[str, Any],
    ) -> AcceptedJob:
        client = self._client
        flow = submit_flow(client, operation_id, request, arguments, validate=validate, options=options)
        accepted = client._run(flow)
        return AcceptedJob(client, str(accepted.job_id), str(accepted.status), accepted, accepted._response)


class AsyncResource:
    """Base of the async client's resources."""

    def __init__(self, client: AsyncApiframe) -> None:
        self._client = client

    async def _submit(
        self,
        operation_id: str,
        request: object,
        arguments: Mapping[str, Any],
        *,
        validate: bool,
        options: Mapping[str, Any],
    ) -> AsyncAcceptedJob:
        client = self._client
        flow = submit_flow(client, operation_id, request, arguments, validate=validate, options=options)
        accepted = await client._run(flow)
        return AsyncAcceptedJob(client, str(accepted.job_id), str(accepted.status), accepted, accepted._response)


R = TypeVar("R")


class resource(Generic[R]):  # used like a property
    """A client attribute that holds one resource (``client.images``), created on first use.

    It is a documented descriptor, so ``help(Apiframe)`` lists every resource with what it does.
    """

    def __init__(self, factory: Callable[[Any], R], summary: str) -> None:
        self._factory = factory
        methods = [n for n in dir(factory) if not n.startswith("_") and callable(getattr(factory, n, None))]
        self.__doc__ = f"{summary}: {', '.join(methods)}."
        self._key = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._key = f"_resource_{name}"

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> resource[R]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> R: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> R | resource[R]:
        if obj is None:
            return self
        held = obj.__dict__
        if self._key not in held:
            held.setdefault(self._key, self._factory(obj))  # setdefault: racing threads end up sharing one
        found: R = held[self._key]
        return found

    def __set__(self, obj: object, value: object) -> None:
        raise AttributeError(
            f"{self._key.removeprefix('_resource_')} is a resource of the client and cannot be replaced"
        )
