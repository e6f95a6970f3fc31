"""The notebook displays of hand-built snapshots: what they show and what they refuse to show."""

from __future__ import annotations

from typing import Any

from apiframe import Job, Output
from apiframe._handles import _Handle

HOSTILE = '<script>alert(1)</script>" onerror=alert(2) \x1b[31mred\x1b[0m'


def _job(**fields: Any) -> Job:
    base = {
        "id": "j-1",
        "status": "COMPLETED",
        "model": "flux-1.1-pro",
        "progress": 100,
        "error": None,
        "creditCost": 4,
        "webhookStatus": None,
        "createdAt": "2026-01-01T00:00:00Z",
        "completedAt": "2026-01-01T00:00:10Z",
    }
    return Job.from_dict({**base, **fields})


class _Printer:
    def __init__(self) -> None:
        self.text_written = ""

    def text(self, value: str) -> None:
        self.text_written += value


def test_expiry_and_expired_results() -> None:
    urls = {"outputs": [{"url": "https://cdn.example/a.mp4", "contentType": "video/mp4"}]}
    fresh = _job(result=urls, input={"prompt": "waves"})._repr_html_()
    assert (
        "results kept until about 2026-01-02 00:00 UTC" in fresh and '<video src="https://cdn.example/a.mp4"' in fresh
    )
    gone = _job(result=urls, expired=True)._repr_html_()
    assert "results expired" in gone and "<video" not in gone and "cdn.example" not in gone


def test_hostile_text_is_escaped_in_html_and_stripped_for_the_terminal() -> None:
    job = _job(status="FAILED", error=HOSTILE, model=HOSTILE, input={"prompt": HOSTILE}, completedAt=None)
    html = job._repr_html_()
    assert "<script>" not in html and '" onerror' not in html and html.count("&lt;script&gt;") == 3
    printer = _Printer()
    job._repr_pretty_(printer, False)
    assert "\x1b" not in printer.text_written and "[31m" not in printer.text_written  # the whole sequence
    assert " red" in printer.text_written


def test_only_http_urls_are_linked() -> None:
    for url in ("javascript:alert(1)", "data:image/png;base64,AAAA", 'https://x.example/a.png" onerror=alert(1)'):
        html = Output(url=url, index=1, content_type="image/png")._repr_html_()
        assert "<img" not in html and "href=" not in html
    html = _job(result=["https://cdn.example/1.png", "file:///etc/passwd", "https://cdn.example/2.png"])._repr_html_()
    assert html.count("<img ") == 2 and "max-width:160px" in html and "file:" not in html


def test_a_handle_shows_its_id_and_status_without_fetching() -> None:
    handle = _Handle("job-<b>", "QUEUED")
    assert "job-&lt;b&gt;" in handle._repr_html_() and "QUEUED" in handle._repr_html_()
