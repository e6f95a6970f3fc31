"""``import apiframe`` stays lean: what the SDK adds to ``import httpx`` is its own code, not heavy
modules that only some calls need (they load on first use)."""

from __future__ import annotations

import json
import subprocess
import sys

LATER = {
    "uuid": "the first POST (idempotency keys)",
    "platform": "uuid",
    "aiohttp": "http_backend='aiohttp'",
    "httpx_aiohttp": "http_backend='aiohttp'",
    "apiframe._aiohttp": "http_backend='aiohttp'",
    "apiframe._pool": "the first AsyncApiframe",
    "asyncio": "the first async wait",
    "apiframe._download": "the first download",
}


def _modules(statement: str) -> set[str]:
    # as with only the runtime dependencies: httpx imports click and rich (its CLI) when they are there
    hide_cli = "sys.modules['click'] = None; sys.modules['rich'] = None"
    program = f"import sys, json; {hide_cli}; {statement}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out))


def test_import_apiframe_loads_nothing_that_only_some_calls_need() -> None:
    added = _modules("import httpx; import apiframe") - _modules("import httpx")
    assert {name: LATER[name] for name in sorted(added & set(LATER))} == {}
