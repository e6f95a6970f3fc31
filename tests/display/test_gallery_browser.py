"""The batch gallery in a real headless Chromium (the Debian package, driven over DevTools).

A real batch against the sandbox (pictures of three aspect ratios, a video, music, a failed line
whose prompt holds markup) plus records forged into its store (hostile model, error and file
names, as anyone who can write to the store could leave): every picture decodes, every video
can play, the counts are ``batch status``'s, nothing from the data runs or points outside the
folder, filters work. A large batch (forged records) is paged and loads only the chunk a page
needs. All of it in one browser session; the screenshot is kept in the test's folder.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from chromium import Browser, Tab
from click.testing import CliRunner

from apiframe.batch._gallery import CHUNK_LINES, PAGE_SIZE
from apiframe.cli._app import cli
from apiframe.testing import FAIL_TRIGGER, Sandbox, SandboxConfig

HOSTILE = '<img src=x onerror="window.pwned=1"> " onerror=window.pwned=2 javascript:window.pwned=3'
LINES = [
    {"model": "flux-1.1-pro", "prompt": "a lighthouse at dusk", "params": {"aspect_ratio": "16:9"}},
    {"model": "flux-1.1-pro", "prompt": "a tall tower", "params": {"aspect_ratio": "9:16"}},
    {"model": "nano-banana", "prompt": "a square garden"},
    {"model": "kling-2.5-turbo-pro", "prompt": "waves on a beach", "params": {"duration": 5}},
    {"model": "suno", "prompt": "lo-fi", "params": {"custom_mode": False, "instrumental": True}},
    {"model": "flux-1.1-pro", "prompt": f"{HOSTILE} {FAIL_TRIGGER}"},
]


def _forge(out: Path, line: int, status: str, **fields: Any) -> None:
    """A state record as any writer of the store could leave it."""
    folder = out / "state" / f"{line:010d}"
    folder.mkdir(parents=True, exist_ok=True)
    body = {"line": line, "seq": 1, "status": status, "writer": "f" * 16, "input": "x", "key": "k", **fields}
    (folder / f"000001.{status}.{'f' * 16}.json").write_text(json.dumps(body))


def _cli(*args: str) -> Any:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code in (0, 1), result.output
    return result


def _attributes(tab: Tab) -> list[str]:
    return list(
        tab.eval(
            "[...document.querySelectorAll('[src],[href]')].map(e => e.getAttribute('src') ?? e.getAttribute('href'))"
        )
    )


def _check_media(tab: Tab) -> tuple[int, int]:
    """Every picture on the page decoded (naturalWidth > 0), every video can play: how many of each."""
    tab.wait_for("[...document.querySelectorAll('#cards img')].every(i => i.complete)")
    images = tab.eval("[...document.querySelectorAll('#cards img')].map(i => i.naturalWidth)")
    assert all(width > 0 for width in images), images
    tab.wait_for("[...document.querySelectorAll('#cards video')].every(v => v.readyState >= 1 || v.error)")
    videos = tab.eval("[...document.querySelectorAll('#cards video')].map(v => v.error ? -v.error.code : v.readyState)")
    assert all(state >= 1 for state in videos), videos  # HAVE_METADATA or more: it can play
    return len(images), len(videos)


@pytest.mark.slow
def test_the_gallery_in_chromium(browser: Browser, tmp_path: Path) -> None:
    out, batch = tmp_path / "run", tmp_path / "lines.jsonl"
    batch.write_text("".join(json.dumps(line) + "\n" for line in LINES))
    with Sandbox(SandboxConfig(job_seconds=0.3)) as sandbox:
        connect = ["--api-key", sandbox.api_key, "--base-url", sandbox.base_url]
        ran = _cli(*connect, "batch", str(batch), "--out", str(out), "-c", "6")
    assert f"gallery: {out / 'index.html'}" in ran.stdout.splitlines()[-1]
    # what a hostile writer of the store can leave: markup everywhere, names pointing elsewhere
    _forge(out, 7, "failed", model='<b>m</b>"><script>window.pwned=4</script>', error=HOSTILE, files=[])
    _forge(
        out, 8, "completed", model="flux-1.1-pro", prompt=HOSTILE, credits=1,
        files=["../../secret.png", "/etc/passwd", "https://example.invalid/x.png", "javascript:alert(1)", "a/../b.png"],
    )  # fmt: skip
    status = json.loads(_cli("batch", "status", str(out), "--json").stdout)
    reported = _cli("batch", "report", str(out))
    assert reported.stdout.strip() == f"gallery: {out / 'index.html'}"

    with browser.tab(width=1280, height=3000) as tab:
        tab.open((out / "index.html").as_uri())
        tab.wait_for("document.body.dataset.drawn")
        counts = tab.eval(
            "Object.fromEntries(['lines','completed','failed','running','pending']"
            ".map(n => [n, document.getElementById('count-' + n).textContent]))"
        )
        assert counts == {n: str(status[n]) for n in ("lines", "completed", "failed", "running", "pending")}
        assert tab.eval("document.querySelectorAll('#cards .card').length") == 8
        assert _check_media(tab) == (3, 1)  # 16:9, 9:16 and square pictures; the video
        assert tab.eval("document.querySelectorAll('#cards audio').length") == 2
        sizes = tab.eval("[...document.querySelectorAll('#cards img')].map(i => [i.naturalWidth, i.naturalHeight])")
        assert [1024, 576] in sizes and [576, 1024] in sizes and [1024, 1024] in sizes
        assert tab.eval("document.querySelector('video').duration") == 5
        # markup in the data stays text and runs nothing; no link leaves the folder
        assert tab.eval("window.pwned") is None
        texts = tab.eval("[...document.querySelectorAll('.prompt, .error, .model')].map(e => e.textContent)")
        assert sum(HOSTILE in text for text in texts) == 3 and any("<script>" in text for text in texts)
        links = _attributes(tab)
        assert links and all(":" not in link and ".." not in link and not link.startswith("/") for link in links), links
        assert tab.eval('document.querySelector(\'[data-line="8"] img, [data-line="8"] a\')') is None
        # filters
        tab.eval("(() => { const s = document.getElementById('filter-status'); s.value = 'failed';"
                 " s.dispatchEvent(new Event('change')); })()")  # fmt: skip
        tab.wait_for("location.hash === '#status=failed'")
        assert tab.eval("[...document.querySelectorAll('#cards .card')].map(c => c.dataset.status)") == ["failed"] * 2
        tab.eval("location.hash = '#model=suno'")
        tab.wait_for("document.querySelectorAll('#cards .card').length === 1")
        tab.eval("location.hash = ''")
        tab.wait_for("document.querySelectorAll('#cards .card').length === 8")
        shot = tab.screenshot(tmp_path / "gallery.png")
    print(f"gallery screenshot: {shot}")
    assert shot.stat().st_size > 10_000

    # a large batch: 2 500 lines in three chunks, one page at a time
    big = tmp_path / "big"
    pictures = sorted(out.glob("*.png"))
    big.mkdir()
    for picture in pictures:
        shutil.copy(picture, big / picture.name)
    lines = 2500
    for line in range(1, lines + 1):
        picture = pictures[line % len(pictures)].name
        if line % 10 == 0:
            _forge(big, line, "failed", model="flux-1.1-pro", prompt=f"line {line}", error="no")
        else:
            _forge(big, line, "completed", model="nano-banana" if line % 2 else "flux-1.1-pro",
                   prompt=f"line {line}", credits=4, files=[picture])  # fmt: skip
    _cli("batch", "report", str(big))
    assert sorted(p.name for p in (big / "gallery").iterdir()) == [f"lines-00000{n}.js" for n in (1, 2, 3)]
    with browser.tab(width=1280, height=5000) as tab:  # tall: every lazy picture of the page loads
        tab.open((big / "index.html").as_uri())
        tab.wait_for("document.body.dataset.drawn")
        assert tab.eval("document.querySelectorAll('#cards .card').length") == PAGE_SIZE
        assert _check_media(tab)[0] > 0
        assert tab.eval("document.getElementById('page').textContent") == f"page 1 of {-(-lines // PAGE_SIZE)}"
        loaded = "[...document.querySelectorAll('script[src]')].map(s => s.getAttribute('src'))"
        assert tab.eval(loaded) == ["gallery/lines-000001.js"]
        tab.eval("location.hash = '#page=53'")
        tab.wait_for("document.getElementById('page').textContent === 'page 53 of 53'")
        assert tab.eval("[...document.querySelectorAll('#cards .card')].map(c => +c.dataset.line)") == list(
            range(2497, 2501)
        )
        assert tab.eval(loaded) == ["gallery/lines-000001.js", "gallery/lines-000003.js"]
        tab.eval("location.hash = '#status=failed&page=2'")
        tab.wait_for("document.getElementById('shown').textContent === '250 line(s) match'")
        first = tab.eval("+document.querySelector('#cards .card').dataset.line")
        assert first == 490 and CHUNK_LINES == 1000
