"""Counted nouns in messages: ``1 character``, ``2 characters`` (never ``1 characters``)."""

from __future__ import annotations

__all__ = ["counted", "noun"]


def noun(count: float, singular: str, plural: str | None = None) -> str:
    """``singular`` for a count of exactly 1, else ``plural`` (default: ``singular`` + "s")."""
    return singular if count == 1 else (plural if plural is not None else singular + "s")


def counted(count: float, singular: str, plural: str | None = None) -> str:
    """``count`` and its noun: ``counted(1, "item")`` is "1 item", ``counted(2.5, "credit")`` "2.5 credits"."""
    return f"{count:g} {noun(count, singular, plural)}"
