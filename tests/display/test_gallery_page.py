"""The gallery page as written (no browser): outside text escaped, unsafe names dropped, the
post-run refresh bounded in reads."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from types import SimpleNamespace

from apiframe.batch import open_store
from apiframe.batch._gallery import GALLERY_NAME, line_fields, write_gallery

HOSTILE = '</script><script>alert(1)</script>" onerror=alert(2) javascript:alert(3)'


def _record(out: Path, line: int, status: str, **fields: object) -> None:
    folder = out / "state" / f"{line:010d}"
    folder.mkdir(parents=True, exist_ok=True)
    body = {"line": line, "seq": 1, "status": status, "writer": "a" * 16, "input": "x", "key": "k", **fields}
    (folder / f"000001.{status}.{'a' * 16}.json").write_text(json.dumps(body))


def test_outside_text_never_becomes_markup(tmp_path: Path) -> None:
    _record(tmp_path, 1, "failed", model=HOSTILE, error=HOSTILE, prompt=HOSTILE, files=["../x.png", "ok.png"])
    asyncio.run(write_gallery(open_store(str(tmp_path))))
    page = (tmp_path / GALLERY_NAME).read_text()
    assert page.count("<script") == 2  # the page's own data block and script, nothing else
    found = re.search(r'type="application/json">(.*?)</script>', page, re.S)
    assert found is not None and "<" not in found.group(1) and ">" not in found.group(1)
    markup = page.replace(found.group(1), "")
    assert "alert(1)" in markup and "<script>alert(1)" not in markup and '" onerror' not in markup
    data = json.loads(found.group(1))
    (row,) = data["inline"]["1"]
    assert row["f"] == [["ok.png", "image"]] and row["m"] == HOSTILE and row["e"] == HOSTILE


def test_after_a_run_the_gallery_reads_only_what_the_run_does_not_know(tmp_path: Path) -> None:
    store = open_store(str(tmp_path))
    _record(tmp_path, 1, "completed", model="flux-1.1-pro", files=["a.png"])
    _record(tmp_path, 2, "completed", model="flux-1.1-pro", files=["b.png"])
    assert asyncio.run(write_gallery(store, max_reads=1)) is None  # two records to read: left to `batch report`
    assert not (tmp_path / GALLERY_NAME).exists()
    task = SimpleNamespace(line=1, model="suno", job_id="j", files=["a.wav"], error=None, request=None, job=None)
    assert asyncio.run(write_gallery(store, tasks=[task], max_reads=1)) == GALLERY_NAME
    assert '"m":"suno"' in (tmp_path / GALLERY_NAME).read_text()  # line 1 as the run knows it


def test_records_keep_a_short_prompt_and_the_page_shows_the_credits(tmp_path: Path) -> None:
    task = SimpleNamespace(request=SimpleNamespace(prompt="p" * 1000), job=SimpleNamespace(credit_cost=4))
    fields = line_fields(task)
    assert len(fields["prompt"]) == 300
    assert line_fields(SimpleNamespace(request=None, job=None)) == {}
    _record(tmp_path, 1, "completed", model="flux-1.1-pro", files=["a.png"], credit_cost=7)
    asyncio.run(write_gallery(open_store(str(tmp_path))))
    assert '"c":7' in (tmp_path / GALLERY_NAME).read_text()  # the engine's credit_cost field
