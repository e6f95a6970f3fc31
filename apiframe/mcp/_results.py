"""Tool results: data from outside (job errors, prompts, URLs) bounded, redacted, and shown as content.

Every result is one JSON text block (also given as ``structuredContent``) followed by image blocks
and resource links. Strings that came from the API or a file host are data: each is cut to
:data:`MAX_TEXT` characters, lists and objects to :data:`MAX_ITEMS` entries and
:data:`MAX_DEPTH` levels, and any registered secret (the API key) is replaced, so no tool result
can carry the key or grow without bound, whatever the server sent; escape sequences and lone
surrogates are removed (an assistant may show the text in a terminal, and a lone surrogate cannot
be sent at all), and a result URL is linked only when it is a plain ``http(s)`` URL.
"""

from __future__ import annotations

import json
import mimetypes
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import mcp.types as types

from .._display._html import web_url
from .._jobs import Output
from .._logging import redact
from .._text import without_escapes
from ._previews import Preview

__all__ = ["MAX_TEXT", "bounded", "error_result", "file_links", "job_data", "job_result", "kind_of", "result"]

MAX_TEXT = 2000
"""Characters kept of any one string from outside."""
MAX_URL = 4096
"""A longer URL is left out (a cut URL would point nowhere)."""
MAX_ITEMS = 100
MAX_DEPTH = 8
MAX_ERROR = 4000


def _cut(text: str, limit: int = MAX_TEXT) -> str:
    """Outside text as a result carries it: no escape sequence or lone surrogate (an assistant may
    show it in a terminal; a lone surrogate cannot be sent), no secret, at most ``limit`` characters."""
    text = redact(without_escapes(text))
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... [{len(text) - limit} more characters]"


def bounded(value: Any, depth: int = 0) -> Any:
    """``value`` as JSON data, bounded in size and depth, secrets redacted."""
    if depth > MAX_DEPTH:
        return "[nested too deep]"
    if isinstance(value, str):
        return _cut(value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return value if value == value and value not in (float("inf"), float("-inf")) else str(value)
    if isinstance(value, Mapping):
        items = list(value.items())
        out = {_cut(str(k), 200): bounded(v, depth + 1) for k, v in items[:MAX_ITEMS]}
        if len(items) > MAX_ITEMS:
            out["..."] = f"{len(items) - MAX_ITEMS} more entries"
        return out
    if isinstance(value, list | tuple):
        out_list = [bounded(v, depth + 1) for v in value[:MAX_ITEMS]]
        if len(value) > MAX_ITEMS:
            out_list.append(f"... {len(value) - MAX_ITEMS} more items")
        return out_list
    if hasattr(value, "to_dict"):
        return bounded(value.to_dict(), depth + 1)
    return _cut(str(value))


def kind_of(output: Output) -> str:
    """``image``, ``video``, ``audio`` or ``file``, from the content type, else the URL's extension."""
    content_type = output.content_type or mimetypes.guess_type(urlsplit(output.url).path)[0] or ""
    major = content_type.split("/", 1)[0].lower()
    return major if major in ("image", "video", "audio") else "file"


def _mime(output: Output) -> str | None:
    return output.content_type or mimetypes.guess_type(urlsplit(output.url).path)[0]


def _plain(value: Any) -> Any:
    """A generated model's optional field as plain data (its UNSET marker as None)."""
    return value if isinstance(value, str | int | float | bool | dict | list) or value is None else None


def job_data(job: Any) -> dict[str, Any]:
    """What a tool tells about a job: id, status, progress, cost, error and result files."""
    outputs = [
        {"index": o.index, "kind": kind_of(o), "content_type": o.content_type, "url": o.url}
        for o in getattr(job, "outputs", ())
        if len(o.url) <= MAX_URL and web_url(o.url) is not None
    ]
    data = {
        "job_id": str(job.id),
        "status": str(job.status),
        "model": _plain(job.model),
        "progress": _plain(job.progress),
        "credit_cost": _plain(job.credit_cost),
        "error": _plain(job.error),
        "created_at": job.created_at.isoformat() if isinstance(job.created_at, datetime) else None,
        "outputs": outputs,
    }
    return dict(bounded(data))


def _links(job_id: str, outputs: Sequence[Output]) -> list[types.ContentBlock]:
    return [
        types.ResourceLink(
            uri=output.url,
            name=f"{job_id}-{output.index}",
            title=f"{kind_of(output)} {output.index} of job {job_id}",
            mime_type=_mime(output),
        )
        for output in outputs
        if len(output.url) <= MAX_URL and web_url(output.url) is not None
    ]


def file_links(job_id: str, paths: Sequence[Path]) -> list[types.ContentBlock]:
    """Resource links to files saved on this machine (``file://`` URIs)."""
    return [
        types.ResourceLink(
            uri=path.as_uri(),
            name=path.name,
            title=f"file {number} of job {job_id}",
            mime_type=mimetypes.guess_type(path.name)[0],
        )
        for number, path in enumerate(paths, 1)
    ]


def result(
    data: Mapping[str, Any],
    *,
    previews: Sequence[Preview] = (),
    links: Sequence[types.ContentBlock] = (),
    error: bool = False,
) -> types.CallToolResult:
    """A tool result: ``data`` as JSON (text and structured), then image blocks and links."""
    notes = [f"output {p.index}: {p.note}" for p in previews if p.note]
    payload = dict(bounded(dict(data)))
    if notes:
        payload["preview_notes"] = notes
    content: list[types.ContentBlock] = [types.TextContent(text=json.dumps(payload, indent=1, ensure_ascii=False))]
    content += [p.block for p in previews if p.block is not None]
    content += list(links)
    return types.CallToolResult(content=content, structured_content=payload, is_error=error)


def job_result(
    job: Any, previews: Sequence[Preview] = (), *, note: str | None = None, error: bool = False
) -> types.CallToolResult:
    """A job's result: its data, image previews, and a link to every result file."""
    data = job_data(job)
    if note:
        data["note"] = note
    return result(data, previews=previews, links=_links(str(job.id), tuple(job.outputs)), error=error)


def error_result(message: str) -> types.CallToolResult:
    """A tool error carrying ``message`` (the SDK's own words), bounded and redacted."""
    text = _cut(str(message), MAX_ERROR)
    return types.CallToolResult(content=[types.TextContent(text=text)], is_error=True)
