"""Issue 22 points 1 and 5: job commands against a server that never answers end in the shell's
words (``--timeout``, never ``timeout=``), naming the deadline the user set; a black-holed host
gets one announced retry per ``--max-retries``, then the error."""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from apiframe.cli._app import cli

_PYTHON_WORDS = re.compile(r"\b(timeout|max_retries|api_key|base_url)=")
_JOB = "0f0e0d0c-0b0a-4000-8000-000000000022"


@pytest.fixture(scope="module")
def silent_server() -> Iterator[str]:
    """A server on 127.0.0.1 that accepts every connection and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                held.append(listener.accept()[0])
            except OSError:  # the listener closed: the module's tests are over
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.shutdown(socket.SHUT_RDWR)
    listener.close()
    thread.join(5)
    for connection in held:
        connection.close()


def _run(url: str, *args: str, width: int = 120) -> Result:
    return CliRunner(env={"COLUMNS": str(width)}).invoke(cli, ["--api-key", "afk_test", "--base-url", url, *args])


@pytest.mark.parametrize(
    ("command", "width"),
    [
        (["generate", "image", "-m", "flux-1.1-pro", "-p", "a cat"], 120),
        (["jobs", "wait", _JOB], 120),
        (["jobs", "download", _JOB, "--wait"], 120),
        (["batch", "BATCH"], 60),  # a table: its error cell wraps inside the width
        (["batch", "BATCH"], 120),
    ],
    ids=["generate", "jobs-wait", "jobs-download-wait", "batch-60", "batch-120"],
)
def test_job_commands_end_a_silent_server_in_the_shells_words(
    silent_server: str, command: list[str], width: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    if command[0] == "batch":
        (tmp_path / "BATCH").write_text('{"model": "flux-1.1-pro", "prompt": "a cat"}\n')
        command = [*command, "--out", "out"]
    else:
        command = [*command, "--out", "out"] if command[0] != "jobs" or command[1] == "download" else command
    result = _run(silent_server, "--timeout", "0.3", "--max-retries", "0", *command, width=width)
    everything = " ".join((result.stdout + result.stderr).split())  # a table's error cell wraps at 60
    assert result.exit_code == 1, everything
    assert "raise --timeout or check the network" in everything and "(deadline 0.3 s)" in everything, everything
    assert not _PYTHON_WORDS.search(everything), everything
    if command[0] == "batch":  # the table fits the width (a line of text is never broken: it may be longer)
        assert max(len(line.rstrip()) for line in result.stdout.splitlines()) <= width, result.stdout


def test_a_black_holed_host_gets_one_retry_line_then_the_error(
    black_hole: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from apiframe import _config

    monkeypatch.setattr(_config, "DEFAULT_CONNECT_TIMEOUT", 0.3)  # the 5 s default, shortened for the test
    monkeypatch.chdir(tmp_path)
    result = _run(black_hole, "--timeout", "1.5", "--max-retries", "1", "generate", "image", "-m", "flux-1.1-pro",
                  "-p", "a cat", "--out", "out")  # fmt: skip
    assert result.exit_code == 1, result.stderr
    retries = [line for line in result.stderr.splitlines() if "retrying" in line]
    assert retries == ["no answer from 127.0.0.1 after 0.3 s, retrying (1/1)"], result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("job - did not complete: POST /v2/images/generate timed out after 2 attempts"), last
    assert "(deadline 1.5 s); raise --timeout or check the network" in last
    assert not _PYTHON_WORDS.search(result.stderr), result.stderr


def test_a_wait_deadline_left_only_as_text_names_wait_timeout() -> None:
    from apiframe.batch._runner import Task
    from apiframe.cli._messages import task_problem

    note = "still running: job J did not finish within 5 s (last status PROCESSING, progress 40); wait again with a "
    task = Task(1, None, key="k", note=note + "longer timeout=, or receive a webhook instead")
    assert task_problem(task) == note + "longer --wait-timeout, or receive a webhook instead"
    assert task_problem(Task(2, None, key="k", error="GET /x timed out (deadline 2 s); raise timeout= or check")) == (
        "GET /x timed out (deadline 2 s); raise --timeout or check"
    )
    assert task_problem(Task(3, None, key="k")) == ""


def test_off_a_terminal_no_table_row_or_caption_is_broken(
    silent_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """README "Output": in a pipe (no terminal, no COLUMNS) the batch table's error cell and its caption
    stay on one line each, however long."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COLUMNS", raising=False)
    (tmp_path / "BATCH").write_text('{"model": "flux-1.1-pro", "prompt": "a cat"}\n')
    out = "results-of-a-batch-in-a-folder-with-a-name-long-enough-to-pass-eighty-columns"
    args = ["--api-key", "afk_test", "--base-url", silent_server, "--timeout", "0.3", "--max-retries", "0"]
    result = CliRunner(env={"COLUMNS": None}).invoke(cli, [*args, "batch", "BATCH", "--out", out])
    assert result.exit_code == 1, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    row = next(line for line in lines if line.startswith("1  flux-1.1-pro"))
    assert row.endswith("POST /v2/images/generate timed out (deadline 0.3 s); raise --timeout or check the network")
    assert f"files in {out}/ (--all lists every line; --json for a script-readable summary)" in lines
    assert max(map(len, lines)) > 80  # the default width of a console off a terminal: not applied
