"""Python names for the spec's wire properties: one rule, applied at generation time.

Two names per property:

* the **argument name** (keyword arguments of the facade, field paths in errors, ``x-python-name``
  in the shipped spec): the snake_case wire name, with ``_`` appended only for Python keywords
  (``type``, ``input`` and ``credits`` stay as the API spells them);
* the **attribute name** of the generated attrs class: the same, except that a name the
  generator's own templates use as a builtin (``type``, ``list``, ``str``...) keeps the ``_`` the
  generator gives it, since the generated class body would otherwise shadow it.

Every decision the rule takes about a name that collides with a builtin or keyword is recorded in
``openapi/names.lock.json`` (``"identifiers"``) and reused on the next generation, so a change of
rule or generator never renames an attribute silently.
"""

from __future__ import annotations

import builtins
import keyword
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from openapi_python_client.strings import PythonIdentifier

FIELD_PREFIX = "field_"
EXTRA_RESERVED = frozenset({"self", "true", "false", "datetime"})
"""Names the generator reserves besides the builtins (its templates import or emit them)."""


@cache
def template_builtins() -> frozenset[str]:
    """The builtins the generator's templates mention: these must not be shadowed in a class body."""
    import openapi_python_client

    root = Path(openapi_python_client.__file__).parent / "templates"
    words: set[str] = set()
    for template in root.rglob("*.jinja"):
        words.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", template.read_text()))
    return frozenset(words & set(dir(builtins)))


def is_collision(identifier: str) -> bool:
    """Whether the rule has a decision to take (and lock) for this snake_case identifier."""
    return keyword.iskeyword(identifier) or identifier in EXTRA_RESERVED or identifier in dir(builtins)


def attribute_rule(identifier: str) -> str:
    """The attribute name the rule gives a snake_case identifier that collides."""
    if keyword.iskeyword(identifier) or identifier in EXTRA_RESERVED or identifier in template_builtins():
        return identifier + "_"
    return identifier


def attribute_name(wire: str, lock: Mapping[str, str]) -> str:
    """The generated class's attribute for a wire property (the lock's decision first)."""
    plain = str(PythonIdentifier(wire, prefix=FIELD_PREFIX)).removesuffix("_")
    if plain.startswith(FIELD_PREFIX) or not is_collision(plain):
        return str(PythonIdentifier(wire, prefix=FIELD_PREFIX))
    return lock.get(plain) or attribute_rule(plain)


def argument_name(wire: str) -> str:
    """The public keyword-argument name of a wire property."""
    name = str(PythonIdentifier(wire, prefix=FIELD_PREFIX))
    plain = name.removesuffix("_")
    if name != plain and is_collision(plain) and not keyword.iskeyword(plain):
        return plain
    return name
