"""The ``apiframe`` logger, and the one guard for text from outside that messages keep.

Every error message (:class:`~apiframe.ApiframeError` runs :func:`clean_message` on its own),
every log record (:class:`RedactingFilter`) and every header value a response info keeps pass
through here, so the rules hold on every path:

* **Redacted**: a registered secret (the API key) is replaced by ``[redacted]`` as sent, in any
  letter case, URL-encoded or base64-encoded, and any run of at least :data:`FRAGMENT` of its
  characters (a truncated echo such as ``"afk_live_12ab..."``).
* **Inert**: control characters, escape sequences (ESC, CSI, OSC), bidirectional overrides,
  zero-width and other invisible format characters, line and paragraph separators and Unicode
  tag characters become visible escapes (``\\x1b``, ``\\u202e``), so one message is one line
  that cannot repaint a terminal or forge a log record.
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
_pattern: re.Pattern[str] | None = None
_exact: list[str] = []
_lock = threading.Lock()
_configured = False

_INERT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f"
    "\u3164\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)
_INERT_LINES = re.compile("[\n\t]")


def _fragment(secret: str) -> int:
    return min(len(secret), max(FRAGMENT, len(secret) // 3))


def _rebuild() -> None:
    """One case-insensitive pattern over every window of every secret's text forms (under ``_lock``)."""
    global _pattern, _exact
    windows: set[str] = set()
    exact: set[str] = set()
    for secret in _secrets:
        size = _fragment(secret)
        for form in {secret, quote(secret, safe=""), quote_plus(secret, safe="")}:
            windows.update(form[i : i + size].lower() for i in range(len(form) - size + 1))
        raw = secret.encode("utf-8")
        for encoded in (base64.b64encode(raw), base64.urlsafe_b64encode(raw)):
            text = encoded.decode("ascii")
            exact.update({text, text.rstrip("=")})
    ordered = sorted(windows, key=len, reverse=True)
    _pattern = re.compile("|".join(map(re.escape, ordered)), re.IGNORECASE) if ordered else None
    _exact = sorted(exact, key=len, reverse=True)


def register_secret(secret: str) -> None:
    """Remember a value that must never reach a message or a log record (the API key)."""
    if len(secret) >= 4:
        with _lock:
            if secret not in _secrets:
                _secrets.add(secret)
                _rebuild()


def _forms(secret: str) -> list[str]:
    return [form.lower() for form in {secret, quote(secret, safe=""), quote_plus(secret, safe="")}]


def redact(text: str) -> str:
    """``text`` with every registered secret, and every long enough piece of one, replaced."""
    pattern = _pattern
    if pattern is None or not text:
        return text
    for exact in _exact:
        if exact in text:
            text = text.replace(exact, REDACTED)
    if pattern.search(text) is None:
        return text
    lowered = text.lower()
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(lowered):
        spans.append(_extend(lowered, match.start(), match.end()))
    out: list[str] = []
    at = 0
    for start, end in sorted(spans):
        if end <= at:
            continue
        out.append(text[at : max(at, start)])
        out.append(REDACTED)
        at = max(at, end)
    out.append(text[at:])
    return "".join(out)


def _extend(lowered: str, start: int, end: int) -> tuple[int, int]:
    """Widen a matched window to the whole run of a secret's characters around it."""
    piece = lowered[start:end]
    best = (start, end)
    for secret in list(_secrets):
        for form in _forms(secret):
            offset = form.find(piece)
            if offset < 0:
                continue
            i, j = start - 1, offset - 1
            while i >= 0 and j >= 0 and lowered[i] == form[j]:
                i, j = i - 1, j - 1
            left = i + 1
            i, j = end, offset + len(piece)
            while i < len(lowered) and j < len(form) and lowered[i] == form[j]:
                i, j = i + 1, j + 1
            right = i
            if right - left > best[1] - best[0]:
                best = (left, right)
    return best


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

    Redacted, every control and invisible character shown as an escape (newline and tab too),
    and at most ``limit`` characters, ending with how long it really was.
    """
    text = value if isinstance(value, str) else repr(value)
    size = len(text)
    longest = max((len(s) * 3 for s in _secrets), default=0)
    text = redact(text[: limit + longest])
    text = _INERT_LINES.sub(_escape, _INERT.sub(_escape, text))
    if len(text) > limit or size > limit + longest:
        text = f"{text[:limit]}... ({size} characters)"
    return text


def clean_message(message: str, limit: int = MESSAGE_LIMIT) -> str:
    """A whole message: redacted, control and invisible characters escaped (newlines and tabs
    too: a message is one line), at most ``limit`` characters."""
    if len(message) > limit * 2:
        message = message[: limit * 2]
    text = _INERT_LINES.sub(_escape, _INERT.sub(_escape, redact(message)))
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
