"""The one guard between outside text and the user's terminal.

Job errors, model and LoRA names, URLs, file names, server messages and webhook deliveries come
from outside the CLI's code. A terminal would read ``[bold red]``, ``[/INST]`` or
``[link=...]`` as rich markup, and escape sequences (ESC, CSI, OSC hyperlinks, C1 controls) or
bidirectional overrides as instructions. Everything the CLI prints goes through this module:

- :class:`TerminalConsole` (every console the CLI makes comes from :func:`console`) parses no
  markup, emoji codes or highlighting, and cleans every segment it renders (:func:`clean`),
  whatever the renderable (a string, a table cell, a progress column): escape sequences, C1
  controls, bidirectional controls and lone surrogates removed by the one function for that
  (:func:`apiframe._text.without_escapes`), then the other control characters but newline and
  tab, and a key the server echoed redacted;
- :func:`write` prints a line that is not rich output (JSON, a webhook delivery line) cleaned the
  same way; JSON from :func:`json_text` is pure ASCII, so ``--json`` output stays exact.

The CLI's own styles are given as ``style=`` (or :class:`rich.text.Text` objects), never as
markup in a string; ``tests/cli/test_terminal_guard.py`` checks that no module prints another way.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from typing import IO, Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.progress import ProgressColumn
from rich.progress import Task as ProgressTask
from rich.segment import Segment
from rich.table import Column
from rich.text import Text

from .._logging import redact
from .._text import without_escapes

__all__ = [
    "LiteralColumn",
    "TerminalConsole",
    "clean",
    "console",
    "fields",
    "json_text",
    "one_line",
    "write",
    "write_json",
]

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f\u200b-\u200d\u2028\u2029\U000e0000-\U000e007f]")
"""What is left to drop once :func:`~apiframe._text.without_escapes` ran: C0 controls but tab and
newline, DEL, zero-width characters, line and paragraph separators, and tag characters (invisible
text a terminal shows as nothing)."""
_BREAKS = re.compile(r"[\t\n]+")


def clean(text: str) -> str:
    """``text`` without escape sequences and control characters (newline and tab are kept), and
    without any registered secret (an API key the server echoed)."""
    text = _CONTROLS.sub("", without_escapes(text))
    return redact(text)


def one_line(value: object) -> str:
    """An outside value for one field of a line: cleaned, its line breaks and tabs as spaces."""
    return _BREAKS.sub(" ", clean(str(value)))


def fields(*values: object) -> str:
    """Values for one line of text, two spaces apart, each through :func:`one_line` (empty ones left out)."""
    return "  ".join(one_line(value) for value in values if value is not None and value != "")


class TerminalConsole(Console):
    """A rich console that prints every string literally and never passes a control sequence on.

    Strings are never parsed as markup (whatever ``markup=`` a call passes); every rendered
    segment is cleaned, so a renderable built elsewhere (a table, a progress bar) is covered too.
    Rich's own cursor and style codes are not text segments and pass unchanged.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.update(markup=False, emoji=False, highlight=False)
        super().__init__(**kwargs)

    def render_str(self, text: str, **kwargs: Any) -> Text:
        kwargs.update(markup=False, emoji=False, highlight=False)
        return super().render_str(clean(text), **kwargs)

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control is None:
                text = clean(segment.text)
                yield segment if text == segment.text else Segment(text, segment.style)
            else:
                yield segment


def console(*, stderr: bool = False, file: IO[str] | None = None, width: int | None = None) -> TerminalConsole:
    """The console for stdout (results) or stderr (progress, messages)."""
    return TerminalConsole(stderr=stderr, file=file, width=width)


class LiteralColumn(ProgressColumn):
    """A progress column showing a task's description, or one of its fields, as literal text."""

    def __init__(self, field: str | None = None) -> None:
        super().__init__(table_column=Column(no_wrap=True))  # a job id is never cut short
        self.field = field

    def render(self, task: ProgressTask) -> Text:
        value = task.description if self.field is None else task.fields.get(self.field, "")
        if isinstance(value, Text):
            return Text(one_line(value.plain), style=value.style)
        return Text(one_line(value))


def json_text(data: Any, *, lines: bool = False) -> str:
    """``data`` as JSON: indented, or compact on one line; pure ASCII (exact, and safe to print)."""
    if lines:
        return json.dumps(data, separators=(",", ":"), ensure_ascii=True, default=str)
    return json.dumps(data, indent=2, ensure_ascii=True, default=str)


def write_json(data: Any) -> None:
    """``data`` as indented JSON on stdout, written as it is encoded (a batch's summary of 10^5 lines
    never exists as one string); each piece is cleaned as :func:`write` cleans, cut at a line break
    so no value is split between two pieces."""
    pending: list[str] = []
    size = 0
    for piece in json.JSONEncoder(indent=2, ensure_ascii=True, default=str).iterencode(data):
        pending.append(piece)
        size += len(piece)
        if size >= 1 << 16 and "\n" in piece:
            text = "".join(pending)
            cut = text.rindex("\n") + 1
            sys.stdout.write(clean(text[:cut]))
            pending, size = [text[cut:]], len(text) - cut
    sys.stdout.write(clean("".join(pending)) + "\n")
    sys.stdout.flush()


def write(text: str, *, err: bool = False) -> None:
    """Print one line (or several) that is not rich output, cleaned, and flush it."""
    stream = sys.stderr if err else sys.stdout
    stream.write(clean(text) + "\n")
    stream.flush()
