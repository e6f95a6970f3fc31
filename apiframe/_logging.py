"""The ``apiframe`` logger, and the one guard for text from outside that messages keep.

Every error message (:class:`~apiframe.ApiframeError` runs :func:`clean_message` on its own),
every log record (:class:`RedactingFilter`) and every header value a response info keeps pass
through here, so the rules hold on every path:

* **Redacted**: a registered secret (the API key) is replaced by ``[redacted]`` as sent, in any
  letter case, URL-encoded or base64-encoded, and any run of at least :data:`FRAGMENT` of its
  characters (a truncated echo such as ``"afk_live_12ab..."``).
* **Inert**: escape sequences (ESC, CSI, OSC, DCS with their bodies), C1 controls,
  bidirectional controls and lone surrogates are removed (:func:`apiframe._text.without_escapes`,
  the one function every sink of outside text runs); the other control characters, zero-width
  and invisible format characters, line and paragraph separators and Unicode tag characters
  become visible escapes (``\\x07``, ``\\u200b``), so one message is one line that cannot
  repaint a terminal or forge a log record.
* **Bounded**: :func:`outside` keeps at most ``limit`` characters of one outside string (say a
  cursor or a server's error text) and says how long it was; :func:`clean_message` bounds a
  whole message to :data:`MESSAGE_LIMIT`.
"""

from __future__ import annotations

import base64
import logging
import os
import re
import sys
import threading
from typing import Any
from urllib.parse import quote, quote_plus

from ._text import without_escapes

__all__ = [
    "FRAGMENT",
    "MESSAGE_LIMIT",
    "OUTSIDE_LIMIT",
    "RedactingFilter",
    "clean_message",
    "logger",
    "outside",
    "redact",
    "redact_data",
    "redact_kept",
    "register_secret",
    "setup_logging",
]

logger = logging.getLogger("apiframe")

FRAGMENT = 12
"""The shortest run of a secret's characters that counts as the secret (an 8-character key
prefix, as the API's ``me().api_key.prefix`` shows, is not a secret)."""
OUTSIDE_LIMIT = 200
"""Characters of one outside string a message keeps."""
MESSAGE_LIMIT = 4000
"""Characters of one whole message."""
REDACTED = "[redacted]"

_secrets: set[str] = set()
_chunks: list[tuple[str, str, int, int]] = []
"""(chunk, form, offset of the chunk in the form, shortest run that counts) for every secret form."""
_probe: re.Pattern[str] | None = None
"""Any chunk, any case: a quick first look before the exact search (most texts hold no chunk)."""
_exact: list[str] = []
_lock = threading.Lock()
_configured = False
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

_INERT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f\u00ad\u115f\u1160\u180e\u200b-\u200d\u2028\u2029\u2060-\u2065\u206a-\u206f"
    "\u3164\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)
"""What is left to show as a visible escape once :func:`without_escapes` ran: C0 controls, DEL and
invisible characters (zero-width, soft hyphen, fillers, line and paragraph separators, tags)."""
_INERT_LINES = re.compile("[\n\t]")


def _fragment(secret: str) -> int:
    return min(len(secret), max(FRAGMENT, len(secret) // 3))


def _rebuild() -> None:
    """Index every secret's text forms by short chunks (under ``_lock``).

    A run of at least ``size`` characters of a form always holds one whole chunk of
    ``(size + 1) // 2`` characters aligned in the form (or its last one), so finding the chunks
    (``str.find``, fast) and widening each hit finds every run, in time linear in the text.
    """
    global _chunks, _exact, _probe
    chunks: set[tuple[str, str, int, int]] = set()
    exact: set[str] = set()
    for secret in _secrets:
        size = _fragment(secret)
        for form in {secret, quote(secret, safe=""), quote_plus(secret, safe="")}:
            lowered = form.translate(_ASCII_LOWER)
            step = max(1, (size + 1) // 2)
            starts = {*range(0, len(lowered) - step + 1, step), max(0, len(lowered) - step)}
            chunks.update((lowered[i : i + step], lowered, i, size) for i in starts)
        raw = secret.encode("utf-8")
        for encoded in (base64.b64encode(raw), base64.urlsafe_b64encode(raw)):
            text = encoded.decode("ascii")
            exact.update({text, text.rstrip("=")})
    _chunks = sorted(chunks)
    _probe = re.compile("|".join(sorted({re.escape(chunk) for chunk, _, _, _ in chunks})), re.IGNORECASE)
    _exact = sorted(exact, key=len, reverse=True)


def register_secret(secret: str) -> None:
    """Remember a value that must never reach a message or a log record (the API key)."""
    if len(secret) >= 4:
        with _lock:
            if secret not in _secrets:
                _secrets.add(secret)
                _rebuild()


def _matching(a: str, b: str) -> int:
    """How many leading characters ``a`` and ``b`` share."""
    if a.startswith(b) or b.startswith(a):
        return min(len(a), len(b))
    return next(i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y)


_WIDEN_LIMIT = 10_000
"""Chunk hits widened one by one; past it (a text made of a key's pieces) every hit is redacted."""


def _spans(lowered: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    widened = 0
    for chunk, form, offset, size in _chunks:
        at = lowered.find(chunk)
        while at >= 0:
            end = at + len(chunk)
            widened += 1
            if widened > _WIDEN_LIMIT:  # over-redacting is safe; quadratic work is not
                spans.append((at, end))
                at = lowered.find(chunk, end)
                continue
            right = _matching(lowered[end : end + len(form)], form[offset + len(chunk) :])
            left = _matching(lowered[max(0, at - offset) : at][::-1], form[:offset][::-1])
            if right + left + len(chunk) >= size:
                spans.append((at - left, end + right))
                at = lowered.find(chunk, end + right)
            else:
                at = lowered.find(chunk, at + 1)
    return spans


def redact(text: str) -> str:
    """``text`` with every registered secret, and every long enough piece of one, replaced."""
    if not _chunks or not text:
        return text
    for exact in _exact:
        if exact in text:
            text = text.replace(exact, REDACTED)
    probe = _probe
    if probe is None or probe.search(text) is None:
        return text
    lowered = text.translate(_ASCII_LOWER)  # keys are ASCII: the case rule keeps every index
    out: list[str] = []
    at = 0
    for start, end in sorted(_spans(lowered)):
        if end <= at:
            continue
        out.append(text[at : max(at, start)])
        out.append(REDACTED)
        at = max(at, end)
    out.append(text[at:])
    return "".join(out)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def outside(value: object, limit: int = OUTSIDE_LIMIT) -> str:
    """How one string from outside (a server's text, a cursor, a file name) appears in a message.

    Escape sequences removed, redacted, every other control and invisible character shown as an
    escape (newline and tab too), and at most ``limit`` characters, ending with how long it
    really was.
    """
    text = value if isinstance(value, str) else repr(value)
    size = len(text)
    longest = max((len(secret) * 3 for secret in _secrets), default=0)
    text = redact(without_escapes(text[: limit + longest]))
    text = _INERT_LINES.sub(_escape, _INERT.sub(_escape, text))
    if len(text) > limit or size > limit + longest:
        text = f"{text[:limit]}... ({size} characters)"
    return text


def clean_message(message: str, limit: int = MESSAGE_LIMIT) -> str:
    """A whole message: escape sequences removed, redacted, other control and invisible characters
    escaped (newlines and tabs too: a message is one line), at most ``limit`` characters."""
    if len(message) > limit * 2:
        message = message[: limit * 2]
    text = _INERT_LINES.sub(_escape, _INERT.sub(_escape, redact(without_escapes(message))))
    return text if len(text) <= limit else text[:limit] + "... (cut)"


def redact_data(value: Any, depth: int = 0) -> Any:
    """``value`` (a parsed body or headers) with every registered secret replaced in its strings."""
    if not _secrets or depth > 64:
        return value
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {redact_data(k, depth + 1): redact_data(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [redact_data(item, depth + 1) for item in value]
    return value


def redact_kept(model: Any) -> Any:
    """A server object an error keeps (a job snapshot): itself, or a copy with every registered
    secret replaced when one is in it (``to_dict``, :func:`redact_data`, ``from_dict``)."""
    if not _chunks or model is None:
        return model
    if isinstance(model, str | dict | list):
        return redact_data(model)
    if not hasattr(model, "to_dict"):
        return model
    try:
        data = model.to_dict()
        cleaned = redact_data(data)
        return model if cleaned == data else type(model).from_dict(cleaned)
    except Exception:  # a snapshot that does not round-trip is dropped rather than kept with the key
        return None


class RedactingFilter(logging.Filter):
    """Rewrites records through :func:`clean_message`: no secret, no control character, bounded."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        cleaned = clean_message(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def setup_logging() -> None:
    """Attach a stderr handler once when ``APIFRAME_LOG`` asks for it."""
    global _configured
    with _lock:
        if _configured:
            return
        _configured = True
    logger.addFilter(RedactingFilter())
    level = os.environ.get("APIFRAME_LOG", "").strip().lower()
    if level not in ("debug", "info"):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
    handler.addFilter(RedactingFilter())
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if level == "debug" else logging.INFO)
