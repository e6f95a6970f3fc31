"""Outside text and URLs into HTML: the one guard every display goes through.

Prompts, errors, model names, ids, URLs and file names come from the API, a batch's store or
the user: they are data. Text is escaped (``&<>"'``) wherever it lands, in element content or
attribute values, after :func:`apiframe._text.without_escapes` and redaction (:func:`esc`); a link
or media source is either an ``http(s)`` URL or a relative path of plain segments (no scheme, no
``..``, no leading ``/``), else it is not linked at all.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

from .._files import EXTENSIONS
from .._logging import redact
from .._text import without_escapes

__all__ = ["MEDIA_KINDS", "esc", "media_kind", "media_tag", "relative_url", "web_url"]

MEDIA_KINDS = ("image", "video", "audio")
_BY_EXTENSION = {ext: kind for kind, ext in ((t.partition("/")[0], e) for t, e in EXTENSIONS.items())}
_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f\\<>\"'`]")
_SEGMENT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.=+-]{0,199}")


def esc(value: object) -> str:
    """``value`` as text safe in HTML content and in quoted attribute values: escaped, without
    escape sequences, bidirectional controls or lone surrogates, any registered secret redacted
    (a notebook's outputs are often saved and shared)."""
    return html.escape(redact(without_escapes(str(value))), quote=True)


def web_url(url: object) -> str | None:
    """``url`` when it is an absolute ``http(s)`` URL with a host and nothing that could break out, else None."""
    if not isinstance(url, str) or len(url) > 8192 or _UNSAFE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def relative_url(name: object) -> str | None:
    """The relative URL of an object ``name`` (``a/b.png`` -> ``a/b.png``, percent-encoded), or None.

    Only names of plain segments (letters, digits, ``_ . = + -``, not starting with ``.``) pass, so
    the URL stays inside the folder the page is in, on disk or in object storage.
    """
    if not isinstance(name, str) or not name or len(name) > 900:
        return None
    parts = name.split("/")
    if len(parts) > 16 or not all(_SEGMENT.fullmatch(part) for part in parts):
        return None
    return "/".join(quote(part, safe="") for part in parts)


def media_kind(content_type: object, name: object) -> str | None:
    """``image``, ``video`` or ``audio`` from a content type, else from the name's extension."""
    if isinstance(content_type, str):
        major = content_type.split("/", 1)[0].strip().lower()
        if major in MEDIA_KINDS:
            return major
    if isinstance(name, str):
        path = name.split("?", 1)[0].split("#", 1)[0].lower()
        dot = path.rfind(".")
        if dot >= 0 and "/" not in path[dot:]:
            return _BY_EXTENSION.get(path[dot:])
    return None


def media_tag(kind: str | None, src: str, *, label: str, width: int | None = None) -> str:
    """An ``<img>``, ``<video>`` or ``<audio>`` element for ``src`` (already checked), or a link."""
    source, text = esc(src), esc(label)
    size = f"max-width:{width}px;max-height:{width}px;" if width else "max-width:100%;"
    if kind == "image":
        return f'<img src="{source}" alt="{text}" title="{text}" loading="lazy" style="{size}height:auto">'
    if kind == "video":
        return f'<video src="{source}" title="{text}" controls muted preload="metadata" style="{size}"></video>'
    if kind == "audio":
        return f'<audio src="{source}" title="{text}" controls preload="metadata"></audio>'
    return f'<a href="{source}" target="_blank" rel="noopener noreferrer">{text}</a>'
