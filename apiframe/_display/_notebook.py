"""Rich displays for Jupyter and IPython: ``_repr_html_`` and ``_repr_pretty_`` of the SDK's results.

:func:`html` draws a job (status, progress, prompt, error, expiry and its files: images inline,
``<video>`` and ``<audio>`` players), an output, an accepted-job handle, a page of jobs (one
thumbnail each) or a batch result; :func:`pretty` is the plain-text twin for IPython's
terminal. Nothing here sends a request: the browser loads the result URLs itself, and only
``http(s)`` URLs are ever put in the page (see :mod:`._html`).
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .._logging import redact
from .._plural import counted
from .._text import without_escapes
from ._html import esc, media_kind, media_tag, relative_url, web_url

__all__ = ["html", "pretty", "text"]

RETENTION = _dt.timedelta(hours=24)
"""How long the API keeps result files by default."""
THUMBNAILS_FROM = 2
"""From this many outputs on, they are shown as thumbnails."""
THUMBNAIL = 160
PAGE_THUMBNAIL = 96
MAX_ROWS = 200
"""Rows of a page or batch table shown; the rest are counted."""
MAX_TEXT = 600

_STATUS_COLOURS = {
    "COMPLETED": "#1a7f37",
    "FAILED": "#cf222e",
    "CANCELLED": "#6e7781",
    "PROCESSING": "#0969da",
    "QUEUED": "#9a6700",
    "completed": "#1a7f37",
    "failed": "#cf222e",
}
_BOX = (
    "font-family:system-ui,sans-serif;font-size:13px;line-height:1.45;"
    "border:1px solid #d0d7de;border-radius:6px;padding:8px 10px;margin:2px 0"
)
_LINK = 'target="_blank" rel="noopener noreferrer"'
_ROW = "display:flex;flex-wrap:wrap;align-items:flex-start;gap:4px;margin-top:6px"
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")
"""What the text display drops once :func:`~apiframe._text.without_escapes` ran (tab and newline kept)."""


def _value(obj: Any, name: str) -> Any:
    """An attribute, with the generated models' ``UNSET`` read as None."""
    value = getattr(obj, name, None)
    return None if type(value).__name__ == "Unset" else value


def _short(value: object, limit: int = MAX_TEXT) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _badge(status: object) -> str:
    colour = _STATUS_COLOURS.get(str(status), "#57606a")
    return (
        f'<span class="apiframe-status" style="background:{colour};color:#fff;border-radius:10px;'
        f'padding:1px 8px;font-size:12px">{esc(status)}</span>'
    )


def _prompt_of(job: Any) -> str | None:
    data = _value(job, "input")
    properties = getattr(data, "additional_properties", data)
    if isinstance(properties, dict):
        prompt = properties.get("prompt")
        return prompt if isinstance(prompt, str) and prompt else None
    return None


def _when(moment: object) -> str:
    if isinstance(moment, _dt.datetime):
        return moment.astimezone(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return str(moment)


def _expiry(job: Any) -> str | None:
    if _value(job, "expired") is True:
        return "results expired: the files were purged"
    completed = _value(job, "completed_at")
    if str(_value(job, "status")) == "COMPLETED" and isinstance(completed, _dt.datetime):
        return f"results kept until about {_when(completed + RETENTION)} (24 h by default)"
    return None


def _outputs_html(outputs: Sequence[Any], *, size: int | None) -> str:
    shown = []
    for output in outputs:
        url = web_url(_value(output, "url"))
        if url is None:
            continue
        kind = media_kind(_value(output, "content_type"), url)
        label = f"output {_value(output, 'index')}"
        shown.append(
            f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer" style="margin:2px">'
            f"{media_tag(kind, url, label=label, width=size)}</a>"
            if kind == "image"
            else f'<span style="margin:2px">{media_tag(kind, url, label=label, width=size)}</span>'
        )
    if not shown:
        return ""
    return f'<div class="apiframe-outputs" style="{_ROW}">' + "".join(shown) + "</div>"


def job_html(job: Any) -> str:
    status = _value(job, "status")
    parts = [
        f'<div class="apiframe-job" style="{_BOX}">',
        f"<div><b>Job</b> <code>{esc(_value(job, 'id'))}</code> {_badge(status)} "
        f'<span style="color:#57606a">{esc(_value(job, "model") or "")}</span></div>',
    ]
    progress = _value(job, "progress")
    if str(status) in ("QUEUED", "PROCESSING") and isinstance(progress, int):
        parts.append(
            f'<div><progress max="100" value="{max(0, min(100, progress))}" style="width:240px"></progress> '
            f"{max(0, min(100, progress))} %</div>"
        )
    prompt = _prompt_of(job)
    if prompt:
        parts.append(f'<div class="apiframe-prompt" style="white-space:pre-wrap">{esc(_short(prompt))}</div>')
    error = _value(job, "error")
    if error:
        parts.append(
            f'<div class="apiframe-error" style="color:#cf222e;white-space:pre-wrap">{esc(_short(error))}</div>'
        )
    facts = []
    credits = _value(job, "credit_cost")
    if credits is not None:
        facts.append(f"{esc(credits)} credits")
    created = _value(job, "created_at")
    if created is not None:
        facts.append(f"created {esc(_when(created))}")
    expiry = _expiry(job)
    if expiry:
        facts.append(f'<span class="apiframe-expiry">{esc(expiry)}</span>')
    if facts:
        parts.append(f'<div style="color:#57606a;font-size:12px">{" · ".join(facts)}</div>')
    outputs = list(getattr(job, "outputs", ()) or ()) if _value(job, "expired") is not True else []
    parts.append(_outputs_html(outputs, size=THUMBNAIL if len(outputs) >= THUMBNAILS_FROM else None))
    parts.append("</div>")
    return "".join(parts)


def output_html(output: Any) -> str:
    url = web_url(_value(output, "url"))
    label = f"output {_value(output, 'index')}"
    if url is None:
        return (
            f'<div class="apiframe-output" style="{_BOX}">{esc(label)}: <code>{esc(_value(output, "url"))}</code></div>'
        )
    kind = media_kind(_value(output, "content_type"), url)
    return (
        f'<div class="apiframe-output" style="{_BOX}">{media_tag(kind, url, label=label)}'
        f'<div style="font-size:12px"><a href="{esc(url)}" {_LINK}>{esc(label)}</a></div></div>'
    )


def handle_html(handle: Any) -> str:
    return (
        f'<div class="apiframe-job" style="{_BOX}"><b>{esc(type(handle).__name__)}</b> '
        f"<code>{esc(_value(handle, 'job_id'))}</code> {_badge(_value(handle, 'status'))}"
        '<div style="color:#57606a;font-size:12px">submitted: <code>.wait()</code> returns the finished job, '
        "<code>.get()</code> its current state</div></div>"
    )


def _table(header: Iterable[str], rows: Iterable[Iterable[str]], *, total: int, caption: str) -> str:
    head = "".join(f'<th style="text-align:left;padding:2px 8px">{esc(name)}</th>' for name in header)
    body = []
    for count, row in enumerate(rows):
        if count >= MAX_ROWS:
            break
        body.append(
            "<tr>" + "".join(f'<td style="padding:2px 8px;vertical-align:top">{cell}</td>' for cell in row) + "</tr>"
        )
    more = f"<div>… and {total - MAX_ROWS} more</div>" if total > MAX_ROWS else ""
    return (
        f'<div class="apiframe-table" style="{_BOX}"><div><b>{caption}</b></div>'
        f'<table style="border-collapse:collapse"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>{more}</div>"
    )


def page_html(page: Any) -> str:
    items = list(getattr(page, "items", ()))
    if items and all(hasattr(item, "status") and hasattr(item, "outputs") for item in items):
        rows = (
            [
                _outputs_html(list(item.outputs)[:1], size=PAGE_THUMBNAIL)
                if _value(item, "expired") is not True
                else "",
                f"<code>{esc(_value(item, 'id'))}</code>",
                _badge(_value(item, "status")),
                esc(_value(item, "model") or ""),
                esc(_short(_prompt_of(item) or "", 120)),
                f'<span style="color:#cf222e">{esc(_short(_value(item, "error") or "", 200))}</span>',
            ]
            for item in items
        )
        header: list[str] = ["", "job", "status", "model", "prompt", "error"]
    else:
        rows = ([f"<code>{esc(_short(repr(item), 300))}</code>"] for item in items)
        header = ["item"]
    more = " (more pages follow)" if getattr(page, "has_more", False) else ""
    caption = f"{esc(type(page).__name__)}: {counted(len(items), 'item')}{esc(more)}"
    return _table(header, rows, total=len(items), caption=caption)


def _local_file(out: str, name: str) -> str | None:
    """A relative path to a file of a local batch folder under the working directory (what a notebook serves)."""
    if "://" in out and not out.startswith("file://"):
        return None
    try:
        path = (Path(out.removeprefix("file://")) / name).resolve()
        relative = os.path.relpath(path, Path.cwd())
    except (OSError, ValueError):
        return None
    if relative.startswith("..") or os.path.isabs(relative):
        return None
    return "/".join(part for part in Path(relative).parts)


def batch_html(result: Any) -> str:
    lines = list(getattr(result, "lines", ()))
    out = str(_value(result, "out") or "")
    rows = []
    for line in lines:
        files = []
        for name in _value(line, "files") or ():
            local = _local_file(out, str(name))
            kind = media_kind(None, str(name))
            src = relative_url(local) if local is not None else None
            if src is not None and kind is not None:
                files.append(media_tag(kind, src, label=str(name), width=PAGE_THUMBNAIL))
            else:
                files.append(f"<code>{esc(name)}</code>")
        rows.append(
            [
                esc(_value(line, "line")),
                _badge(_value(line, "status")),
                esc(_value(line, "model") or ""),
                f"<code>{esc(_value(line, 'job_id') or '')}</code>",
                " ".join(files),
                f'<span style="color:#cf222e">{esc(_short(_value(line, "error") or "", 200))}</span>',
            ]
        )
    done, failed, left = (_value(result, name) for name in ("completed", "failed", "unfinished"))
    counts = f"{done} completed, {failed} failed, {left} unfinished"
    caption = f"batch in {esc(out)} (shard {esc(_value(result, 'shard'))}): {esc(counts)}"
    return _table(["line", "status", "model", "job", "files", "error"], rows, total=len(rows), caption=caption)


def _kind(obj: Any) -> str:
    """Which display ``obj`` gets, by shape (the classes delegate here, so no import of theirs is needed)."""
    if hasattr(obj, "job_id") and hasattr(obj, "status"):
        return "handle"
    if hasattr(obj, "outputs") and hasattr(obj, "status"):
        return "job"
    if hasattr(obj, "url") and hasattr(obj, "index"):
        return "output"
    if hasattr(obj, "shard") and hasattr(obj, "lines"):
        return "batch"
    return "page"


def html(obj: Any) -> str:
    """The notebook HTML of a job, output, handle, page or batch result."""
    draw = {"handle": handle_html, "job": job_html, "output": output_html, "batch": batch_html, "page": page_html}
    return draw[_kind(obj)](obj)


# -- plain text (IPython's terminal) ------------------------------------------------------------


def _plain(value: object, limit: int = 200) -> str:
    """Outside text for a terminal: escape sequences and control characters removed, any
    registered secret redacted, shortened."""
    return _short(redact(_CONTROL.sub("", without_escapes(str(value)))), limit)


def text(obj: Any) -> str:
    """The plain-text display of the same objects as :func:`html`."""
    kind = _kind(obj)
    if kind == "handle":
        return f"{type(obj).__name__}(job_id={_plain(obj.job_id)!r}, status={_plain(obj.status)!r})"
    if kind == "job":
        lines = [f"Job {_plain(_value(obj, 'id'))} {_plain(_value(obj, 'status'))} ({_plain(_value(obj, 'model'))})"]
        progress = _value(obj, "progress")
        if str(_value(obj, "status")) in ("QUEUED", "PROCESSING") and progress is not None:
            lines.append(f"  progress: {_plain(progress)} %")
        prompt = _prompt_of(obj)
        if prompt:
            lines.append(f"  prompt: {_plain(prompt)}")
        if _value(obj, "error"):
            lines.append(f"  error: {_plain(_value(obj, 'error'), 600)}")
        expiry = _expiry(obj)
        if expiry:
            lines.append(f"  {expiry}")
        lines += [f"  {_plain(o.index)}: {_plain(o.url, 2000)}" for o in getattr(obj, "outputs", ())]
        return "\n".join(lines)
    if kind == "output":
        media = f" {_plain(obj.content_type)}" if _value(obj, "content_type") else ""
        return f"Output {_plain(obj.index)}{media}: {_plain(obj.url, 2000)}"
    if kind == "batch":
        lines = [
            f"batch in {_plain(obj.out)} (shard {_plain(obj.shard)}): {obj.completed} completed, "
            f"{obj.failed} failed, {obj.unfinished} unfinished"
        ]
        for line in list(obj.lines)[:MAX_ROWS]:
            error = f": {_plain(line.error)}" if line.error else ""
            lines.append(
                f"  line {line.line} {_plain(line.status)} {_plain(line.model)} {_plain(line.job_id or '-')}{error}"
            )
        return "\n".join(lines)
    items = list(getattr(obj, "items", ()))
    more = " (more pages follow)" if getattr(obj, "has_more", False) else ""
    head = f"{type(obj).__name__}: {counted(len(items), 'item')}{more}"
    return "\n".join([head, *(f"  {_item_line(item)}" for item in items[:MAX_ROWS])])


def _item_line(item: Any) -> str:
    if hasattr(item, "outputs") and hasattr(item, "status"):
        status, model = _plain(_value(item, "status")), _plain(_value(item, "model"))
        return f"{_plain(_value(item, 'id'))} {status} {model} ({counted(len(item.outputs), 'output')})"
    return _plain(repr(item), 300)


def pretty(obj: Any, printer: Any, cycle: bool) -> None:
    """IPython's ``_repr_pretty_``: :func:`text` into ``printer``."""
    printer.text(f"{type(obj).__name__}(...)" if cycle else text(obj))
