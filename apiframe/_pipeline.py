"""The request flow: headers, idempotency key, retries with backoff, logging and typed errors.

Every call of every resource goes through :func:`request_flow`, for both clients.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx

from ._config import ClientConfig, RequestOptions, _check_retries, to_timeout
from ._errors import (
    APIResponseValidationError,
    APIStatusError,
    ConfigurationError,
    NetworkError,
    RateLimitError,
    RequestTimeoutError,
    status_error_class,
)
from ._flow import Flow, RequestSpec, Send, Sleep
from ._logging import logger, redact
from ._retry import MAX_RETRY_AFTER, backoff_delay, is_retryable_status, retry_after
from ._version import __version__

if TYPE_CHECKING:
    from ._files import MultipartBody

__all__ = ["MAX_RESPONSE_BYTES", "USER_AGENT", "describe_text_body", "error_from_response", "request_flow"]

USER_AGENT = f"apiframe-python/{__version__}"
MAX_ERROR_TEXT = 2000
MAX_RESPONSE_BYTES = 32 * 1024 * 1024
"""No API answer (a JSON document) comes near this size; a bigger body is refused unparsed."""
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "DELETE", "PUT"})
_OPTION_NAMES = frozenset(RequestOptions.__annotations__)

_HINTS = {
    400: "the API rejected the request without naming fields; check the arguments against the model's parameters",
    401: "check the API key (api_key=... or APIFRAME_API_KEY)",
    402: "add credits to the team, or pick a cheaper model or fewer outputs",
    403: "this key lacks permission for the operation, or the modality is disabled for the team",
    404: "check the id and that it belongs to this key's team",
    409: "the resource is not in a state that allows this; fetch it and retry",
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
    if key is not None and (not isinstance(key, str) or not key.strip() or len(key) > 255):
        raise ConfigurationError("idempotency_key must be a non-empty string of at most 255 characters")


def _headers(config: ClientConfig, method: str, options: Mapping[str, Any], *, authenticate: bool) -> dict[str, str]:
    headers = {
        "Accept": "application/json" if authenticate else "*/*",
        "User-Agent": USER_AGENT,
        **config.default_headers,
        **dict(options.get("extra_headers") or {}),
    }
    if authenticate:
        headers["X-API-Key"] = config.api_key
    if method == "POST":
        import uuid  # with the first POST: uuid imports platform, a tenth of the SDK's import time

        headers["Idempotency-Key"] = options.get("idempotency_key") or str(uuid.uuid4())
    return headers


def _body_of(response: httpx.Response) -> Any:
    """The parsed JSON body, else the text (truncated): never a JSONDecodeError."""
    content = response.content
    if content and len(content) <= 1_000_000:
        try:
            return json.loads(content)
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


def error_from_response(response: httpx.Response, *, method: str, path: str) -> APIStatusError:
    """The typed error for a non-2xx response, with a message that says what to do."""
    status = response.status_code
    body = _body_of(response)
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
        parts[0] += f": {server_text}"
    cls = status_error_class(status)
    hint = _HINTS.get(status) or ("the API failed; retry later" if status >= 500 else None)
    delay = retry_after(response.headers) if status == 429 else None
    if status == 429 and delay is not None:
        hint = f"too many requests; retry after {delay:.0f} s"
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
        "headers": dict(response.headers),
    }
    if cls is RateLimitError:
        return RateLimitError(message, retry_after=delay, **common)
    return cls(message, **common)


def _check_size(response: httpx.Response, method: str, path: str) -> None:
    """Refuse a 2xx body too big to be an API answer (a file server or a broken proxy) before parsing it."""
    size = len(response.content)
    if size <= MAX_RESPONSE_BYTES:
        return
    raise APIResponseValidationError(
        f"{method} {path} answered {response.status_code} with a {size:,}-byte body, over the "
        f"{MAX_RESPONSE_BYTES:,}-byte limit for API responses; it was not parsed. Check that base_url "
        "is the API's address and that no proxy rewrites the answers",
        status_code=response.status_code,
        request_id=response.headers.get("x-request-id"),
        body=response.content[: MAX_ERROR_TEXT * 4].decode("utf-8", errors="replace")[:MAX_ERROR_TEXT],
    )


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
) -> Flow[httpx.Response]:
    """Send one API request, retrying what is safe to retry; return the 2xx response or raise.

    ``path`` may be an absolute URL (a result file); ``authenticate=False`` leaves the API key
    out, as for any host that is not the API.
    """
    options = dict(options or {})
    _check_options(options)
    method = method.upper()
    timeout = to_timeout(options["timeout"]) if options.get("timeout") is not None else config.timeout
    max_retries = config.max_retries
    if options.get("max_retries") is not None:
        max_retries = _check_retries(options["max_retries"])
    spec = RequestSpec(
        method=method,
        path=path,
        headers=_headers(config, method, options, authenticate=authenticate),
        params=_query(params),
        json=json,
        multipart=multipart,
        timeout=timeout,
    )
    replayable = multipart is None or multipart.replayable
    safe = replayable and (method in _IDEMPOTENT_METHODS or "Idempotency-Key" in spec.headers)
    attempt = 0
    while True:
        started = time.perf_counter()
        try:
            response: httpx.Response = yield Send(spec, stream=stream)
        except httpx.TransportError as error:
            timed_out = isinstance(error, httpx.TimeoutException)
            what = "timed out" if timed_out else f"failed ({type(error).__name__})"
            if safe and attempt < max_retries:
                delay = backoff_delay(attempt)
                logger.info("%s %s %s; retry %d in %.2f s", method, path, what, attempt + 1, delay)
                yield Sleep(delay)
                attempt += 1
                continue
            tail = f" after {attempt + 1} attempts" if attempt else ""
            if timed_out:
                raise RequestTimeoutError(
                    f"{method} {path} timed out{tail}; raise timeout= (now {timeout.read or timeout.connect} s) "
                    "or check the network"
                ) from error
            raise NetworkError(
                f"{method} {path} failed{tail}: {type(error).__name__}: {redact(str(error)) or 'connection error'}; "
                "check the network and base_url"
            ) from error
        elapsed = (time.perf_counter() - started) * 1000
        status = response.status_code
        logger.debug(
            "%s %s -> %d in %.0f ms (attempt %d, request id %s)",
            method,
            path,
            status,
            elapsed,
            attempt + 1,
            response.headers.get("x-request-id", "-"),
        )
        if status < 400:
            if not stream:
                _check_size(response, method, path)
            return response
        if is_retryable_status(status) and attempt < max_retries and replayable and (safe or status == 429):
            hint = retry_after(response.headers)
            if status == 429 and hint is not None and hint > MAX_RETRY_AFTER:
                raise error_from_response(response, method=method, path=path)
            delay = hint if hint is not None else backoff_delay(attempt)
            logger.info("%s %s -> %d; retry %d in %.2f s", method, path, status, attempt + 1, delay)
            yield Sleep(delay)
            attempt += 1
            continue
        raise error_from_response(response, method=method, path=path)
