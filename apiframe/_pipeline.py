"""The request module: one request of the API, from an operation of the spec to a parsed model.

:func:`call_flow` sends one operation (extras merged) and parses its answer; :func:`request_flow`
sends one HTTP request with headers, idempotency key, retries with backoff, logging and typed
errors. Every call of every resource goes through them, for both clients; this is the one place
that decides to retry a request after a delay.
"""

from __future__ import annotations

import dataclasses
import json
import re
import time
from collections.abc import Generator, Mapping
from typing import TYPE_CHECKING, Any, Protocol

import httpx

from ._config import (
    OPTION_NAMES,
    ClientConfig,
    _check_retries,
    check_headers,
    to_timeout,
    total_seconds,
)
from ._errors import (
    APIResponseValidationError,
    APIStatusError,
    ConfigurationError,
    InvalidRequestError,
    NetworkError,
    RateLimitError,
    RequestTimeoutError,
    status_error_class,
)
from ._flow import BodyTooLarge, Effect, Flow, RequestSpec, Send, Sleep
from ._logging import logger, outside, redact, redact_data
from ._response import info_of, record, stamp
from ._retry import Retries, retry_after
from ._schema import operation
from ._version import __version__

if TYPE_CHECKING:
    from ._config import RequestOptions
    from ._files import MultipartBody

__all__ = [
    "MAX_JSON_DEPTH",
    "MAX_REDIRECTS",
    "MAX_RESPONSE_BYTES",
    "USER_AGENT",
    "Runner",
    "call_flow",
    "decode",
    "deep_merge",
    "describe_text_body",
    "error_from_response",
    "loads_bounded",
    "merge_extras",
    "parse",
    "request_flow",
]

USER_AGENT = f"apiframe-python/{__version__}"
MAX_ERROR_TEXT = 2000
MAX_RESPONSE_BYTES = 32 * 1024 * 1024
"""No API answer (a JSON document) comes near this size; a bigger body is refused unparsed."""
MAX_ERROR_BYTES = 1024 * 1024
"""An error answer is read up to this many bytes; the rest is dropped."""
MAX_JSON_DEPTH = 64
"""No API answer nests deeper; a deeper body is refused (it would exhaust the parser's stack)."""
MAX_REDIRECTS = 5
"""Redirects followed from a file host (never from the API)."""
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "DELETE", "PUT"})
_OPTION_NAMES = frozenset(OPTION_NAMES)
_CREDENTIAL_HEADERS = frozenset({"x-api-key", "authorization", "proxy-authorization", "cookie"})
_PRINTABLE = re.compile(r"[!-~]+")

_HINTS = {
    400: "the API rejected the request without naming fields; check the arguments against the model's parameters",
    401: "check the API key (api_key=... or APIFRAME_API_KEY)",
    402: "add credits to the team, or pick a cheaper model or fewer outputs",
    403: "this key lacks permission for the operation, or the modality is disabled for the team",
    404: "check the id and that it belongs to this key's team",
    409: (
        "conflict: an idempotency key was reused with a different request body (use a new key), or the "
        "action is not available for this job in its current state"
    ),
    429: "too many requests; slow down or raise max_retries",
}


def _query(params: Mapping[str, Any] | None) -> dict[str, str | int | float] | None:
    if not params:
        return None
    out: dict[str, str | int | float] = {}
    for key, value in params.items():
        if value is None:
            continue
        if isinstance(value, bool):
            out[key] = "true" if value else "false"
        elif isinstance(value, int | float | str):
            out[key] = value
        else:
            out[key] = str(value)
    return out or None


def _check_options(options: Mapping[str, Any]) -> None:
    unknown = set(options) - _OPTION_NAMES
    if unknown:
        raise ConfigurationError(
            f"unknown request option(s) {sorted(unknown)}; the options are {sorted(_OPTION_NAMES)}"
        )
    key = options.get("idempotency_key")
    if key is not None and (not isinstance(key, str) or len(key) > 255 or not _PRINTABLE.fullmatch(key)):
        raise ConfigurationError(
            "idempotency_key must be a non-empty string of at most 255 printable ASCII characters "
            "(no spaces, line breaks or non-ASCII)"
        )


def _headers(config: ClientConfig, method: str, options: Mapping[str, Any], *, authenticate: bool) -> dict[str, str]:
    extra = check_headers(options.get("extra_headers"), name="extra_headers")
    if authenticate:
        headers = {"Accept": "application/json", "User-Agent": USER_AGENT, **config.default_headers, **extra}
        headers["X-API-Key"] = config.api_key
    else:  # another origin: none of the API's settings, and never a credential
        headers = {"Accept": "*/*", "User-Agent": USER_AGENT}
        headers.update({k: v for k, v in extra.items() if k.lower() not in _CREDENTIAL_HEADERS})
    if method == "POST":
        import uuid  # with the first POST: uuid imports platform, a tenth of the SDK's import time

        headers["Idempotency-Key"] = options.get("idempotency_key") or str(uuid.uuid4())
    return headers


def _bad_string_at(value: Any, where: str = "", depth: int = 0) -> str | None:
    """The path of the first string in ``value`` that cannot be encoded as UTF-8."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return where or "(the body)"
    elif isinstance(value, Mapping) and depth < MAX_JSON_DEPTH:
        for key, item in value.items():
            found = _bad_string_at(key, where, depth + 1) or _bad_string_at(
                item, f"{where}.{key}".lstrip("."), depth + 1
            )
            if found:
                return found
    elif isinstance(value, list | tuple) and depth < MAX_JSON_DEPTH:
        for n, item in enumerate(value):
            found = _bad_string_at(item, f"{where}[{n}]", depth + 1)
            if found:
                return found
    return None


def _encode_json(body: Any) -> bytes:
    """The request body as UTF-8 JSON, or a typed error naming the value that cannot be sent."""
    try:
        return json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
    except UnicodeEncodeError:
        where = _bad_string_at(body)
        raise InvalidRequestError(
            f"the text at {where} holds a lone surrogate (half of a character, often from a bad decode) that "
            "cannot be sent as UTF-8; fix or remove it",
            field=where,
        ) from None
    except ValueError:
        raise InvalidRequestError(
            "the request holds NaN or an infinite number, which JSON cannot carry; pass finite numbers"
        ) from None
    except (TypeError, RecursionError) as error:
        raise InvalidRequestError(f"the request holds a value that cannot be sent as JSON: {error}") from None


def _check_url(url: str, params: Mapping[str, Any] | None) -> None:
    try:
        httpx.URL(url, params=params)
    except (httpx.InvalidURL, UnicodeError, ValueError, TypeError) as error:
        detail = redact(str(error))[:200]
        raise InvalidRequestError(
            f"the request URL cannot be built ({detail}): an id or argument that goes in the URL is too long "
            "or holds characters that cannot be sent; check the ids you passed"
        ) from None


def loads_bounded(content: bytes) -> Any:
    """``json.loads`` that refuses nesting deeper than :data:`MAX_JSON_DEPTH` with ``ValueError``."""
    if content.count(b"[") + content.count(b"{") > MAX_JSON_DEPTH:
        try:
            data = json.loads(content)
        except RecursionError:
            raise _TooDeep() from None
        if _depth_over(data, MAX_JSON_DEPTH):
            raise _TooDeep()
        return data
    return json.loads(content)


class _TooDeep(ValueError):
    def __init__(self) -> None:
        super().__init__(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")


def _depth_over(data: Any, limit: int) -> bool:
    """Whether ``data`` nests deeper than ``limit`` (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def _body_of(response: httpx.Response) -> Any:
    """The parsed JSON body, else the text (truncated): never a JSONDecodeError."""
    content = response.content
    if content and len(content) <= MAX_ERROR_BYTES:
        try:
            return loads_bounded(content)
        except ValueError:
            pass
    text = content[: MAX_ERROR_TEXT * 4].decode("utf-8", errors="replace")
    return text[:MAX_ERROR_TEXT]


_TITLE = re.compile(r"<(title|h1)[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)


def _is_html(text: str, content_type: str) -> bool:
    head = text.lstrip()[:100].lower()
    return "html" in content_type.lower() or head.startswith(("<!doctype html", "<html", "<head", "<body"))


def describe_text_body(text: str, content_type: str) -> str:
    """One line about a body that is not the API's JSON: an HTML page's title, else its first line."""
    if _is_html(text, content_type):
        found = _TITLE.search(text)
        title = " ".join(re.sub(r"<[^>]+>", " ", found.group(2)).split())[:100] if found else ""
        label = f" ({title})" if title else ""
        return f"an HTML page{label} instead of JSON, so a proxy or gateway in front of the API answered"
    lines = text.strip().splitlines()
    return lines[0][:200] if lines else ""


def error_from_response(
    response: httpx.Response, *, method: str, path: str, extra: str | None = None
) -> APIStatusError:
    """The typed error for a non-2xx response, with a message that says what to do (``extra``: why)."""
    status = response.status_code
    body = redact_data(_body_of(response))
    request_id = response.headers.get("x-request-id")
    server_text: str | None = None
    if isinstance(body, dict):
        raw = body.get("error") or body.get("message")
        if raw is not None:
            server_text = str(raw)
    elif isinstance(body, str) and body.strip():
        server_text = describe_text_body(body, response.headers.get("content-type", ""))
    reason = response.reason_phrase or "error"
    parts = [f"{method} {path} failed with {status} {reason}"]
    if server_text:
        parts[0] += f": {outside(server_text, 500)}"  # bounded: the hint and request id follow
    cls = status_error_class(status)
    hint = _HINTS.get(status) or ("the API failed; retry later" if status >= 500 else None)
    if 300 <= status < 400:
        hint = (
            f"it redirects to {_target_host(response)}; the SDK never follows a redirect from the API (the API "
            "key would go with it): check base_url"
        )
    if extra:
        hint = f"{extra} from {_target_host(response)}" if 300 <= status < 400 else extra
    delay = retry_after(response.headers) if status == 429 else None
    if status == 429 and delay is not None:
        shown_delay = f"{delay:.0f} s" if delay <= 86_400 else "more than a day"
        hint = f"too many requests; retry after {shown_delay}"
    if isinstance(body, dict) and status == 400 and isinstance(body.get("details"), dict):
        fields = ", ".join(sorted(str(k) for k in body["details"]))[:300]
        if fields:
            hint = f"fix these fields: {fields}"
    if hint:
        parts.append(hint)
    if request_id:
        parts.append(f"request id {request_id}")
    message = redact(" - ".join(parts))
    common: dict[str, Any] = {
        "status_code": status,
        "request_id": request_id,
        "body": body,
        "headers": {key: redact(value) for key, value in response.headers.items()},
    }
    if cls is RateLimitError:
        return RateLimitError(message, retry_after=delay, **common)
    return cls(message, **common)


def _target_host(response: httpx.Response) -> str:
    location = response.headers.get("location")
    if not location:
        return "no address (no Location header)"
    try:
        target = response.url.join(location)
    except (httpx.InvalidURL, UnicodeError, ValueError):
        return "an invalid address"
    return f"{target.scheme}://{target.netloc.decode('ascii', 'replace')}"[:200]


def _too_large(error: BodyTooLarge, method: str, path: str) -> Exception:
    how = "declares" if error.declared else "sent more than"
    size = f"{error.seen:,}-byte body" if error.declared else f"{error.limit:,} bytes"
    return APIResponseValidationError(
        f"{method} {path} {how} a {size}, over the {error.limit:,}-byte limit for API responses; it was not "
        "parsed (nor read further). Check that base_url is the API's address and that no proxy rewrites the answers",
        status_code=200,
        request_id=None,
        body=None,
    )


def _check_nesting(response: httpx.Response, method: str, path: str) -> None:
    try:
        loads_bounded(response.content)
    except _TooDeep:
        raise APIResponseValidationError(
            f"{method} {path} answered {response.status_code} with JSON nested deeper than {MAX_JSON_DEPTH} "
            "levels, which no API answer does; it was not parsed. Check that base_url is the API's address",
            status_code=response.status_code,
            request_id=response.headers.get("x-request-id"),
            body=None,
        ) from None
    except ValueError:
        return  # not JSON: the parser reports it with the text


def _redirect(spec: RequestSpec, response: httpx.Response, hops: int) -> RequestSpec:
    """The request that follows a file host's redirect (no key is ever on it), or a typed error."""
    where = f"{spec.method} {_short(spec.path)}"
    location = response.headers.get("location")
    if hops >= MAX_REDIRECTS or not location:
        why = f"more than {MAX_REDIRECTS} redirects" if location else f"a {response.status_code} without a Location"
        raise error_from_response(response, method=spec.method, path=_short(spec.path), extra=why)
    try:
        target = response.url.join(location)
    except (httpx.InvalidURL, UnicodeError, ValueError):
        target = None
    if target is None or target.scheme not in ("http", "https") or not target.host:
        raise error_from_response(
            response, method=spec.method, path=_short(spec.path), extra="a redirect to an address that is not http(s)"
        )
    logger.debug("%s redirected (%d) to %s", where, response.status_code, target.host)
    return RequestSpec(
        method="GET" if response.status_code in (301, 302, 303) else spec.method,
        path=str(target),
        headers=spec.headers,
        timeout=spec.timeout,
        total=spec.total,
        max_body=spec.max_body,
    )


def _short(path: str) -> str:
    """A path or URL as it appears in messages: without its query, and not too long."""
    return path.split("?", 1)[0][:200]


def request_flow(
    config: ClientConfig,
    method: str,
    path: str,
    *,
    params: Mapping[str, Any] | None = None,
    json: Any = None,
    multipart: MultipartBody | None = None,
    options: Mapping[str, Any] | None = None,
    stream: bool = False,
    authenticate: bool = True,
    deadline: float | None = None,
) -> Flow[httpx.Response]:
    """Send one API request, retrying what is safe to retry; return the 2xx response or raise.

    ``path`` may be an absolute URL (a result file); ``authenticate=False`` leaves the API key
    (and the client's default headers) out, as for any host that is not the API, and follows
    that host's redirects a bounded number of times. The API's own redirects are never followed.
    Each attempt has a whole-request deadline (its timeout's longest phase, connect to last byte);
    ``deadline`` (a ``time.monotonic()`` value) bounds all attempts and the pauses between them.
    """
    options = dict(options or {})
    _check_options(options)
    method = method.upper()
    timeout = to_timeout(options["timeout"]) if options.get("timeout") is not None else config.timeout
    max_retries = config.max_retries
    if options.get("max_retries") is not None:
        max_retries = _check_retries(options["max_retries"])
    query = _query(params)
    absolute = path.startswith(("https://", "http://"))
    _check_url(path if absolute else config.base_url + path, query)
    headers = _headers(config, method, options, authenticate=authenticate)
    content = None
    if json is not None and multipart is None:
        content = _encode_json(json)
        headers["Content-Type"] = "application/json"
    spec = RequestSpec(
        method=method,
        path=path,
        headers=headers,
        params=query,
        multipart=multipart,
        timeout=timeout,
        content=content,
        total=total_seconds(timeout),
        max_body=MAX_RESPONSE_BYTES,
        max_error_body=MAX_ERROR_BYTES,
    )
    shown = _short(path)
    replayable = multipart is None or multipart.replayable
    safe = replayable and (method in _IDEMPOTENT_METHODS or "Idempotency-Key" in spec.headers)
    retries = Retries(max_retries, deadline)
    hops = 0

    while True:
        started = time.perf_counter()
        failure: Exception | None = None
        response: httpx.Response | None = None
        attempt_spec = spec
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise RequestTimeoutError(f"{method} {shown} did not finish before its deadline")
            if spec.total is None or left < spec.total:
                attempt_spec = dataclasses.replace(spec, total=left)
        try:
            response = yield Send(attempt_spec, stream=stream)
        except BodyTooLarge as error:
            failure = _too_large(error, method, shown)
        except (httpx.HTTPError, httpx.InvalidURL) as error:
            timed_out = isinstance(error, httpx.TimeoutException)
            what = "timed out" if timed_out else f"failed ({type(error).__name__})"
            local = isinstance(error, httpx.InvalidURL | httpx.LocalProtocolError | httpx.UnsupportedProtocol)
            delay = retries.after_failure() if safe and not local else None
            if delay is not None:
                logger.info("%s %s %s; retry %d in %.2f s", method, shown, what, retries.attempt, delay)
                yield Sleep(delay)
                continue
            failure = _transport_error(error, method, shown, retries.attempt, attempt_spec.total)
        if response is None:
            assert failure is not None
            raise failure  # outside the except block: no chained exception can carry request data
        elapsed = (time.perf_counter() - started) * 1000
        status = response.status_code
        logger.debug(
            "%s %s -> %d in %.0f ms (attempt %d, request id %s)",
            method,
            shown,
            status,
            elapsed,
            retries.attempt + 1,
            response.headers.get("x-request-id", "-"),
        )
        if 200 <= status < 300:
            if not stream and authenticate:
                _check_nesting(response, method, shown)
            return response
        if 300 <= status < 400 and not authenticate:
            spec = _redirect(spec, response, hops)
            hops += 1
            continue
        delay = retries.after_status(status, response.headers) if replayable and (safe or status == 429) else None
        if delay is not None:
            logger.info("%s %s -> %d; retry %d in %.2f s", method, shown, status, retries.attempt, delay)
            yield Sleep(delay)
            continue
        raise error_from_response(response, method=method, path=shown)


def _transport_error(error: Exception, method: str, path: str, attempt: int, total: float | None) -> Exception:
    """The typed error for a request that got no usable answer; its text never holds request data."""
    tail = f" after {attempt + 1} attempts" if attempt else ""
    if isinstance(error, httpx.TimeoutException):
        limit = f"{total:g} s" if total is not None else "the client's"
        return RequestTimeoutError(
            f"{method} {path} timed out{tail} (deadline {limit} per attempt); raise timeout= or check the network"
        )
    if isinstance(error, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return InvalidRequestError(f"{method} {path} has an address that cannot be requested; check the URL")
    if isinstance(error, httpx.LocalProtocolError):
        return InvalidRequestError(
            f"{method} {path} could not be sent as built (LocalProtocolError: a header or value HTTP cannot "
            "carry); check extra_headers and default_headers"
        )
    if isinstance(error, httpx.DecodingError):
        detail = "the response body could not be decoded (a broken compressed body)"
    else:
        detail = f"{type(error).__name__}: {redact(str(error))[:300] or 'connection error'}"
    return NetworkError(
        f"{method} {path} failed{tail}: {detail}; check the network and base_url",
        connect_failed=isinstance(error, httpx.ConnectError),
    )


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


class Runner(Protocol):
    """What runs a request: a client (its ``_request`` builds the request flow)."""

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
    client: Runner,
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
