"""The exception hierarchy: every error the SDK raises derives from :class:`ApiframeError`.

Names mirror the official Node.js SDK, except where a name would shadow a Python
builtin (``PermissionError`` becomes :class:`PermissionDeniedError`, ``TimeoutError``
becomes :class:`ApiframeTimeoutError`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ._logging import clean_message, redact, redact_data, redact_kept

__all__ = [
    "APIResponseValidationError",
    "APIStatusError",
    "ApiframeError",
    "ApiframeTimeoutError",
    "AuthenticationError",
    "ConfigurationError",
    "ConflictError",
    "DownloadError",
    "InsufficientCreditsError",
    "InvalidRequestError",
    "JobCancelledError",
    "JobFailedError",
    "NetworkError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestTimeoutError",
    "ResultExpiredError",
    "ServerError",
    "ValidationError",
    "WaitCancelledError",
    "WaitTimeoutError",
    "WebhookVerificationError",
]


def _restore(cls: type[ApiframeError], args: tuple[Any, ...], state: dict[str, Any]) -> ApiframeError:
    """Rebuild a pickled error without calling its ``__init__`` (whose arguments are keyword-only)."""
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class ApiframeError(Exception):
    """Base class of every error raised by the SDK. Every error pickles with its fields.

    The client's API key never appears in a message, body or headers an error keeps; a message is
    one bounded line with every control character escaped (``apiframe._logging.clean_message``).
    """

    message: str

    def __init__(self, message: str) -> None:
        message = clean_message(message)
        super().__init__(message)
        self.message = message

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (type(self), self.args, dict(self.__dict__)))


class ConfigurationError(ApiframeError):
    """The client was constructed with missing or unsafe settings (for example no API key)."""


class InvalidRequestError(ApiframeError, ValueError):
    """A request was rejected client-side, before anything was sent.

    ``field`` is the dotted path of the offending argument (``"midjourney_params.aspect_ratio"``),
    ``fields`` every argument the message names (``field`` first), and ``allowed`` lists the
    accepted values when the field has a closed set.
    """

    field: str | None
    fields: tuple[str, ...]
    allowed: tuple[Any, ...] | None

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        allowed: Sequence[Any] | None = None,
        fields: Sequence[str] = (),
    ) -> None:
        super().__init__(message)
        self.field = field
        self.fields = tuple(dict.fromkeys([*([field] if field else []), *fields]))
        self.allowed = tuple(allowed) if allowed is not None else None


class APIStatusError(ApiframeError):
    """The API answered with a non-2xx status.

    Carries the HTTP ``status_code``, the ``request_id`` from the ``x-request-id`` header,
    the parsed ``body`` (a dict for JSON bodies, else the text) and the response ``headers``.
    """

    status_code: int
    request_id: str | None
    body: Any
    headers: Mapping[str, str]

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        request_id: str | None = None,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.request_id = redact(request_id) if request_id else request_id
        self.body = redact_data(body)
        self.headers = redact_data(dict(headers or {}))


class ValidationError(APIStatusError):
    """400: the API rejected the request body; ``details`` maps JSON paths to messages."""

    @property
    def details(self) -> dict[str, list[str]]:
        """Per-field validation messages keyed by JSON path (empty when the server sent none)."""
        if isinstance(self.body, dict):
            raw: Any = self.body.get("details")
            if isinstance(raw, dict):
                out: dict[str, list[str]] = {}
                for key, value in raw.items():
                    if isinstance(value, list):
                        out[str(key)] = [str(v) for v in value]
                    else:
                        out[str(key)] = [str(value)]
                return out
        return {}


class AuthenticationError(APIStatusError):
    """401: the API key is missing, malformed or revoked."""


class InsufficientCreditsError(APIStatusError):
    """402: the team has too few credits; see ``credits_required`` and ``credits_available``."""

    @property
    def credits_required(self) -> int | None:
        """Credits the job needs, in the API's smallest unit (None when not reported)."""
        return _int_field(self.body, "creditsRequired")

    @property
    def credits_available(self) -> int | None:
        """Credits the team has left, in the API's smallest unit (None when not reported)."""
        return _int_field(self.body, "creditsAvailable")


class ConflictError(APIStatusError):
    """409: an idempotency key was replayed with a different request body, or the action is not available."""


class PermissionDeniedError(APIStatusError):
    """403: the key lacks the scope, or the modality is disabled for the team."""


class NotFoundError(APIStatusError):
    """404: the job, LoRA, asset or path does not exist."""


class RateLimitError(APIStatusError):
    """429: too many requests. ``retry_after`` is the server's hint in seconds, if any."""

    retry_after: float | None

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        request_id: str | None = None,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, status_code=status_code, request_id=request_id, body=body, headers=headers)
        self.retry_after = retry_after


class ServerError(APIStatusError):
    """5xx (or any unlisted 5xx-like status such as 520): the API or an upstream provider failed."""


class APIResponseValidationError(ApiframeError):
    """A 2xx response body could not be parsed into the documented shape.

    ``field`` is where a JSON body departs from the spec's schema (``jobs[3].progress``, ``jobId``;
    ``""`` for the body itself), when it does; None when the body could not be read at all.
    """

    status_code: int
    request_id: str | None
    body: Any
    field: str | None

    def __init__(
        self, message: str, *, status_code: int, request_id: str | None, body: Any, field: str | None = None
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.request_id = redact(request_id) if request_id else request_id
        self.body = redact_data(body)
        self.field = field


class PaginationError(APIResponseValidationError):
    """A listing's pages would never end: a cursor came back a second time (a loop or a cycle),
    pages kept claiming more while empty, or the walk passed its page budget.

    ``cursor`` is the server's cursor that stopped the walk (whole, any secret in it redacted);
    ``pages`` how many pages were read.
    """

    cursor: str | None
    pages: int

    def __init__(
        self, message: str, *, cursor: str | None, pages: int, status_code: int = 200, request_id: str | None = None
    ) -> None:
        super().__init__(message, status_code=status_code, request_id=request_id, body=None)
        self.cursor = redact(cursor) if isinstance(cursor, str) else cursor
        self.pages = pages


class NetworkError(ApiframeError):
    """No HTTP response was received: DNS, TCP or TLS failure, or a dropped connection.

    ``connect_failed`` is true when no connection could be made at all (refused, DNS failure,
    unreachable host): retrying later, not another request, is what can help.
    """

    connect_failed: bool

    def __init__(self, message: str, *, connect_failed: bool = False) -> None:
        super().__init__(message)
        self.connect_failed = connect_failed


class ApiframeTimeoutError(ApiframeError, TimeoutError):
    """Base class of the SDK's timeouts; also a builtin ``TimeoutError``."""


class RequestTimeoutError(ApiframeTimeoutError, NetworkError):
    """One HTTP request exceeded its timeout (after any retries)."""


class WaitTimeoutError(ApiframeTimeoutError):
    """A wait ran past its deadline. Carries ``job_id`` and the ``last`` job snapshot seen."""

    job_id: str
    last: Any

    def __init__(self, message: str, *, job_id: str, last: Any = None) -> None:
        super().__init__(message)
        self.job_id = job_id
        self.last = redact_kept(last)


class JobFailedError(ApiframeError):
    """The job ended with status FAILED; ``job`` is the final snapshot, ``job.error`` the reason."""

    job: Any

    def __init__(self, message: str, *, job: Any) -> None:
        super().__init__(message)
        self.job = redact_kept(job)


class JobCancelledError(ApiframeError):
    """The job ended with status CANCELLED; ``job`` is the final snapshot."""

    job: Any

    def __init__(self, message: str, *, job: Any) -> None:
        super().__init__(message)
        self.job = redact_kept(job)


class WaitCancelledError(ApiframeError):
    """A synchronous wait was stopped through its ``cancel`` event; ``job_id`` names the job waited
    for (None for ``wait_many``). Ctrl-C is not turned into this error: it stays a ``KeyboardInterrupt``."""

    job_id: str | None

    def __init__(self, message: str, *, job_id: str | None = None) -> None:
        super().__init__(message)
        self.job_id = job_id


class ResultExpiredError(ApiframeError):
    """A job's result files are gone: the API purged them after its retention period (24 h by default).

    ``job_id`` names the job; generate it again to get new files.
    """

    job_id: str

    def __init__(self, message: str, *, job_id: str) -> None:
        super().__init__(message)
        self.job_id = job_id


class DownloadError(ApiframeError):
    """A result file could not be saved: the transfer broke off, or the disk write failed."""


class WebhookVerificationError(ApiframeError):
    """A webhook's signature did not match its body (or the signature was missing)."""


def _int_field(body: Any, key: str) -> int | None:
    if isinstance(body, dict):
        value: Any = body.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


_HINTS = {
    400: "the API rejected the request without naming fields; check the arguments against the model's parameters",
    401: "check the API key (api_key=... or APIFRAME_API_KEY)",
    402: "add credits to the team, or pick a cheaper model or fewer outputs",
    403: "this key lacks permission for the operation, or the modality is disabled for the team",
    429: "too many requests; slow down or raise max_retries=",
}


@functools.cache
def _id_paths() -> re.Pattern[str]:
    from ._schema import operations

    templates = [op.path for op in operations().values() if op.path_params]
    pattern = "|".join(re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(t)) for t in templates) or "(?!)"
    return re.compile(f"^(?:{pattern})$")


def _path_has_id(path: str) -> bool:
    """Whether ``path`` (relative to the API root, ids filled in) is an operation path with an id in it."""
    return _id_paths().match(path) is not None


def status_hint(status: int, *, path: str, requested: str | None = None) -> str | None:
    """What to do about an error status of the request to ``path`` (relative to the API root).

    ``requested`` is the URL actually requested (``base_url``'s own path included).
    """
    if status == 404:
        from urllib.parse import urlsplit

        parts = urlsplit(requested or "")
        prefix = parts.path[: -len(path)] if parts.path.endswith(path) else ""
        if prefix.rstrip("/").endswith("/v2"):
            root = f"{parts.scheme}://{parts.netloc}{prefix.rstrip('/')[:-3]}"
            return f"base_url ends in /v2: pass the API's root, {root} (the SDK adds /v2/... itself)"
        if _path_has_id(path):
            return "check the id and that it belongs to this key's team"
        where = f" under {prefix}" if prefix else ""
        return f"the API has no {path}{where}: check base_url (the API's root, such as https://api.apiframe.ai)"
    if status == 409:
        if "/action" in path:
            return (
                "the parent job cannot take this action now: wait until it is COMPLETED (a Midjourney or Suno "
                "action needs a finished parent), and check that the action fits it"
            )
        return "the idempotency key was already used for a different request body: use a new key"
    if status >= 500:
        return _HINTS.get(status) or "the API failed; retry later"
    return _HINTS.get(status)


def status_error_class(status_code: int) -> type[APIStatusError]:
    """The error class for an HTTP status, including statuses the spec does not list."""
    if status_code == 400 or status_code == 422:
        return ValidationError
    if status_code == 401:
        return AuthenticationError
    if status_code == 402:
        return InsufficientCreditsError
    if status_code == 403:
        return PermissionDeniedError
    if status_code == 404:
        return NotFoundError
    if status_code == 409:
        return ConflictError
    if status_code == 429:
        return RateLimitError
    if status_code >= 500:
        return ServerError
    return APIStatusError
