"""What to run when an optional extra is missing, in a form that works today.

The 2.x SDK is not on PyPI yet (``apiframe-sdk`` there is the v1 SDK), so ``pip install
"apiframe-sdk[cli]"`` would fetch the wrong package. The hint names what works from where this
copy was installed: the clone itself (``pip install -e '/path/to/clone[cli]'``) when it runs from
a source tree, else the extra's own requirements as the installed metadata lists them.
"""

from __future__ import annotations

import re
import shlex
from functools import cache
from importlib import metadata
from pathlib import Path

__all__ = ["DISTRIBUTION", "install_hint", "missing_extra"]

DISTRIBUTION = "apiframe-sdk"
_EXTRA = re.compile(r"""extra\s*==\s*['"]([^'"]+)['"]""")
_SELF = re.compile(r"^apiframe-sdk\[([^\]]+)\]", re.IGNORECASE)


def _source_tree() -> Path | None:
    """The clone this package runs from (an editable install or a checkout on sys.path), if any."""
    root = Path(__file__).resolve().parent.parent
    pyproject = root / "pyproject.toml"
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        return None
    return root if f'name = "{DISTRIBUTION}"' in text else None


@cache
def _requirements(extra: str) -> tuple[str, ...]:
    """The extra's requirements from the installed metadata (nested extras expanded), or ()."""
    try:
        declared = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return ()
    found: list[str] = []
    for line in declared:
        spec, _, marker = line.partition(";")
        match = _EXTRA.search(marker)
        if match is None or match.group(1) != extra:
            continue
        nested = _SELF.match(spec.strip())
        if nested is not None:
            for name in nested.group(1).split(","):
                found.extend(_requirements(name.strip()))
        else:
            found.append(spec.strip().replace(" ", ""))
    return tuple(dict.fromkeys(found))


def install_hint(extra: str) -> str:
    """The command that installs ``extra`` for this copy of the SDK."""
    root = _source_tree()
    if root is not None:
        return f"pip install -e {shlex.quote(f'{root}[{extra}]')}"
    needed = _requirements(extra)
    if needed:
        return "pip install " + " ".join(shlex.quote(item) for item in needed)
    return f"pip install the {DISTRIBUTION} wheel (or clone) with its [{extra}] extra"


def missing_extra(extra: str, error: ImportError, what: str) -> str:
    """One message: ``what`` needs ``extra`` (the missing module named), and the command to run."""
    module = error.name.partition(".")[0] if error.name else str(error)  # the package (mcp, not mcp.types)
    return f"{what} needs the {extra} extra ({module} is not installed); install it with: {install_hint(extra)}"
