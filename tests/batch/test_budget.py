"""max_credits: a budget that holds under concurrency, across runs and across two shards sharing it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import apiframe.batch
from apiframe import AsyncApiframe, InvalidRequestError
from apiframe.batch import open_store, summarise
from apiframe.batch._budget import read_ledgers
from apiframe.testing import Sandbox, SandboxConfig

LINE = {"model": "kling-2.1", "prompt": "a wave", "params": {"duration": 5}}
"""The sandbox prices kling-2.1 at 8 to 12 credits a second: worst case 60, charged 40."""


def lines(count: int) -> list[dict[str, Any]]:
    return [{**LINE, "prompt": f"wave {n}"} for n in range(count)]


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    # The team has exactly the budget: were the batch ever to hold more, the API would answer 402.
    with Sandbox(SandboxConfig(job_seconds=0.3, initial_credits=500)) as running:
        yield running


@pytest.mark.slow
def test_the_budget_holds_under_concurrency_and_a_later_run_resumes_it(sandbox: Sandbox, tmp_path: Path) -> None:
    out = tmp_path / "out"
    connection = {"api_key": sandbox.api_key, "base_url": sandbox.base_url}
    first = apiframe.batch.run(lines(16), out=out, concurrency=8, max_credits=300, **connection)
    # A line starts while spent + running worst cases + 60 <= 300: it stops at 280 spent (7 lines).
    assert (first.completed, first.unfinished, first.credits_spent) == (7, 9, 280)
    assert sandbox.credits_spent() == 280
    refused = [line for line in first.lines if line.status == "pending"]
    assert all("does not fit in the budget of 300" in (line.error or "") for line in refused)
    assert all(line.job_id is None for line in refused)  # nothing submitted for them
    ledger = json.loads((out / "credits" / "1" / "1.json").read_text())
    assert (ledger["spent"], ledger["reserved"], ledger["claim"], ledger["limit"]) == (280, 0, 280, 300)

    again = apiframe.batch.run(lines(16), out=out, concurrency=8, max_credits=500, **connection)
    assert (again.completed, again.credits_spent) == (12, 480)  # 280 from before + 5 more lines
    assert sandbox.credits_spent() == 480 and sandbox.job_count() == 12
    summary = asyncio.run(summarise(open_store(out)))
    assert (summary.credits_spent, dict(summary.credits_spent_by_model)) == (480, {"kling-2.1": 480})


def test_a_bad_budget_is_refused_before_anything_is_sent(sandbox: Sandbox, tmp_path: Path) -> None:
    for bad in (-1, 2.5, True):
        with pytest.raises(InvalidRequestError) as error:
            apiframe.batch.run(
                lines(2), out=tmp_path / "o", max_credits=bad, api_key=sandbox.api_key, base_url=sandbox.base_url
            )
        assert "max_credits must be a whole number of credits" in str(error.value)
    assert sandbox.job_count() == 0


@pytest.mark.slow
@pytest.mark.parametrize("where", ["local", "s3"])
def test_two_shards_sharing_one_budget_never_overrun_it(
    sandbox: Sandbox, tmp_path: Path, request: pytest.FixtureRequest, where: str
) -> None:
    if where == "s3":
        server = request.getfixturevalue("aws_env")
        out: Any = f"s3://{server.new_bucket()}/run"
        options = server.options()
    else:
        out, options = str(tmp_path / "out"), {}
    batch = lines(20)

    async def both() -> list[apiframe.batch.BatchResult]:
        async with AsyncApiframe(api_key=sandbox.api_key, base_url=sandbox.base_url) as client:
            return await asyncio.gather(
                *(
                    apiframe.batch.arun(
                        batch, out=out, shard=f"{k}/2", concurrency=4, client=client, max_credits=420,
                        storage_options=options,
                    )
                    for k in (1, 2)
                )
            )  # fmt: skip

    results = asyncio.run(both())
    spent = sandbox.credits_spent()
    assert spent <= 420 and spent == sum(result.credits_spent for result in results)
    assert spent >= 420 - 2 * 60 - 40  # the budget is used, not hoarded: each shard stops only when full
    assert sum(result.completed for result in results) == spent // 40 == sandbox.job_count()
    store = open_store(out, **options)
    ledgers, damaged = asyncio.run(read_ledgers(store))
    assert not damaged and sorted(str(item.shard) for item in ledgers) == ["1/2", "2/2"]
    assert sum(item.claim for item in ledgers) <= 420 and sum(item.spent for item in ledgers) == spent
    assert asyncio.run(summarise(store)).credits_spent == spent


def test_a_batch_without_a_budget_records_what_it_spent(sandbox: Sandbox, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = apiframe.batch.run(lines(3), out=out, api_key=sandbox.api_key, base_url=sandbox.base_url)
    assert result.completed == 3 and result.credits_spent == 120 == sandbox.credits_spent()
    assert [line.credit_cost for line in result.lines] == [40, 40, 40]
    summary = asyncio.run(summarise(open_store(out)))
    assert summary.credits_spent == 120 and summary.shards[0].credits_spent == 120
