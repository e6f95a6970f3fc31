"""The ``apiframe`` logger: off unless ``APIFRAME_LOG=debug|info``, and never shows the API key."""

from __future__ import annotations

import logging
import os
import sys
import threading
from typing import Any

__all__ = ["RedactingFilter", "logger", "redact", "redact_data", "register_secret", "setup_logging"]

logger = logging.getLogger("apiframe")

_secrets: set[str] = set()
_lock = threading.Lock()
_configured = False


def register_secret(secret: str) -> None:
    """Remember a value that must never reach a log record (the API key)."""
    if len(secret) >= 4:
        with _lock:
            _secrets.add(secret)


def redact(text: str) -> str:
    """Replace every registered secret in ``text``."""
    for secret in _secrets:
        if secret in text:
            text = text.replace(secret, "[redacted]")
    return text


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
    """Rewrites records so no registered secret is printed, whatever was logged."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _secrets:
            message = record.getMessage()
            cleaned = redact(message)
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
