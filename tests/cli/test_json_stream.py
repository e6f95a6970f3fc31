"""``--json`` output is written as it is encoded, in pieces cut at line breaks: the same document,
cleaned the same way, without ever holding it as one string."""

from __future__ import annotations

import json
import secrets

import pytest

from apiframe._logging import register_secret
from apiframe.cli._terminal import clean, json_text, write_json


def _results(count: int, extra: str = "") -> dict[str, object]:
    rows = [
        {"line": n, "error": f"\x1b[31mred\x1b[0m{extra} \u200b é \u2028 {'x' * (n % 97)}", "files": [f"{n}.png"]}
        for n in range(count)  # well past one 64 KiB piece
    ]
    return {"lines": count, "results": rows}


def test_a_large_document_streams_to_the_same_text(capsys: pytest.CaptureFixture[str]) -> None:
    data = _results(6000)
    write_json(data)
    out = capsys.readouterr().out
    assert out == clean(json_text(data)) + "\n"
    assert len(json.loads(out)["results"]) == 6000


def test_a_registered_secret_is_removed_from_every_piece(capsys: pytest.CaptureFixture[str]) -> None:
    secret = "afk_" + secrets.token_hex(16)  # unique: the registry keeps it for this process
    register_secret(secret)
    write_json(_results(6000, extra=f" {secret}"))
    out = capsys.readouterr().out
    assert secret not in out and secret[4:20] not in out and "\x1b" not in out
    assert [row["line"] for row in json.loads(out)["results"]] == list(range(6000))
