"""Make ``apiframe_client.models`` import its ~350 modules lazily (PEP 562).

The generator writes ``from .x import Y`` for every model into ``models/__init__.py``; importing one
endpoint module would then load them all. The rewritten package keeps the same names and
``__all__`` (and the eager imports for type checkers), but loads a model's module on first access.
"""

from __future__ import annotations

import re
from pathlib import Path

IMPORT = re.compile(r"^from \.(\w+) import \(?\s*([\w,\s]+?)\s*\)?$", re.MULTILINE | re.DOTALL)

TEMPLATE = '''"""Data models used in requests and responses (loaded lazily, on first attribute access)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
{imports}

_MODULE_OF: dict[str, str] = {{
{mapping}
}}

__all__ = (
{names}
)


def __getattr__(name: str) -> Any:
    try:
        module = _MODULE_OF[name]
    except KeyError:
        raise AttributeError(f"module {{__name__!r}} has no attribute {{name!r}}") from None
    value = getattr(importlib.import_module(f".{{module}}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
'''


def make_lazy(init_file: Path) -> None:
    source = init_file.read_text()
    pairs: list[tuple[str, str]] = []
    for module, names in IMPORT.findall(source):
        for name in re.split(r"[\s,]+", names.strip()):
            if name:
                pairs.append((name, module))
    if not pairs:
        raise SystemExit(f"no model imports found in {init_file}; generator output changed?")
    pairs.sort()
    init_file.write_text(
        TEMPLATE.format(
            imports="\n".join(f"    from .{module} import {name}" for name, module in pairs),
            mapping="\n".join(f'    "{name}": "{module}",' for name, module in pairs),
            names="\n".join(f'    "{name}",' for name, _ in pairs),
        )
    )
