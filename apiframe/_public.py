"""Public names report the package users import them from, not the private file that defines them.

``apiframe.InvalidRequestError`` in a traceback, ``class Me in module apiframe`` in ``help()``, and
pickles that name ``apiframe.batch.Shard`` (found again through the package's lazy exports). Each
public package calls :func:`publish` over its ``__all__`` at import, and :func:`claim` on each
name its ``__getattr__`` loads, so a model added to the spec by ``make generate`` is covered with
no list to update. A name exported by ``apiframe`` itself reports ``apiframe`` wherever else it is
exported too, whichever package is imported first.
"""

from __future__ import annotations

import inspect
import sys
import typing
from collections.abc import Iterable, Mapping
from types import ModuleType
from typing import Any, TypeVar

_T = TypeVar("_T")

TOP = "apiframe"
_OURS = (TOP, "apiframe_client")
"""The distributions whose objects are moved; a class re-exported from elsewhere keeps its module."""


def _is_ours(module: str) -> bool:
    return module.split(".", 1)[0] in _OURS


def _is_public(module: str) -> bool:
    parts = module.split(".")
    return parts[0] == TOP and not any(part.startswith("_") for part in parts)


def claim(module: str, value: _T) -> _T:
    """Make the class or function ``value`` report ``module`` (a public package); return it."""
    if not (isinstance(value, type) or inspect.isfunction(value)):
        return value  # constants and type aliases carry no module of their own
    current: str = value.__module__
    if current == module or not _is_ours(current) or (_is_public(current) and module != TOP):
        return value
    if isinstance(value, type):
        _resolve_own_hints(value, sys.modules.get(current))
    value.__module__ = module
    return value


def publish(module: str, names: Iterable[str], namespace: Mapping[str, Any]) -> None:
    """:func:`claim` every name of ``names`` already bound in ``namespace`` (lazy ones claim on load)."""
    for name in names:
        if name in namespace:
            claim(module, namespace[name])


def _resolve_own_hints(cls: type, home: ModuleType | None) -> None:
    """Evaluate the class's string annotations where they were written, before the class moves.

    ``typing.get_type_hints`` reads a class's annotations in the module the class reports; without
    this, a hint naming something the public package does not export would stop resolving. A hint
    that does not resolve at home either (a name imported only for type checkers) stays a string.
    """
    if home is None:
        return
    own = inspect.get_annotations(cls)  # a copy of the class's own, unevaluated
    holder = ModuleType("hints")  # a module's hints may use ClassVar, as a class's may
    for key, hint in own.items():
        if isinstance(hint, str):
            holder.__annotations__ = {key: hint}
            try:
                own[key] = typing.get_type_hints(holder, globalns=vars(home), include_extras=True)[key]
            except Exception:  # NameError and friends: the hint stays as it was
                continue
    if own:
        cls.__annotations__ = own
