"""The request pipeline: one request of the API, from an operation of the spec to a parsed model.

:class:`Pipeline` is the part of a client's session that sends: :meth:`Pipeline.call` sends one
operation (extras merged) and parses its answer; :meth:`Pipeline.request` sends one HTTP request
with headers, idempotency key, retries with backoff within the call's deadline, logging and typed
errors. Every call of every resource goes through them, for both clients; this is the one place
that decides to retry a request after a delay. The rest of this module is what a request puts on
the wire and how an answer is read (bounded JSON, typed errors, parsed models stamped with the
response they came from).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import re
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import httpx

from ._config import Settings, is_local_host, total_seconds
from ._deadline import Deadline
from ._errors import (
    APIResponseValidationError,
    APIStatusError,
    DownloadError,
    InvalidRequestError,
    NetworkError,
    RateLimitError,
    RequestTimeoutError,
    status_error_class,
    status_hint,
)
from ._flow import BodyTooLarge, Flow, RequestSpec, Send, Sleep
from ._logging import logger, outside, redact, redact_data
from ._options import NO_OPTIONS, CallOptions
from ._retry import Retries, announce, retry_after
from ._schema import operation
from ._shapes import answer_problem
from ._version import __version__

if TYPE_CHECKING:
    from apiframe_client.response_info import ResponseInfo

    from ._files import MultipartBody

__all__ = [
    "CLIP_MARGIN",
    "MAX_ERROR_BYTES",
    "MAX_JSON_DEPTH",
    "MAX_REDIRECTS",
    "MAX_RESPONSE_BYTES",
    "USER_AGENT",
    "Pipeline",
    "attach_response",
    "decode",
    "describe_text_body",
    "encode_json",
    "error_from_response",
    "headers_for",
    "info_of",
    "loads_bounded",
    "parse",
    "query_of",
    "transport_error",
]

T = TypeVar("T")

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
_CREDENTIAL_HEADERS = frozenset({"x-api-key", "authorization", "proxy-authorization", "cookie"})
_PLAIN_PATH = re.compile(r"/[A-Za-z0-9._~%/-]{0,2000}")
"""An API path that always builds under the checked ``base_url`` (ids are percent-quoted by path_for),
and that httpx writes as it is."""
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "DELETE", "PUT"})
CLIP_MARGIN = 0.01
"""Seconds: an attempt's deadline is shortened to the call's time left only when that gains more."""


def query_of(params: Mapping[str, Any] | None) -> dict[str, str | int | float] | None:
    """Query parameters as they go on the wire (None values dropped, booleans as ``true``/``false``)."""
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


def headers_for(settings: Settings, method: str, options: CallOptions, *, authenticate: bool) -> dict[str, str]:
    """A request's headers: the API's (key, default headers) only when ``authenticate``, never a
    credential for another origin; an ``Idempotency-Key`` on every POST (the caller's, else fresh)."""
    extra = options.extra_headers
    if authenticate:
        headers = {"Accept": "application/json", "User-Agent": USER_AGENT, **settings.default_headers, **extra}
        headers["X-API-Key"] = settings.api_key
    else:  # another origin: none of the API's settings, and never a credential
        headers = {"Accept": "*/*", "User-Agent": USER_AGENT}
        headers.update({k: v for k, v in extra.items() if k.lower() not in _CREDENTIAL_HEADERS})
    if method == "POST":
        import uuid  # with the first POST: uuid imports platform, a tenth of the SDK's import time

        headers["Idempotency-Key"] = options.idempotency_key or str(uuid.uuid4())
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


def encode_json(body: Any) -> bytes:
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


def wire_url(url: str, params: Mapping[str, Any] | None) -> str:
    """``url`` with ``params`` added to its query, written as httpx writes it (and so sends it); a URL
    httpx cannot build is refused in the caller's terms (the ids and arguments that went into it)."""
    try:
        built = httpx.URL(url)
        return str(built.copy_merge_params(params) if params else built)
    except (httpx.InvalidURL, UnicodeError, ValueError, TypeError) as error:
        detail = redact(str(error))[:200]
        raise InvalidRequestError(
            f"the request URL cannot be built ({detail}): an id or argument that goes in the URL is too long "
            "or holds characters that cannot be sent; check the ids you passed"
        ) from None


@functools.lru_cache(maxsize=16)
def _wire_base(base_url: str) -> str:
    """A checked ``base_url`` as httpx writes it: a plain path appended to it is a URL as httpx writes it."""
    return str(httpx.URL(base_url)).rstrip("/")


def _may_nest_too_deep(content: bytes | str) -> bool:
    """Whether ``content`` holds more brackets than :data:`MAX_JSON_DEPTH` (else it cannot nest deeper)."""
    if isinstance(content, str):
        return content.count("[") + content.count("{") > MAX_JSON_DEPTH
    return content.count(b"[") + content.count(b"{") > MAX_JSON_DEPTH


def loads_bounded(content: bytes | str) -> Any:
    """``json.loads`` that refuses nesting deeper than :data:`MAX_JSON_DEPTH` with ``ValueError``: the
    one reader of JSON from outside (answers, deliveries, the out store, batch lines, ``--flags``)."""
    if _may_nest_too_deep(content):
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
    hint = status_hint(status, path=path, requested=_requested(response))
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


def _requested(response: httpx.Response) -> str | None:
    try:
        return str(response.request.url)
    except RuntimeError:  # a response built without its request
        return None


def _target_host(response: httpx.Response) -> str:
    location = response.headers.get("location")
    if not location:
        return "no address (no Location header)"
    try:
        target = response.url.join(location)
    except (httpx.InvalidURL, UnicodeError, ValueError):
        return "an invalid address"
    return f"{target.scheme}://{target.netloc.decode('ascii', 'replace')}"[:200]


def too_large(error: BodyTooLarge, method: str, path: str) -> Exception:
    """The typed error for a 2xx body over its byte cap."""
    how = "declares" if error.declared else "sent more than"
    size = f"{error.seen:,}-byte body" if error.declared else f"{error.limit:,} bytes"
    return APIResponseValidationError(
        f"{method} {path} {how} a {size}, over the {error.limit:,}-byte limit for API responses; it was not "
        "parsed (nor read further). Check that base_url is the API's address and that no proxy rewrites the answers",
        status_code=200,
        request_id=None,
        body=None,
    )


def check_nesting(response: httpx.Response, method: str, path: str) -> None:
    """Refuse a 2xx JSON body nested deeper than any API answer (before a parser meets it)."""
    if not _may_nest_too_deep(response.content):
        return  # too few brackets to nest too deep: no parse here (the caller parses it once)
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


def follow_redirect(spec: RequestSpec, response: httpx.Response, hops: int) -> RequestSpec:
    """The request that follows a file host's redirect (no key is ever on it), or a typed error."""
    where = f"{spec.method} {short(spec.url)}"
    location = response.headers.get("location")
    if hops >= MAX_REDIRECTS or not location:
        why = f"more than {MAX_REDIRECTS} redirects" if location else f"a {response.status_code} without a Location"
        raise error_from_response(response, method=spec.method, path=short(spec.url), extra=why)
    try:
        target = response.url.join(location)
    except (httpx.InvalidURL, UnicodeError, ValueError):
        target = None
    if target is None or target.scheme not in ("http", "https") or not target.host:
        raise error_from_response(
            response, method=spec.method, path=short(spec.url), extra="a redirect to an address that is not http(s)"
        )
    logger.debug("%s redirected (%d) to %s", where, response.status_code, target.host)
    return RequestSpec(
        method="GET" if response.status_code in (301, 302, 303) else spec.method,
        url=str(target),
        headers=spec.headers,
        timeout=spec.timeout,
        total=spec.total,
        max_body=spec.max_body,
    )


@functools.lru_cache(maxsize=256)  # hosts come from the server: the cache stays bounded
def _local(host: str) -> bool:
    return is_local_host(host)


@functools.lru_cache(maxsize=16)
def _api_is_local(base_url: str) -> bool:
    return _local(httpx.URL(base_url).host)


def check_file_host(url: str, base_url: str) -> None:
    """Refuse a file host (a result URL, or where a file host redirects) on this machine or a private
    network, unless the API itself is there (the sandbox, a gateway on the same network): a hostile
    API must not make the SDK fetch from the user's network (a cloud metadata address, an intranet page).
    Only literal addresses and local names are seen here; a public name that resolves inward is not."""
    host = httpx.URL(url).host
    if _local(host) and not _api_is_local(base_url):
        raise DownloadError(
            f"refusing to fetch {short(url)}: the API named a file on this machine or a private network "
            f"({host[:100]}) while it is not there itself; nothing was fetched"
        )


def short(path: str) -> str:
    """A path or URL as it appears in messages: without its query, and not too long."""
    return path.split("?", 1)[0][:200]


def transport_error(error: Exception, method: str, path: str, attempt: int, total: float | None) -> Exception:
    """The typed error for a request that got no usable answer; its text never holds request data.

    ``total`` is the call's deadline as set (``timeout=``), not the time its last attempt had left.
    """
    tail = f" after {attempt + 1} attempts" if attempt else ""
    if isinstance(error, httpx.TimeoutException):
        limit = f"{total:g} s" if total is not None else "the client's"
        return RequestTimeoutError(
            f"{method} {path} timed out{tail} (deadline {limit}); raise timeout= or check the network"
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


def _shape_error(
    response: httpx.Response, what: str, body: Any, field: str | None = None
) -> APIResponseValidationError:
    return APIResponseValidationError(
        f"{response.request.method} {response.request.url.path} answered {response.status_code} with {what}",
        status_code=response.status_code,
        request_id=response.headers.get("x-request-id"),
        body=body,
        field=field,
    )


def parse(response: httpx.Response, model: Any, operation_id: str | None = None) -> Any:
    """Parse a 2xx JSON body into a generated model; a wrong shape raises a typed error.

    With ``operation_id``, the body is first checked against the types the spec documents for
    that answer (:func:`apiframe._shapes.answer_problem`), which ``from_dict`` does not check.
    """
    data = decode(response)
    if not isinstance(data, dict):
        kind = "list" if isinstance(data, list) else type(data).__name__ if data is not None else "null"
        what = f"a JSON {kind} where a {model.__name__} object was expected; check that base_url is the API's address"
        raise _shape_error(response, what, data)
    wrong = None if operation_id is None else answer_problem(operation_id, response.status_code, data)
    if wrong is not None:
        raise _shape_error(response, f"a body that does not match {model.__name__}: {wrong}", data, wrong.path)
    try:
        parsed = model.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise _shape_error(response, f"a body that does not match {model.__name__}: {error!r}", data) from error
    return attach_response(parsed, info_of(response))


class Pipeline:
    """The request pipeline of a client's session (``Session`` inherits it): it sends with ``settings``."""

    __slots__ = ("settings",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def call(
        self,
        operation_id: str,
        model: Any,
        *,
        path: str | None = None,
        params: Mapping[str, Any] | None = None,
        json_body: Any = None,
        multipart: MultipartBody | None = None,
        options: CallOptions = NO_OPTIONS,
    ) -> Flow[Any]:
        """One operation of the spec, its answer parsed into ``model`` (None: no body expected).

        ``extra_query`` and ``extra_body`` are merged into the query and the JSON body here,
        unchecked: they carry what the shipped spec does not know yet.
        """
        op = operation(operation_id)
        response = yield from self.request(
            op.method.upper(),
            path or op.path,
            params=options.query(params),
            json=options.body(operation_id, json_body),
            multipart=multipart,
            options=options,
        )
        return None if model is None else parse(response, model, operation_id)

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        multipart: MultipartBody | None = None,
        options: CallOptions = NO_OPTIONS,
        stream: bool = False,
        authenticate: bool = True,
        deadline: Deadline | None = None,
    ) -> Flow[httpx.Response]:
        """Send one request, retrying what is safe to retry; return the 2xx response or raise.

        ``path`` may be an absolute URL (a result file); ``authenticate=False`` leaves the API key
        (and the client's default headers) out, as for any host that is not the API, and follows
        that host's redirects a bounded number of times. The API's own redirects are never followed.
        The call's timeout (connect to last byte) is its deadline: every attempt and the pauses
        between them end by then, and there are never more than ``1 + max_retries`` attempts; an
        upload's attempts each start their deadline once the body is sent. ``deadline`` (a wait's
        or a download's) bounds everything too.
        """
        settings = self.settings
        method = method.upper()
        timeout = options.timeout or settings.timeout
        max_retries = settings.max_retries if options.max_retries is None else options.max_retries
        query = query_of(params)
        absolute = path.startswith(("https://", "http://"))
        if absolute or query or not _PLAIN_PATH.fullmatch(path):
            url = wire_url(path if absolute else settings.base_url + path, query)
        else:  # nothing in it can fail to build, nor be written otherwise
            url = _wire_base(settings.base_url) + path
        if not authenticate:
            check_file_host(url, settings.base_url)
        headers = headers_for(settings, method, options, authenticate=authenticate)
        content = None
        if json is not None and multipart is None:
            content = encode_json(json)
            headers["Content-Type"] = "application/json"
        total = total_seconds(timeout)
        spec = RequestSpec(
            method=method,
            url=url,
            headers=headers,
            multipart=multipart,
            timeout=timeout,
            content=content,
            total=total,
            max_body=MAX_RESPONSE_BYTES,
            max_error_body=MAX_ERROR_BYTES,
        )
        if total is not None and multipart is None:
            deadline = Deadline(total) if deadline is None else deadline.sooner(total)
        shown = short(path)
        replayable = multipart is None or multipart.replayable
        safe = replayable and (method in _IDEMPOTENT_METHODS or "Idempotency-Key" in spec.headers)
        retries = Retries(max_retries, deadline)
        hops = 0

        while True:
            started = time.perf_counter()
            failure: Exception | None = None
            response: httpx.Response | None = None
            attempt = spec
            left = None if deadline is None else deadline.remaining()
            if left is not None:
                if left <= 0:
                    raise RequestTimeoutError(
                        f"{method} {shown} did not finish within its deadline; raise timeout= or check the network"
                    )
                if spec.total is None or left < spec.total - CLIP_MARGIN:
                    attempt = dataclasses.replace(spec, total=left)
            try:
                response = yield Send(attempt, stream=stream)
            except BodyTooLarge as error:
                failure = too_large(error, method, shown)
            except (httpx.HTTPError, httpx.InvalidURL) as error:
                local = isinstance(error, httpx.InvalidURL | httpx.LocalProtocolError | httpx.UnsupportedProtocol)
                delay = retries.after_failure() if safe and not local else None
                if delay is not None:
                    announce(f"{method} {shown}", retries.notice(delay, _no_answer(error, attempt)))
                    yield Sleep(delay)
                    continue
                failure = transport_error(error, method, shown, retries.attempt, spec.total)
            if response is None:
                assert failure is not None
                raise failure  # outside the except block: no chained exception can carry request data
            status = response.status_code
            if logger.isEnabledFor(logging.DEBUG):  # its arguments cost a header lookup on every call
                logger.debug(
                    "%s %s -> %d in %.0f ms (attempt %d, request id %s)",
                    method,
                    shown,
                    status,
                    (time.perf_counter() - started) * 1000,
                    retries.attempt + 1,
                    response.headers.get("x-request-id", "-"),
                )
            if 200 <= status < 300:
                if not stream and authenticate:
                    check_nesting(response, method, shown)
                return response
            if 300 <= status < 400 and not authenticate:
                spec = follow_redirect(spec, response, hops)
                check_file_host(spec.url, settings.base_url)
                hops += 1
                continue
            delay = retries.after_status(status, response.headers) if replayable and (safe or status == 429) else None
            if delay is not None:
                reason = f"{status} {response.reason_phrase}".strip()
                announce(f"{method} {shown} -> {status}", retries.notice(delay, reason))
                yield Sleep(delay)
                continue
            raise error_from_response(response, method=method, path=shown)


def _no_answer(error: Exception, attempt: RequestSpec) -> str:
    """Why an attempt got no answer, short and human (a retry notice's reason)."""
    host = httpx.URL(attempt.url).host
    if isinstance(error, httpx.TimeoutException):
        timeout = attempt.timeout or httpx.Timeout(None)
        phase = timeout.connect if isinstance(error, httpx.ConnectTimeout) else timeout.read
        limits = [seconds for seconds in (phase, attempt.total) if seconds is not None]
        return f"no answer from {host}" + (f" after {min(limits):g} s" if limits else "")
    if isinstance(error, httpx.ConnectError):
        return f"cannot connect to {host}"
    return f"{type(error).__name__} from {host}"


@functools.cache
def _info_class() -> type[ResponseInfo]:
    """Imported on first use, not with the SDK (its package loads attrs); cached: ``info_of`` is on every call."""
    from apiframe_client.response_info import ResponseInfo

    return ResponseInfo


def info_of(response: httpx.Response) -> ResponseInfo:
    """The :class:`ResponseInfo` of ``response`` (headers with any secret redacted)."""
    headers = response.headers
    values = b"\n".join([value for _, value in headers.raw]).decode("latin-1")
    if redact(values) != values:  # a header echoes a secret: keep a redacted copy (else the headers as they came)
        headers = httpx.Headers(  # as bytes: a value need not be ASCII (the wire's bytes, read as latin-1)
            [(key, redact(value.decode("latin-1")).encode("latin-1", "replace")) for key, value in headers.raw]
        )
    request = response.request
    return _info_class()(
        status_code=response.status_code,
        headers=headers,
        request_id=redact(response.headers.get("x-request-id") or "") or None,
        method=request.method,
        path=request.url.path,
    )


def attach_response(obj: T, info: ResponseInfo) -> T:
    """Attach ``info`` to a parsed object as ``_response`` and ``_request_id`` (and to the objects of a
    list it holds); returns ``obj``."""
    _attach(obj, info)
    for name in ("jobs", "items"):
        items: Any = getattr(obj, name, None)
        if isinstance(items, list):
            for item in items:
                _attach(item, info)
    return obj


def _attach(obj: Any, info: ResponseInfo) -> None:
    try:
        obj._response = info
        obj._request_id = info.request_id
    except AttributeError:  # a class without the response fields (not a response model)
        pass
