"""A job snapshot (:class:`Job`) and its result files (:class:`Output`), read from its untyped ``result``.

The spec leaves ``Job.result`` open (any JSON), and each provider shapes it its own way: a URL,
a list of URLs, ``{"outputs": [{"url": ..., "contentType": ...}]}``, ``{"images": [...]}``. So
outputs are found by shape, never by model: every ``http(s)`` URL in the result, in document
order, once each, with the content type given beside it when there is one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
from apiframe_client.models.job import Job as _GeneratedJob
from apiframe_client.types import Unset

from ._display import _notebook

__all__ = ["Job", "Output", "outputs_of"]

_URL_KEYS = ("url", "uri", "href")
_TYPE_KEYS = ("contentType", "content_type", "mimeType", "mime_type", "mimetype")
_MAX_DEPTH = 16


@attrs.frozen
class Output:
    """One result file of a job: its URL, 1-based position and, when the API says, content type."""

    url: str
    index: int
    content_type: str | None = None

    def _repr_html_(self) -> str:
        return _notebook.html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        _notebook.pretty(self, printer, cycle)


def _is_url(value: object) -> bool:
    return isinstance(value, str) and value.startswith(("https://", "http://"))


def _found(node: Any, depth: int = 0) -> Iterator[tuple[str, str | None]]:
    if depth > _MAX_DEPTH:
        return
    if _is_url(node):
        yield node, None
    elif isinstance(node, dict):
        url = next((node[k] for k in _URL_KEYS if _is_url(node.get(k))), None)
        if url is not None:
            kind = next((node[k] for k in _TYPE_KEYS if isinstance(node.get(k), str)), None)
            yield url, kind
            return
        for value in node.values():
            yield from _found(value, depth + 1)
    elif isinstance(node, list):
        for item in node:
            yield from _found(item, depth + 1)


def outputs_of(result: Any) -> tuple[Output, ...]:
    """Every result file URL in ``result`` (any shape), in order, each once."""
    seen: dict[str, str | None] = {}
    for url, kind in _found(None if isinstance(result, Unset) else result):
        if url not in seen or (seen[url] is None and kind is not None):
            seen[url] = kind
    return tuple(Output(url=url, index=n, content_type=kind) for n, (url, kind) in enumerate(seen.items(), 1))


class Job(_GeneratedJob):
    """A job snapshot (``GET /v2/jobs/{id}``) with its result files as :attr:`outputs`."""

    __slots__ = ()

    @property
    def outputs(self) -> tuple[Output, ...]:
        """The result files (empty until the job is COMPLETED)."""
        return outputs_of(self.result)

    def _repr_html_(self) -> str:
        return _notebook.html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        _notebook.pretty(self, printer, cycle)
