"""Locate and load the Apiframe OpenAPI document the sandbox serves.

The SDK ships a normalized copy as package data of the generated client
(``apiframe_client/_spec.json``, written by ``make generate``). ``$APIFRAME_SPEC_PATH``
overrides it (any OpenAPI document of the same API, raw or normalized): every
consumer in this package works on either shape.
"""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

from .._schema import spec_text

__all__ = ["SpecNotFoundError", "load_spec"]

_PACKAGE = "apiframe_client"
_RESOURCE = "_spec.json"
_ENV_VAR = "APIFRAME_SPEC_PATH"


class SpecNotFoundError(RuntimeError):
    """No OpenAPI document could be found for the sandbox."""


def _read_packaged() -> str | None:
    try:
        return spec_text()  # the SDK's own copy, read once for both
    except (ModuleNotFoundError, TypeError, FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def _read_text() -> str:
    configured = os.environ.get(_ENV_VAR)
    if not configured:
        packaged = _read_packaged()
        if packaged is not None:
            return packaged
        raise SpecNotFoundError(
            f"the generated client's package data {_PACKAGE}/{_RESOURCE} is missing: reinstall "
            f"the SDK from its clone or wheel, or set {_ENV_VAR} to the path of openapi.json"
        )
    candidate = Path(configured)
    try:
        return candidate.read_text(encoding="utf-8")
    except OSError as exc:
        raise SpecNotFoundError(
            f"cannot read the Apiframe OpenAPI spec from {candidate}: install the SDK with its "
            f"generated client (package data {_PACKAGE}/{_RESOURCE}) or set {_ENV_VAR} "
            "to the path of openapi.json"
        ) from exc


@functools.cache
def _load_cached() -> str:
    return _read_text()


def load_spec() -> dict[str, Any]:
    """Return a fresh copy of the OpenAPI document as a dict."""
    document = json.loads(_load_cached())
    if not isinstance(document, dict) or "paths" not in document:
        raise SpecNotFoundError("the Apiframe OpenAPI spec has no 'paths': the file is not a spec")
    return document
