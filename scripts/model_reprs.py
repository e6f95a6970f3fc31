"""Readable reprs and ``help()`` for the generated models (``make generate`` post-step).

The generator's attrs classes print their internals: ``additional_properties={}`` in every repr,
a free-form object (``job.input``) as ``JobInput(additional_properties={...})``, and ``help()``
shows the ``UNSET`` sentinel as ``<apiframe_client.types.Unset object at 0x...>``. This step
gives ``Unset`` the repr ``UNSET`` (and keeps it one object through pickle and copy, so a model sent
to another process still leaves its unset fields out) and every model a ``__repr__`` (attrs keeps one defined in the
class body) that shows the fields that are set and the unknown keys as what they are:
``JobInput(prompt='a fox', fluxParams={'seed': 7})``. ``_repr.py`` is written into the package.
"""

from __future__ import annotations

from pathlib import Path

UNSET_CLASS = "class Unset:\n"
UNSET_REPR = (
    "class Unset:\n"
    '    """The value of a field that was not given (``UNSET``); it is left out of the request."""\n\n'
    "    def __repr__(self) -> str:\n"
    '        return "UNSET"\n\n'
    "    def __reduce__(self) -> str:\n"
    '        return "UNSET"  # pickled or copied, it stays the one sentinel (a model\'s unset fields too)\n\n'
)
METHOD_ANCHOR = "    def to_dict(self) -> dict[str, Any]:\n"
METHOD = "    def __repr__(self) -> str:\n        return model_repr(self)\n\n"
IMPORT_AFTER = "from ..types import UNSET, Unset\n"
IMPORT = "from .._repr import model_repr\n"

REPR_MODULE = '''"""How a generated model prints: the fields that are set, then its unknown keys.

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
'''


def add(package: Path) -> int:
    """Give ``Unset`` its repr and every model class of ``package/models`` a ``__repr__``; how many got one."""
    types = package / "types.py"
    text = types.read_text()
    if UNSET_CLASS not in text:
        raise SystemExit("types.py: no 'class Unset:' (the generator's output changed)")
    types.write_text(text.replace(UNSET_CLASS, UNSET_REPR, 1))
    (package / "_repr.py").write_text(REPR_MODULE)
    count = 0
    for module in sorted((package / "models").glob("*.py")):
        text = module.read_text()
        if METHOD_ANCHOR not in text:
            continue
        if IMPORT_AFTER not in text:
            raise SystemExit(f"{module.name}: no '{IMPORT_AFTER.strip()}' line to put the model_repr import after")
        text = text.replace(IMPORT_AFTER, IMPORT_AFTER + IMPORT, 1)
        count += text.count(METHOD_ANCHOR)
        module.write_text(text.replace(METHOD_ANCHOR, METHOD + METHOD_ANCHOR))
    return count
