"""Give every generated response model the HTTP response it came from (``make generate`` post-step).

Each attrs class that keeps unknown keys (every response model, after the normalizer opens them up)
gets two fields outside ``__init__``, equality and ``repr``: ``_response`` (a :class:`ResponseInfo`:
status, headers, request id) and ``_request_id``. The facade fills them when it parses a response;
they are ``None`` on objects built by hand. The field names start with ``_`` so no spec property can
collide with them. ``response_info.py`` is written into the package beside the models.
"""

from __future__ import annotations

from pathlib import Path

ANCHOR = "    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)\n"
FIELDS = (
    "    _response: ResponseInfo | None = _attrs_field(init=False, default=None, eq=False, repr=False)\n"
    "    _request_id: str | None = _attrs_field(init=False, default=None, eq=False, repr=False)\n"
)
IMPORT_AFTER = "from ..types import UNSET, Unset\n"
IMPORT = "from ..response_info import ResponseInfo\n"

INFO_MODULE = '''"""The HTTP response a parsed object came from.

Written by `make generate` (scripts/response_fields.py); do not edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

__all__ = ["ResponseInfo"]


@dataclass(frozen=True, slots=True)
class ResponseInfo:
    """Status, headers and request id of one HTTP response (``obj._response``).

    Quote ``request_id`` in support requests; ``headers`` carries rate-limit and other headers.
    """

    status_code: int
    headers: httpx.Headers = field(repr=False)
    request_id: str | None
    method: str
    path: str
'''


def add(package: Path) -> int:
    """Add the response fields to every model class of ``package/models``; returns how many got them."""
    (package / "response_info.py").write_text(INFO_MODULE)
    count = 0
    for module in sorted((package / "models").glob("*.py")):
        text = module.read_text()
        if ANCHOR not in text:
            continue
        if IMPORT_AFTER not in text:
            raise SystemExit(f"{module.name}: no '{IMPORT_AFTER.strip()}' line to put the ResponseInfo import after")
        text = text.replace(IMPORT_AFTER, IMPORT_AFTER + IMPORT, 1)
        count += text.count(ANCHOR)
        module.write_text(text.replace(ANCHOR, ANCHOR + FIELDS))
    return count
