"""How a generated model prints: the fields that are set, then its unknown keys.

Written by `make generate` (scripts/model_reprs.py); do not edit.
"""

from __future__ import annotations

import keyword
from typing import Any

import attrs

from .types import Unset

__all__ = ["model_repr"]


def model_repr(model: Any) -> str:
    """``Name(field=value, ..., key=value)``: no unset field, no ``additional_properties=`` wrapper."""
    parts = []
    for field in attrs.fields(type(model)):
        if not field.repr or field.name == "additional_properties":
            continue
        value = getattr(model, field.name)
        if not isinstance(value, Unset):
            parts.append(f"{field.name}={value!r}")
    extra = getattr(model, "additional_properties", None) or {}
    if all(isinstance(key, str) and key.isidentifier() and not keyword.iskeyword(key) for key in extra):
        parts += [f"{key}={value!r}" for key, value in extra.items()]
    else:
        parts.append(f"**{dict(extra)!r}")
    return f"{type(model).__name__}({', '.join(parts)})"
