"""Copy (or download) the Apiframe OpenAPI spec into openapi/openapi.json (``make sync-spec``).

The copy is git-ignored: the spec is outside data. openapi/spec.lock.json records where it came
from, its sha256 and its ``info.version``; ``make generate`` confirms those for the spec it used.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "apiframe-openapi" / "openapi.json"
PRODUCTION = "https://api.apiframe.ai/v2/openapi.json"
TARGET = ROOT / "openapi" / "openapi.json"
LOCK = ROOT / "openapi" / "spec.lock.json"


def default_source() -> str:
    return str(SHARED) if SHARED.exists() else PRODUCTION


def fetch(source: str) -> bytes:
    if source.startswith(("http://", "https://")):
        with urllib.request.urlopen(source, timeout=60) as response:
            return bytes(response.read())
    return Path(source).expanduser().read_bytes()


def describe(source: str) -> str:
    """Record sources inside the checkout's parent relative to it, so the lock is machine-independent."""
    if source.startswith(("http://", "https://")):
        return source
    path = Path(os.path.abspath(Path(source).expanduser()))  # keep symlinked checkouts relative
    try:
        return str(Path("..") / path.relative_to(ROOT.parent))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", default="", help="path or URL (default: ../shared copy, else production)")
    args = parser.parse_args(argv)
    source = args.source or default_source()
    data = fetch(source)
    spec = json.loads(data)
    if not str(spec.get("openapi", "")).startswith("3."):
        raise SystemExit(f"{source} is not an OpenAPI 3 document")
    TARGET.write_bytes(data)
    LOCK.write_text(
        json.dumps(
            {
                "source": describe(source),
                "sha256": hashlib.sha256(data).hexdigest(),
                "info_version": spec.get("info", {}).get("version"),
                "generator": "openapi-python-client==0.29.1",
            },
            indent=2,
            sort_keys=True,
        )
        + "\n"
    )
    print(f"synced {describe(source)} -> {TARGET.relative_to(ROOT)} (sha256 {hashlib.sha256(data).hexdigest()[:12]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
