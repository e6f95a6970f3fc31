"""The gallery of a batch: ``index.html`` beside its results, drawn from the batch's store alone.

One static page, self-contained (its style and script are inline; no CDN, no framework), that
shows every line that has a record: its picture or player, prompt, model, status, credits and
error, with filters by status and model and pages of :data:`PAGE_SIZE` cards. Every link is a
relative path to an object of the store, so the page works from the folder and from object
storage alike, and never points outside its folder.

The counts at the top are :func:`~apiframe.batch.summarise`'s, the same as ``apiframe batch
status``. Lines are kept in chunks of :data:`CHUNK_LINES` consecutive line numbers: a small
batch has them inside the page; a large one has one script per chunk under ``gallery/``,
loaded only when a page shows its lines, so a batch of a million lines opens as fast as one of
ten. Every batch run rewrites the gallery when it ends; ``apiframe batch report OUT`` (or
:func:`write_gallery`) rewrites it at any time.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from .._display._html import esc, media_kind, relative_url
from .._errors import ApiframeError
from ._state import BatchState
from ._store import Store
from ._summary import DONE, FAILED, BatchSummary, summarise

__all__ = ["CHUNK_LINES", "GALLERY_NAME", "PAGE_SIZE", "line_fields", "refresh_gallery", "write_gallery"]

GALLERY_NAME = "index.html"
CHUNK_LINES = 1000
"""Line numbers per chunk of the gallery's data."""
INLINE_CHUNKS = 2
"""Batches whose lines fit in this many chunks keep them inside the page."""
PAGE_SIZE = 48
PROMPT_LIMIT = 300
ERROR_LIMIT = 600
RUNNING = "running"
MAX_READS_AFTER_RUN = 20_000
"""After a run, the gallery is rewritten only if it takes at most this many record reads (other shards' lines)."""
_logger = logging.getLogger("apiframe")


def _short(value: object, limit: int) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def line_fields(task: Any) -> dict[str, Any]:
    """What a line's state record keeps for the gallery besides the engine's fields: its prompt."""
    fields: dict[str, Any] = {}
    request = getattr(task, "request", None)
    prompt = getattr(request, "prompt", None)
    spec = getattr(task, "spec", None)
    if request is None and isinstance(spec, str):  # a batch line not running now: its prompt from its JSON
        data = json.loads(spec)
        prompt = data.get("prompt") if isinstance(data, dict) else None
    if isinstance(prompt, str) and prompt:
        fields["prompt"] = _short(prompt, PROMPT_LIMIT)
    return fields


def _cost(task: Any) -> int | None:
    """The credits a finished run's line cost: its job's ``creditCost``, else what the engine settled."""
    cost = getattr(getattr(task, "job", None), "credit_cost", None)
    if not isinstance(cost, int) or isinstance(cost, bool):
        cost = getattr(task, "credit_cost", None)
    return cost if isinstance(cost, int) and not isinstance(cost, bool) else None


def _task_fields(task: Any) -> dict[str, Any]:
    """A finished run's own line, as its latest record has it (no need to read it back)."""
    return {
        "model": task.model,
        "job_id": task.job_id,
        "files": list(task.files),
        "error": task.error,
        "credit_cost": _cost(task),
        **line_fields(task),
    }


def _status(name_status: str) -> str:
    return name_status if name_status in (DONE, FAILED) else RUNNING


def _entry(line: int, status: str, fields: Mapping[str, Any]) -> dict[str, Any]:
    """One line as the page's script reads it (short keys: a chunk holds a thousand of them)."""
    files = []
    names = fields.get("files")
    for name in names if isinstance(names, list) else ():
        url = relative_url(name)
        if url is not None:
            files.append([url, media_kind(None, name) or "file"])
    credits = fields.get("credit_cost")
    model = fields.get("model")
    return {
        "l": line,
        "s": status,
        "m": str(model) if model is not None else "-",
        "p": _short(fields.get("prompt"), PROMPT_LIMIT),
        "j": _short(fields.get("job_id"), 200),
        "c": credits if isinstance(credits, int) and not isinstance(credits, bool) else None,
        "e": _short(fields.get("error"), ERROR_LIMIT),
        "f": files,
    }


def _json(value: Any) -> str:
    """JSON that is also safe inside ``<script>`` and JavaScript source (no ``<``, ``>``, ``&``, U+2028)."""
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _chunk_name(number: int) -> str:
    return f"gallery/lines-{number:06d}.js"


async def write_gallery(
    store: Store, *, shards: int | None = None, tasks: Iterable[Any] = (), max_reads: int | None = None
) -> str | None:
    """Write ``index.html`` (and, for a large batch, ``gallery/``) into ``store``; its object name.

    ``shards`` is the N of ``K/N`` when the store holds runs of several N (as for ``batch status``).
    ``tasks`` are lines a run just finished, known without reading their records; with
    ``max_reads``, nothing is written (None is returned) when the other lines need more reads.
    """
    known = {task.line: task for task in tasks}
    summary = await summarise(store, shards=shards, max_failures=0)
    state = BatchState(store)
    scan = await state.scan()
    numbers = sorted(scan.lines)
    if max_reads is not None and sum(line not in known for line in numbers) > max_reads:
        return None
    groups: dict[int, list[int]] = {}
    for line in numbers:
        groups.setdefault((line - 1) // CHUNK_LINES + 1, []).append(line)
    inline = len(groups) <= INLINE_CHUNKS
    chunks: list[dict[str, Any]] = []
    inline_rows: dict[str, list[dict[str, Any]]] = {}
    models: Counter[str] = Counter()
    for number, lines in groups.items():
        view = await state.latest([line for line in lines if line not in known], scan=scan)
        rows = []
        for line in lines:
            latest = scan.latest(line)
            if latest is None:
                continue
            record = view.records.get(line)
            fields = _task_fields(known[line]) if line in known else record.fields if record is not None else {}
            rows.append(_entry(line, _status(latest.status), fields))
        counts = Counter((row["s"], row["m"]) for row in rows)
        models.update(row["m"] for row in rows)
        chunks.append({"n": number, "k": [[status, model, count] for (status, model), count in sorted(counts.items())]})
        if inline:
            inline_rows[str(number)] = rows
        else:
            script = f"window.apiframeGallery.add({number},{_json(rows)});\n"
            await store.write_bytes(_chunk_name(number), script.encode())
    data = {"page": PAGE_SIZE, "chunks": chunks, "inline": inline_rows if inline else None}
    page = _page(store, summary, data, models)
    await store.write_bytes(GALLERY_NAME, page.encode())
    return GALLERY_NAME


async def refresh_gallery(store: Store, *, shards: int | None = None, tasks: Iterable[Any] = ()) -> str | None:
    """:func:`write_gallery` after a run of ``tasks``: its name, or None when it was not written.

    A store that refuses it is logged, never raised (the run is done). When other shards' lines
    would take more than :data:`MAX_READS_AFTER_RUN` reads, the gallery is left to
    ``apiframe batch report`` (logged), so a large sharded batch does not read every record at the
    end of every shard.
    """
    try:
        written = await write_gallery(store, shards=shards, tasks=tasks, max_reads=MAX_READS_AFTER_RUN)
    except (ApiframeError, OSError) as error:
        _logger.warning("the batch gallery %s/%s was not written: %s", store.url, GALLERY_NAME, error)
        return None
    if written is None:
        _logger.info(
            "the batch gallery was not rewritten: run `apiframe batch report %s` once the shards are done", store.url
        )
    return written


def _asset(name: str) -> str:
    return resources.files("apiframe.batch").joinpath(name).read_text(encoding="utf-8")


def _count(value: int | None) -> str:
    return "?" if value is None else str(value)


def _page(store: Store, summary: BatchSummary, data: Mapping[str, Any], models: Counter[str]) -> str:
    title = f"apiframe batch: {store.url.rstrip('/').rsplit('/', 1)[-1] or store.url}"
    totals = [
        ("lines", summary.lines),
        ("completed", summary.done),
        ("failed", summary.failed),
        ("running", summary.running),
        ("pending", summary.pending),
    ]
    counts = "".join(
        f'<div class="count"><span class="n" id="count-{name}">{_count(value)}</span> {name}</div>'
        for name, value in totals
    )
    statuses = "".join(
        f'<option value="{status}">{status} ({_count(value)})</option>'
        for status, value in (("completed", summary.done), ("failed", summary.failed), ("running", summary.running))
    )
    model_options = "".join(
        f'<option value="{esc(model)}">{esc(model)} ({count})</option>' for model, count in sorted(models.items())
    )
    written = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{esc(title)}</title>
<style>{_asset("gallery.css")}</style>
</head>
<body>
<header>
<h1>{esc(title)}</h1>
<div class="counts">{counts}</div>
<div class="note">{esc(store.url)} · written {esc(written)} · lines not started yet are counted as pending</div>
<form class="filters" onsubmit="return false">
<label>status <select id="filter-status"><option value="">all</option>{statuses}</select></label>
<label>model <select id="filter-model"><option value="">all</option>{model_options}</select></label>
<span id="shown"></span>
</form>
</header>
<noscript><p>The cards need JavaScript; the files are beside this page.</p></noscript>
<main id="cards"></main>
<nav class="pages"><button id="previous" type="button">previous</button> <span id="page"></span>
<button id="next" type="button">next</button></nav>
<script id="gallery-data" type="application/json">{_json(data)}</script>
<script>{_asset("gallery.js")}</script>
</body>
</html>
"""
