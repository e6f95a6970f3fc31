"""Run the pinned openapi-python-client with the project's naming rule (see python_names.py).

Usage: ``run_generator.py DECISIONS_JSON <generator arguments>``. DECISIONS_JSON holds the name
lock's ``identifiers`` on entry; on exit it holds every decision taken during this generation.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import openapi_python_client.strings as strings
import python_names
from openapi_python_client.cli import app

_original = strings.fix_reserved_words


def main() -> int:
    decisions_file = Path(sys.argv.pop(1))
    locked: dict[str, str] = json.loads(decisions_file.read_text())
    taken: dict[str, str] = {}

    def fix_reserved_words(value: str) -> str:
        if not value[:1].islower() or not python_names.is_collision(value):
            return _original(value)  # class names and ordinary identifiers: the generator's own rule
        taken[value] = locked.get(value) or python_names.attribute_rule(value)
        return taken[value]

    strings.fix_reserved_words = fix_reserved_words
    try:
        app()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
    else:
        code = 0
    decisions_file.write_text(json.dumps(dict(sorted(taken.items())), indent=2))
    return code


if __name__ == "__main__":
    raise SystemExit(main())
