"""``apiframe.batch.run``: the engine without the shell, its shards, its keys and the old manifest."""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import apiframe.batch
from apiframe import Apiframe, AsyncApiframe, InvalidRequestError
from apiframe.batch import BatchState, Shard, batch_identity, line_key, open_store, parse_lines, summarise
from apiframe.batch._legacy import MANIFEST_NAME
from apiframe.batch._lines import legacy_identity
from apiframe.testing import Sandbox, SandboxConfig


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(SandboxConfig(job_seconds=0.2, seed=3)) as running:
        yield running


def lines(count: int) -> list[str]:
    return [json.dumps({"model": "flux-1.1-pro", "prompt": f"item {n}"}) for n in range(count)]


@pytest.mark.slow
def test_shards_run_from_python_cover_every_line_once(sandbox: Sandbox, tmp_path: Path) -> None:
    out = tmp_path / "out"
    given = ["# a comment", *lines(9), ""]
    with Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
        results = [apiframe.batch.run(given, out=out, shard=f"{k}/3", client=client) for k in (1, 2, 3)]
    owned = [{line.line for line in result.lines} for result in results]
    assert set().union(*owned) == set(range(2, 11)) and sum(map(len, owned)) == 9  # each line in one shard
    assert all(result.completed == len(result.lines) and result.unfinished == 0 for result in results)
    assert sandbox.job_count() == 9
    files = {name for result in results for line in result.lines for name in line.files}
    assert files and all((out / name).is_file() for name in files)
    summary = asyncio.run(summarise(open_store(out)))
    assert (summary.lines, summary.done, summary.pending) == (9, 9, 0)
    again = apiframe.batch.run(given, out=out, shard="2/3", api_key=sandbox.api_key, base_url=sandbox.base_url)
    assert again.completed == len(again.lines) and sandbox.job_count() == 9  # resumed: nothing redone


def test_arun_with_an_async_client(sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> apiframe.batch.BatchResult:
        async with AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
            return await apiframe.batch.arun(
                [{"model": "flux-1.1-pro", "prompt": "a dict line"}], out=f"file://{tmp_path}/o", client=client
            )

    result = asyncio.run(main())
    assert result.completed == 1 and (tmp_path / "o" / result.lines[0].files[0]).is_file()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"shard": "0/4"}, "shard 0/4 does not exist"),
        ({"concurrency": 0}, "concurrency must be a whole number from 1 to 256"),
        ({"client": object()}, "client must be an apiframe.Apiframe or AsyncApiframe"),
        ({"api_key": "afk_x", "client": AsyncApiframe(api_key="afk_x")}, "pass either client= or api_key="),
    ],
)
def test_bad_arguments_are_refused_before_anything_is_sent(
    sandbox: Sandbox, tmp_path: Path, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidRequestError, match=message):
        connection = {} if "client" in kwargs else {"api_key": sandbox.api_key, "base_url": sandbox.base_url}
        apiframe.batch.run(lines(2), out=tmp_path / "o", **(connection | kwargs))  # type: ignore[arg-type]
    assert sandbox.job_count() == 0


def test_a_bad_line_is_refused_with_its_number(sandbox: Sandbox, tmp_path: Path) -> None:
    with pytest.raises(InvalidRequestError, match="line 2: unknown model 'nope'"):
        apiframe.batch.run(
            [*lines(1), json.dumps({"model": "nope", "prompt": "x"})],
            out=tmp_path / "o",
            api_key=sandbox.api_key,
            base_url=sandbox.base_url,
        )
    with pytest.raises(InvalidRequestError, match="must be an iterable of lines"):
        parse_lines(lines(1)[0])  # type: ignore[arg-type]
    assert sandbox.job_count() == 0


def test_run_inside_an_event_loop_points_to_arun(tmp_path: Path) -> None:
    async def main() -> None:
        apiframe.batch.run(lines(1), out=tmp_path)

    with pytest.raises(InvalidRequestError, match=r"await apiframe\.batch\.arun"):
        asyncio.run(main())


def test_the_identity_of_a_url_batch_does_not_depend_on_the_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = parse_lines(lines(1))[0]
    keys = []
    for here in ("a", "b"):
        (tmp_path / here).mkdir()
        monkeypatch.chdir(tmp_path / here)
        keys.append(line_key(batch_identity(open_store("memory://bucket/run-7/")), line))
    assert keys[0] == keys[1] == line_key(batch_identity(open_store("memory://bucket/run-7")), line)
    assert keys[0] != line_key(batch_identity(open_store("memory://bucket/run-8")), line)
    assert keys[0] != line_key(batch_identity(open_store("memory://bucket/run-7")), line, attempt=1)
    # a local folder is named by its absolute path: a relative --out means the same folder from anywhere in it
    monkeypatch.chdir(tmp_path)
    relative = batch_identity(open_store("a/out"))
    assert relative == batch_identity(open_store(tmp_path / "a" / "out"))


def test_a_batch_started_with_a_manifest_resumes_with_its_keys(sandbox: Sandbox, tmp_path: Path) -> None:
    """An interrupted batch of the version that kept ``manifest.jsonl`` resumes: same jobs, same files."""
    from click.testing import CliRunner

    from apiframe.cli._app import cli

    batch, out = tmp_path / "b.jsonl", tmp_path / "out"
    batch.write_text("\n".join(lines(4)) + "\n")
    parsed = parse_lines(lines(4))
    identity = legacy_identity(batch, out)  # what the earlier version derived its keys from
    with Apiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
        jobs = {
            line.number: client.images.generate(
                model="flux-1.1-pro", prompt=f"item {line.number - 1}", idempotency_key=line_key(identity, line)
            ).job_id
            for line in parsed[:3]
        }
        done = client.jobs.download(client.jobs.wait(jobs[1]), out)
    rows = [
        {"line": 1, "status": "completed", "job_id": jobs[1], "files": [done[0].name]},
        {"line": 2, "status": "submitted", "job_id": jobs[2], "files": []},
        # line 3 was submitted, but the run was killed before its record: its key is derived again
        {"line": 4, "status": "pending", "job_id": None, "files": []},
    ]
    out.joinpath(MANIFEST_NAME).write_text(
        "".join(
            json.dumps(
                {
                    **row,
                    "input": parsed[row["line"] - 1].digest,
                    "key": line_key(identity, parsed[row["line"] - 1]),
                    "attempt": 0,
                    "model": "flux-1.1-pro",
                    "error": None,
                }
            )
            + "\n"  # type: ignore[index, operator]
            for row in rows
        )
        + '{"line": 4, "inp'  # and its last record was torn by the kill
    )
    stamp = done[0].stat().st_mtime_ns
    result = CliRunner().invoke(
        cli,
        ["--json", "--api-key", sandbox.api_key, "--base-url", sandbox.base_url, "batch", str(batch), "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    final = {line["line"]: line["jobId"] for line in json.loads(result.stdout)["results"]}
    assert sandbox.job_count() == 4  # lines 1-3 kept their jobs; only line 4 was new
    assert {n: final[n] for n in (1, 2, 3)} == jobs
    assert done[0].stat().st_mtime_ns == stamp  # a finished line is not redone
    view = asyncio.run(BatchState(open_store(out)).latest())
    assert {line: record.status for line, record in view.records.items()} == {
        2: "completed",
        3: "completed",
        4: "completed",
    }


def test_shard_parse_errors_name_the_flag_value(tmp_path: Path) -> None:
    assert str(Shard.parse(" 3 / 8 ")) == "3/8"
    with pytest.raises(InvalidRequestError, match='shard must be written "K/N"'):
        Shard.parse("3")
    assert not os.listdir(tmp_path)


def test_the_public_signatures_resolve_at_run_time() -> None:
    import typing

    from apiframe.batch import BatchRun, save_outputs

    hints = typing.get_type_hints(apiframe.batch.run)
    assert hints["client"] == Apiframe | AsyncApiframe | None
    assert typing.get_type_hints(apiframe.batch.arun)["return"] is apiframe.batch.BatchResult
    for function in (BatchRun.execute, BatchRun.plan, save_outputs):
        assert typing.get_type_hints(function)


def test_a_shard_parses_and_keeps_only_its_own_lines() -> None:
    shard = Shard(1, 4)
    given = [json.dumps({"model": "flux-1.1-pro", "prompt": f"p{n}"}) for n in range(40)]
    foreign = next(n for n in range(1, 41) if not shard.owns(n))
    given[foreign - 1] = "{not json"  # another shard's problem: this one never parses it
    kept = parse_lines(given, owns=shard.owns)
    assert [line.number for line in kept] == [n for n in range(1, 41) if shard.owns(n)]
    with pytest.raises(InvalidRequestError, match=f"line {foreign}: not JSON"):
        parse_lines(given)
    only_comments = ["# a", "", *[json.dumps({"model": "flux-1.1-pro", "prompt": "x"})] * 3]
    lonely = next(k for k in range(1, 9) if not any(Shard(k, 8).owns(n) for n in (3, 4, 5)))
    assert parse_lines(only_comments, owns=Shard(lonely, 8).owns) == []  # nothing to do is not an error
    with pytest.raises(InvalidRequestError, match="has no request lines"):
        parse_lines(["# a", ""], owns=Shard(1, 2).owns)
