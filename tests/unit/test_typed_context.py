"""Issue 19: code takes the typed context it needs (a session, a protocol), never ``client: Any``."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[2] / "apiframe"


def _untyped_clients(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and "client" in node.arg:
            hint = node.annotation
            if hint is None or (isinstance(hint, ast.Name) and hint.id == "Any"):
                lines.append(node.lineno)
    return lines


def test_no_parameter_takes_a_client_as_any() -> None:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = _untyped_clients(ast.parse(path.read_text(), str(path)))
        if lines:
            found[str(path.relative_to(PACKAGE.parent))] = lines
    assert found == {}


def test_the_scan_sees_an_untyped_client() -> None:
    tree = ast.parse("def f(client: Any, http_client=None, *, session: Session) -> None: ...")
    assert _untyped_clients(tree) == [1, 1]
