"""Tables that fit the terminal: one line per record when it fits, never a cut id or name.

Every column but one keeps its text on one line; the ``wrap`` column (a label, an error, a list of
files) wraps between words inside its cell. When even that does not fit the width, each record is
printed as one short paragraph instead: its fields in order, separated by two spaces and wrapped
between fields (continuation lines indented), so ids and errors always survive whole. Cells are
outside text or the CLI's own: a string is shown literally by the terminal guard, a
:class:`rich.text.Text` keeps its style.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ._messages import task_problem
from ._terminal import one_line

if TYPE_CHECKING:
    from ..batch._runner import Task

__all__ = ["STATUS_STYLES", "Cell", "fit_table", "status_text", "summary_table"]

Cell = str | Text
Justify = Literal["left", "right", "center"]

STATUS_STYLES = {
    "completed": "green",
    "failed": "red",
    "cancelled": "red",
    "submitted": "cyan",
    "processing": "cyan",
    "queued": "cyan",
    "pending": "yellow",
    "unfinished": "yellow",
}
_WRAP_MIN = 16
"""The narrowest the wrapping column gets before records turn into paragraphs."""
_GAP = 2


def status_text(status: str, shown: str | None = None) -> Text:
    """A status (the API's or a batch line's) in its colour; ``shown`` replaces the text."""
    return Text(one_line(shown if shown is not None else status), style=STATUS_STYLES.get(status.lower(), ""))


def _plain(cell: Cell) -> str:
    return one_line(cell.plain if isinstance(cell, Text) else cell)


def _as_text(cell: Cell) -> Text:
    return Text(_plain(cell), style=cell.style if isinstance(cell, Text) else "")


def fit_table(
    width: int,
    columns: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    title: str | None = None,
    caption: str | None = None,
    justify: Mapping[str, Justify] | None = None,
    wrap: str | None = None,
    bare: Collection[str] = (),
) -> RenderableType:
    """``rows`` under ``columns`` in at most ``width`` cells: a table, else one paragraph per record.

    In a paragraph every field but the ``bare`` ones (self-describing values: ids, models,
    statuses, errors) is preceded by its column's name.
    """
    widths = [max([cell_len(_plain(row[i])) for row in rows] + [cell_len(name)]) for i, name in enumerate(columns)]
    needed = sum(
        min(w, max(_WRAP_MIN, cell_len(name))) if name == wrap else w for name, w in zip(columns, widths, strict=True)
    )
    needed += _GAP * (len(columns) - 1)
    parts: list[RenderableType] = []
    if title:
        parts.append(Text(one_line(title), style="bold"))
    if needed <= width:
        table = Table(box=None, pad_edge=False, padding=(0, 1), header_style="bold", expand=False)
        for name in columns:
            table.add_column(
                name,
                justify=(justify or {}).get(name, "left"),
                no_wrap=name != wrap,
                overflow="fold",
                min_width=min(_WRAP_MIN, cell_len(name)) if name == wrap else None,
            )
        room = width - (needed - min(widths[columns.index(wrap)], max(_WRAP_MIN, cell_len(wrap)))) if wrap else 0
        for row in rows:
            cells = [_as_text(cell) for cell in row]
            if wrap:  # a word longer than its column (a path) folds there instead of being cut
                index = columns.index(wrap)
                folded = textwrap.wrap(cells[index].plain, max(room, 1), break_on_hyphens=False) or [""]
                cells[index] = Text("\n".join(folded), style=cells[index].style)
            table.add_row(*cells)
        parts.append(table)
    else:
        for row in rows:
            parts.append(_paragraph(columns, row, width=width, wrap=wrap, bare=bare))
    if caption:
        parts.append(Text(one_line(caption), style="dim"))
    return Group(*parts)


def _paragraph(
    columns: Sequence[str], row: Sequence[Cell], *, width: int, wrap: str | None, bare: Collection[str]
) -> Text:
    """One record as lines of fields (two spaces apart), wrapped between fields; a field wider than
    a line (an error) between its words."""
    indent = " " * _GAP
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0
    for name, cell in zip(columns, row, strict=True):
        value = _plain(cell)
        if not value or value == "-":
            continue
        if name not in bare and name != wrap:
            value = f"{name} {value}"
        style = str(cell.style) if isinstance(cell, Text) else ""
        room = width - (len(indent) if len(lines) > 1 else 0)
        gap = _GAP if lines[-1] else 0
        if used + gap + cell_len(value) <= room:
            lines[-1].append((value, style))
            used += gap + cell_len(value)
            continue
        if lines[-1]:
            lines.append([])
            used, room = 0, width - len(indent)
        pieces = textwrap.wrap(value, max(room, 8), break_on_hyphens=False) or [value]
        for n, piece in enumerate(pieces):
            if n:
                lines.append([])
            lines[-1].append((piece, style))
        used = cell_len(pieces[-1])
    text = Text(no_wrap=True, overflow="fold")
    for n, line in enumerate(line for line in lines if line):
        if n:
            text.append("\n" + indent)
        for m, (value, style) in enumerate(line):
            if m:
                text.append(" " * _GAP)
            text.append(value, style=style)
    return text


def summary_table(
    tasks: Sequence[Task],
    *,
    width: int,
    title: str,
    caption: str | None = None,
    every_line: bool = False,
    location: Callable[[str], str] | None = None,
) -> RenderableType:
    """A run's end: ``title`` (its totals), then the lines that did not complete (``every_line``:
    every line, with the files it saved, named in full)."""
    rows: list[list[Cell]] = []
    for task in tasks:
        if task.status == "completed" and not every_line:
            continue
        unfinished = not task.done
        shown = "unfinished" if unfinished else task.status
        if task.status == "completed":
            detail = ", ".join(location(name) if location else name for name in task.files)
        else:
            detail = task_problem(task)
        rows.append([str(task.line), task.model, status_text(shown), task.job_id or "-", detail])
    if not rows:
        heading = Text(one_line(title), style="bold")
        return Group(heading, Text(one_line(caption), style="dim")) if caption else heading
    columns = ["#", "model", "status", "job id", "files / error" if every_line else "error"]
    return fit_table(
        width,
        columns,
        rows,
        title=title,
        caption=caption,
        justify={"#": "right"},
        wrap=columns[-1],
        bare=columns[1:],
    )
